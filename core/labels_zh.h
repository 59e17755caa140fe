// Cells and rule sides named in Chinese by the template's own labels (no dictionary needed):
// what the Chinese messages (pipeline/messages_zh.h) and the compiled rule texts
// (core/rule_program.h) show instead of codes.
#ifndef GONGKAI_CORE_LABELS_ZH_H_
#define GONGKAI_CORE_LABELS_ZH_H_

#include <string>
#include <string_view>

#include "core/template.h"

namespace gongkai {

// "表三·一、本年新收政府信息公开申请数量·总计"; parts not in the template are shown as codes;
// empty parts are left out.
std::string CoordinateLabelZh(const Template* tmpl, const std::string& table,
                              const std::string& row, const std::string& col);
// A rule side "t3.new.natural + t3.new.commercial" with each cell named by its row and column
// labels ("一、本年新收政府信息公开申请数量·自然人 + …"; a rule stays within one table).
std::string TermsLabelZh(const Template* tmpl, const std::string& terms);
// The label of the template's first rule with this key; nullptr when the template has none
// (or no template is given).
const std::string* TemplateRuleLabel(const Template* tmpl, const std::string& rule_key);

// The fixed texts of a rule result's Chinese message (the rule's label and its two sides named
// in Chinese), so that a message is one of them plus its numbers:
//   pass:            "勾稽关系“<label>”成立：<lhs> = <rhs> = " + lhs value
//   fail:            "勾稽关系“<label>”不成立：左边 <lhs> = " + lhs value +
//                    "，右边 <rhs> = " + rhs value + "，相差 " + difference
//   not assessable:  "勾稽关系“<label>”无法判断（有单元格为空、不适用或缺失）：<lhs> = <rhs>" (whole)
// Built once per compiled rule instance (core/rule_program.h), or per message when the
// printed alternatives differ from the ones compiled (pipeline/messages_zh.h).
struct RuleMessageZhParts {
  std::string pass, fail_left, fail_right, not_assessable;
};
RuleMessageZhParts RuleMessagePartsZh(std::string_view label, std::string_view lhs,
                                      std::string_view rhs);
inline constexpr std::string_view kRuleMessageZhDiff = "，相差 ";

}  // namespace gongkai

#endif  // GONGKAI_CORE_LABELS_ZH_H_
