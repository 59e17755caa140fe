// narrative: counts a report states in its prose (总体情况), compared with its own table cells.
// "共受理政府信息公开申请859件" is checked against 表三 本年新收 总计, "答复/办理…申请805件"
// against 三（七）总计, "行政复议351件" against 表四 复议总计 and "行政诉讼46件" against 未经复议
// 直接起诉 + 复议后起诉 总计. A statement is read only when it is unambiguous: the number follows
// the phrase directly (a number wrapped onto the next line with its 件 is joined), and the
// clause before it names exactly one kind of act (收到/受理 vs 办理/答复). Lines inside the
// tables' sections are never read. The table side is the 总计 cell, or the sum of the row's
// printed parts where 总计 is blank (as report_fact does).
//
// Each rule found yields one RuleResult (the first statement of its kind in the report):
// rule_key "narrative.<what>", lhs = the stated number (lhs_terms: the phrase as written),
// rhs = the table figure (rhs_terms: its cells), line = the prose line; pass / fail /
// not_assessable (the table figure is blank). A failure also yields a Finding of kind
// "narrative_mismatch". Never throws on report content.
#ifndef GONGKAI_EXTRACTORS_NARRATIVE_H_
#define GONGKAI_EXTRACTORS_NARRATIVE_H_

#include <string>
#include <vector>

#include "core/lines.h"
#include "core/report.h"
#include "core/template.h"
#include "extractors/sections.h"

namespace gongkai {

std::vector<RuleResult> CheckNarrative(const Lines& lines,
                                       const Template& tmpl, const std::vector<Cell>& cells,
                                       std::vector<Finding>* findings,
                                       SectionIndex* index = nullptr);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_NARRATIVE_H_
