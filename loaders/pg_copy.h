// pg_copy: the child rows of one report (cell, finding, rule_result) in PostgreSQL's COPY text
// format, formatted when the report is handed to the loader (on the caller's thread) rather than
// by the thread that writes its batch, so that the server is not kept waiting while a batch's
// lines are formatted; and the helpers that write COPY text.
//
// Contract:
//   - Every row is one line ending in '\n', its fields separated by '\t', in the column order of
//     kCellColumns / kFindingColumns / kRuleColumns WITHOUT the leading report_id, which is not
//     known until the batch's upsert ran: AppendWithId() puts it in front of every line.
//   - A field is escaped as COPY's text format needs (backslash, newline, carriage return and tab
//     as \\ \n \r \t; every other byte as it is, UTF-8 included); an absent value is \N. A double
//     is written in its shortest form that reads back as the same double (std::to_chars).
//   - The values are those the writer stored before this component existed: a finding's seq
//     counts from 1 in the report's order, a line of 0 is NULL for findings and rule results,
//     an empty optional text (Opt in pg_batch) is NULL.
#ifndef GONGKAI_LOADERS_PG_COPY_H_
#define GONGKAI_LOADERS_PG_COPY_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/report.h"

namespace gongkai {

// The columns of each child table as the lines carry them, report_id first (AppendWithId).
inline constexpr const char* kCellColumns[] = {"report_id", "table_code", "row_code", "col_code",
                                               "state",     "value",      "measure",  "raw",
                                               "source_line"};
inline constexpr const char* kFindingColumns[] = {
    "report_id", "seq", "kind", "severity", "table_code", "row_code", "col_code", "source_line",
    "raw", "message", "message_zh"};
inline constexpr const char* kRuleColumns[] = {
    "report_id", "rule_key", "subject", "lhs_terms", "rhs_terms", "lhs", "rhs", "diff", "status",
    "source_line", "message_zh"};

// One report's child rows, without report_id.
struct PgCopyText {
  std::string cell, finding, rule;
};

PgCopyText FormatCopyText(const ReportRecord& r);

// Appends every line of `lines` (as FormatCopyText makes them) to `out` with `id` and a tab in
// front.
void AppendWithId(std::string& out, long long id, std::string_view lines);

// One field in COPY's text format, appended to `line`.
void AppendCopyText(std::string& line, std::string_view v);
void AppendCopyInt(std::string& line, long long v);
void AppendCopyReal(std::string& line, double v);
inline void AppendCopyNull(std::string& line) { line += "\\N"; }

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_PG_COPY_H_
