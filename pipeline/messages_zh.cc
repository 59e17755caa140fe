#include "pipeline/messages_zh.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/rule_program.h"

#include "loaders/dictionary.h"

namespace gongkai {
namespace {

// "%.15g": an integral value below 10^15 prints as its digits (no exponent, no point), so it
// is written as an integer without printf's machinery; every other value goes through printf.
std::string Number(double v) {
  char buf[64];
  if (std::fabs(v) < 1e15 && v == std::trunc(v) && !(v == 0 && std::signbit(v))) {
    auto end = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v)).ptr;
    return std::string(buf, end);
  }
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// Whether `in` was compiled from `tmpl` (its texts then name the cells as `tmpl` does).
bool CompiledFrom(const RuleInstance* in, const Template* tmpl) {
  return in && tmpl && !tmpl->rules.empty() && in->spec >= tmpl->rules.data() &&
         in->spec < tmpl->rules.data() + tmpl->rules.size();
}

}  // namespace

std::string KindLabelZh(const std::string& kind) {
  // The one source of these labels is the data dictionary (sql/dictionary/codes.yaml), where
  // every finding and error kind must have one (LabelsAndDictionary.* enforce it).
  // (A code of both kinds: the first in codes.yaml's order, finding_kind before error_kind.)
  if (const std::string* zh = CodeLabelZh("finding_kind", kind)) return *zh;
  if (const std::string* zh = CodeLabelZh("error_kind", kind)) return *zh;
  return "其他问题（" + kind + "）";
}

std::string RuleLabelZh(const Template* tmpl, const std::string& rule_key) {
  if (const std::string* label = TemplateRuleLabel(tmpl, rule_key)) return *label;
  if (const std::string* zh = CodeLabelZh("rule", rule_key))  // rules outside the template
    return *zh;                                                 // (narrative.*)
  return rule_key;
}

std::string RuleMessageZh(const Template* tmpl, const RuleResult& rule) {
  // A template rule's label and sides were named once when its template was compiled; they are
  // appended to one reserved string, not copied (a message per rule result and report).
  const RuleInstance* in = CompiledFrom(rule.instance, tmpl) ? rule.instance : nullptr;
  std::string label_text, lhs_text, rhs_text;  // what was not named at compile time
  const std::string* label = &label_text;
  if (in) label = &in->label_zh;
  else label_text = RuleLabelZh(tmpl, rule.rule_key());
  const bool first = in && in->compact;  // then *_alts == 0 is every term's first alternative
  const std::string* lhs = &lhs_text;
  const std::string* rhs = &rhs_text;
  if (first && !rule.lhs_alts) lhs = &in->lhs_zh;
  else lhs_text = TermsLabelZh(tmpl, rule.lhs_terms());
  if (first && !rule.rhs_alts) rhs = &in->rhs_zh;
  else rhs_text = TermsLabelZh(tmpl, rule.rhs_terms());
  std::string out;
  out.reserve(label->size() + lhs->size() + rhs->size() + 128);
  out.append("勾稽关系“").append(*label).append("”");
  switch (rule.status) {
    case RuleStatus::kPass:
      out.append("成立：").append(*lhs).append(" = ").append(*rhs).append(" = ");
      out.append(Number(*rule.lhs));
      return out;
    case RuleStatus::kFail:
      out.append("不成立：左边 ").append(*lhs).append(" = ").append(Number(*rule.lhs));
      out.append("，右边 ").append(*rhs).append(" = ").append(Number(*rule.rhs));
      out.append("，相差 ").append(Number(*rule.diff));
      return out;
    case RuleStatus::kNotAssessable:
      break;
  }
  out.append("无法判断（有单元格为空、不适用或缺失）：").append(*lhs).append(" = ").append(*rhs);
  return out;
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
        if (r.status == RuleStatus::kFail && f.raw == r.lhs_terms() + " = " + r.rhs_terms() &&
            (r.subject().empty() || r.subject() == f.row || r.subject() == f.col)) {
          match = &r;
          break;
        }
    f.message_zh = FindingMessageZh(tmpl, f, match);
  }
}

}  // namespace gongkai
