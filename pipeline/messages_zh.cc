#include "pipeline/messages_zh.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/rule_program.h"

#include "loaders/dictionary.h"

namespace gongkai {
namespace {

// "%.15g" into buf (at least 32 bytes), its length returned: an integral value below 10^15
// prints as its digits (no exponent, no point), so it is written as an integer without printf's
// machinery; every other value goes through printf.
std::size_t Number(double v, char* buf) {
  if (std::fabs(v) < 1e15 && v == std::trunc(v) && !(v == 0 && std::signbit(v)))
    return std::to_chars(buf, buf + 32, static_cast<long long>(v)).ptr - buf;
  return static_cast<std::size_t>(std::snprintf(buf, 32, "%.15g", v));
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
  // A template rule's message texts were built once when its template was compiled (for each
  // term's first alternative); a message is one of them and its numbers, in one allocation.
  const RuleInstance* in = CompiledFrom(rule.instance, tmpl) ? rule.instance : nullptr;
  RuleMessageZhParts own;  // built here when the compiled texts do not apply
  const RuleMessageZhParts* parts = &own;
  if (in && in->compact && !rule.lhs_alts && !rule.rhs_alts) {
    parts = &in->message_zh;
  } else {
    const bool first = in && in->compact;  // then *_alts == 0 is every term's first alternative
    own = RuleMessagePartsZh(in ? in->label_zh : RuleLabelZh(tmpl, rule.rule_key()),
                             first && !rule.lhs_alts ? in->lhs_zh
                                                     : TermsLabelZh(tmpl, rule.lhs_terms()),
                             first && !rule.rhs_alts ? in->rhs_zh
                                                     : TermsLabelZh(tmpl, rule.rhs_terms()));
  }
  std::string out;
  char a[32], b[32], c[32];
  switch (rule.status) {
    case RuleStatus::kPass: {
      const std::size_t na = Number(*rule.lhs, a);
      out.reserve(parts->pass.size() + na);
      out.append(parts->pass).append(a, na);
      return out;
    }
    case RuleStatus::kFail: {
      const std::size_t na = Number(*rule.lhs, a), nb = Number(*rule.rhs, b),
                        nc = Number(*rule.diff, c);
      out.reserve(parts->fail_left.size() + na + parts->fail_right.size() + nb +
                  kRuleMessageZhDiff.size() + nc);
      out.append(parts->fail_left).append(a, na).append(parts->fail_right).append(b, nb);
      out.append(kRuleMessageZhDiff).append(c, nc);
      return out;
    }
    case RuleStatus::kNotAssessable:
      break;
  }
  return parts->not_assessable;
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
