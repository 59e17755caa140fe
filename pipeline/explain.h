// explain: one report as a person checks it: placement and edition, then every cell of every
// table in the template's order (code, Chinese labels, value, state, raw text, source line),
// every rule with its status and the source lines of its operands, every finding with its line.
// Renders a record that comes from a file (ProcessReport) or from the warehouse alike.
#ifndef GONGKAI_PIPELINE_EXPLAIN_H_
#define GONGKAI_PIPELINE_EXPLAIN_H_

#include <string>
#include <vector>

#include "core/report.h"
#include "core/template.h"

namespace gongkai {

enum class ExplainFormat { kText, kCsv, kJson };
// "text" | "csv" | "json"; throws std::invalid_argument otherwise.
ExplainFormat ParseExplainFormat(const std::string& name);

// The report's cells in the template's order (table, row, column); cells the template does not
// know go last in their stored order.
std::vector<Cell> CellsInTemplateOrder(const Template* tmpl, const std::vector<Cell>& cells);

// Source lines (sorted, unique, > 0) of the cells named on both sides of a rule result.
std::vector<int> OperandLines(const RuleResult& rule, const std::vector<Cell>& cells);

// Chinese name of a cell state: 数字 | 空白 | 不适用.
const char* CellStateZh(CellState s);

// The whole explanation. tmpl may be null (codes then stand for labels).
//  text: aligned sections for a terminal (wide characters count as two columns);
//  csv:  one row per item, header
//        section,table,row,col,label_zh,value,measure,state,raw,line,status,lines,message_zh,message
//        (section report|cell|rule|finding; report rows carry the field in col, its value in raw);
//  json: {"report":{...},"cells":[...],"rules":[...],"findings":[...]}.
std::string RenderExplain(const ReportRecord& record, const Template* tmpl, ExplainFormat format);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_EXPLAIN_H_
