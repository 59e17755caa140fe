// Chinese texts for what people read: every finding kind, every file error kind and every rule
// result, built in one place from the kind, the coordinate and the template's Chinese labels
// (the English messages stay for logs). Extractors keep producing English; the pipeline adds
// the Chinese text before a record is loaded or shown (AddChineseMessages).
#ifndef GONGKAI_PIPELINE_MESSAGES_ZH_H_
#define GONGKAI_PIPELINE_MESSAGES_ZH_H_

#include <string>

#include "core/labels_zh.h"
#include "core/report.h"
#include "core/template.h"

namespace gongkai {

// The Chinese name of a finding kind or a file error kind, from sql/dictionary/codes.yaml (the
// one source of these labels; "rule_failed" -> "表内勾稽关系不成立"); an unknown kind yields
// "其他问题（kind）".
std::string KindLabelZh(const std::string& kind);
// CoordinateLabelZh and TermsLabelZh (cells and rule sides by their labels): core/labels_zh.h.
// The rule's Chinese label from the template ("总计列 = 六类申请人之和"), else from
// sql/dictionary/codes.yaml (`rule:`, the narrative checks), else its key.
std::string RuleLabelZh(const Template* tmpl, const std::string& rule_key);
// "勾稽关系“…”不成立：左边 … = 3，右边 … = 2" (or 成立 / 无法判断).
std::string RuleMessageZh(const Template* tmpl, const RuleResult& rule);
// The Chinese message of a finding (kind, place, line, raw text); rule failures name cells.
std::string FindingMessageZh(const Template* tmpl, const Finding& finding,
                             const RuleResult* rule = nullptr);
// The Chinese message of a file that could not be read as a report.
std::string ErrorMessageZh(const std::string& error_kind, const std::string& message);

// Fills Finding::message_zh of every finding of the record (rule failures get the matching
// rule result's operands and values) and RuleResult::message_zh of every rule result; the
// loaders store both (finding.message_zh, rule_result.message_zh).
void AddChineseMessages(const Template* tmpl, ReportRecord* record);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_MESSAGES_ZH_H_
