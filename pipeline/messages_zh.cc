#include "pipeline/messages_zh.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "loaders/dictionary.h"

namespace gongkai {
namespace {

const std::map<std::string, std::string>& KindLabels() {
  static const std::map<std::string, std::string> labels = {
      // findings of the extractor and the validator
      {"value_count", "数值个数与模板的列数不符"},
      {"unknown_label", "无法识别的行标签"},
      {"ambiguous_label", "行标签可对应多个模板行"},
      {"duplicate_row", "同一行出现多次"},
      {"subtotal_mismatch", "小计与各分项之和不符"},
      {"extra_column", "多出模板之外的列"},
      {"not_a_number", "单元格不是数字"},
      {"negative", "计数列出现负数"},
      {"unit_mismatch", "计量单位与该列不符"},
      {"not_integer", "计数列出现小数"},
      {"ambiguous_unit", "金额单位无法确定"},
      {"implausible_value", "数值大得不可信（不作为数字）"},
      {"row_missing", "缺少模板中的行"},
      {"table_missing", "缺少模板中的表格"},
      {"rule_failed", "勾稽关系不成立"},
      {"narrative_mismatch", "正文所述数字与表格不符"},
      {"correction_outdated", "更正所依据的提取值已改变"},
      // findings of identification
      {"county_ambiguous", "所属县（市、区）可能有多个"},
      {"county_unknown", "所属县（市、区）无法确定"},
      {"edition_mismatch", "模板版本与报告年度不符"},
      {"duplicate_report", "同一单位同一年度有多份报告（未计入）"},
      // files that could not be read as reports
      {"too_large", "文件过大"},
      {"binary", "文件含二进制内容，不是文本导出"},
      {"invalid_encoding", "编码既不是UTF-8也不是GB18030"},
      {"empty", "文件没有文字"},
      {"not_a_report", "不是政府信息公开工作年度报告"},
      {"unknown_edition", "没有适用于该年度的模板版本"},
      {"truncated", "文本在报告结束之前中断"},
      {"no_tables", "表二、表三、表四均无法读出"},
      {"unreadable", "文件无法读取"},
      {"internal_error", "程序内部错误"},
  };
  return labels;
}

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string Trimmed(const std::string& s) {
  std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// "t3.new.total" -> its labels; anything else is returned as it is.
std::string CellRefLabel(const Template* tmpl, const std::string& ref) {
  std::size_t a = ref.find('.'), b = a == std::string::npos ? a : ref.find('.', a + 1);
  if (b == std::string::npos) return ref;
  // A rule stays within one table (its label names it): the cell is named by row and column.
  std::string full = CoordinateLabelZh(tmpl, ref.substr(0, a), ref.substr(a + 1, b - a - 1),
                                       ref.substr(b + 1));
  std::size_t dot = full.find("·");
  return dot == std::string::npos ? full : full.substr(dot + std::string("·").size());
}

}  // namespace

std::string KindLabelZh(const std::string& kind) {
  auto it = KindLabels().find(kind);
  if (it != KindLabels().end()) return it->second;
  // Kinds without a sentence of their own here take their label from the data dictionary
  // (sql/dictionary/codes.yaml), where every finding and error kind must have one.
  for (const auto& c : EmbeddedDictionary().codes)
    if ((c.kind == "finding_kind" || c.kind == "error_kind") && c.code == kind) return c.zh;
  return "其他问题（" + kind + "）";
}

std::string CoordinateLabelZh(const Template* tmpl, const std::string& table,
                              const std::string& row, const std::string& col) {
  const TableSpec* t = tmpl && !table.empty() ? tmpl->FindTable(table) : nullptr;
  std::string out = t ? t->label : table;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += "·";
    out += part;
  };
  if (!row.empty()) {
    const RowSpec* r = t ? t->FindRow(row) : nullptr;
    if (!r) add(row);
    else if (!r->unlabeled) add(r->label);
  }
  if (!col.empty()) {
    const ColumnSpec* c = t ? t->FindColumn(col) : nullptr;
    add(c ? c->label : col);
  }
  return out;
}

std::string TermsLabelZh(const Template* tmpl, const std::string& terms) {
  std::string out;
  std::size_t start = 0;
  while (start <= terms.size()) {
    std::size_t plus = terms.find(" + ", start);
    std::string part = Trimmed(terms.substr(start, plus == std::string::npos ? std::string::npos
                                                                             : plus - start));
    if (!part.empty()) {
      if (!out.empty()) out += " + ";
      out += CellRefLabel(tmpl, part);
    }
    if (plus == std::string::npos) break;
    start = plus + 3;
  }
  return out;
}

std::string RuleLabelZh(const Template* tmpl, const std::string& rule_key) {
  if (tmpl)
    for (const auto& r : tmpl->rules)
      if (r.key == rule_key) return r.label;
  for (const auto& c : EmbeddedDictionary().codes)  // rules outside the template (narrative.*)
    if (c.kind == "rule" && c.code == rule_key) return c.zh;
  return rule_key;
}

std::string RuleMessageZh(const Template* tmpl, const RuleResult& rule) {
  std::string head = "勾稽关系“" + RuleLabelZh(tmpl, rule.rule_key) + "”";
  std::string lhs = TermsLabelZh(tmpl, rule.lhs_terms), rhs = TermsLabelZh(tmpl, rule.rhs_terms);
  switch (rule.status) {
    case RuleStatus::kPass:
      return head + "成立：" + lhs + " = " + rhs + " = " + Number(*rule.lhs);
    case RuleStatus::kFail:
      return head + "不成立：左边 " + lhs + " = " + Number(*rule.lhs) + "，右边 " + rhs + " = " +
             Number(*rule.rhs) + "，相差 " + Number(*rule.diff);
    case RuleStatus::kNotAssessable:
      break;
  }
  return head + "无法判断（有单元格为空、不适用或缺失）：" + lhs + " = " + rhs;
}

std::string FindingMessageZh(const Template* tmpl, const Finding& f, const RuleResult* rule) {
  if (f.kind == "rule_failed" && rule) return RuleMessageZh(tmpl, *rule);
  std::string out = KindLabelZh(f.kind);
  std::string where = CoordinateLabelZh(tmpl, f.table, f.row, f.col);
  if (!where.empty()) out += "，位置：" + where;
  if (f.line > 0) out += "，第" + std::to_string(f.line) + "行";
  if (!f.raw.empty() && f.kind != "rule_failed") out += "，原文：“" + f.raw + "”";
  if (f.kind == "rule_failed" && !f.raw.empty()) {
    std::size_t eq = f.raw.find(" = ");
    if (eq != std::string::npos)
      out += "：" + TermsLabelZh(tmpl, f.raw.substr(0, eq)) + " ≠ " +
             TermsLabelZh(tmpl, f.raw.substr(eq + 3));
  }
  return out;
}

std::string ErrorMessageZh(const std::string& error_kind, const std::string& message) {
  std::string out = KindLabelZh(error_kind);
  if (!message.empty()) out += "（" + message + "）";
  return out;
}

void AddChineseMessages(const Template* tmpl, ReportRecord* record) {
  for (auto& r : record->rules) r.message_zh = RuleMessageZh(tmpl, r);
  for (auto& f : record->findings) {
    const RuleResult* match = nullptr;
    if (f.kind == "rule_failed")
      for (const auto& r : record->rules)
        if (r.status == RuleStatus::kFail && f.raw == r.lhs_terms + " = " + r.rhs_terms &&
            (r.subject.empty() || r.subject == f.row || r.subject == f.col)) {
          match = &r;
          break;
        }
    f.message_zh = FindingMessageZh(tmpl, f, match);
  }
}

}  // namespace gongkai
