#include "pipeline/messages_zh.h"

#include <cmath>
#include <cstdio>

#include "loaders/dictionary.h"

namespace gongkai {
namespace {

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
  // The one source of these labels is the data dictionary (sql/dictionary/codes.yaml), where
  // every finding and error kind must have one (LabelsAndDictionary.* enforce it).
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
