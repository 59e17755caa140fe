// Cells and rule sides named in Chinese by the template's own labels (no dictionary needed):
// what the Chinese messages (pipeline/messages_zh.h) and the compiled rule texts
// (core/rule_program.h) show instead of codes.
#ifndef GONGKAI_CORE_LABELS_ZH_H_
#define GONGKAI_CORE_LABELS_ZH_H_

#include <string>

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

}  // namespace gongkai

#endif  // GONGKAI_CORE_LABELS_ZH_H_
