// fact_rows: the rows a loaded report puts in report_fact, report_applicant_fact and
// report_rule_fact, computed from its record in the loader's process, so that the loaders write
// them in the same pass as the cells (COPY in PostgreSQL, prepared INSERTs in SQLite) instead of
// reading the cells back with the SQL fills.
//
// Contract:
//   - The rows equal, column for column, what sql/facts/10_report_fact.sql,
//     20_report_applicant_fact.sql and 50_report_rule_fact.sql insert for the same report when
//     no cell_correction applies to its division, unit and year (corrected_cells = 0): the same
//     NULL rules (a SUM over no number is NULL; COALESCE to 0 where the SQL does), the same
//     totals (a 总计 as reported, else the sum of the numeric parts, total_source
//     'sum_of_parts'), the same rule exclusion (rules_* skip rule keys beginning "narrative."),
//     the same CAST(... AS BIGINT) of each dialect (SQLite truncates toward zero, PostgreSQL
//     rounds half to even). tests/loaders/fact_rows_test.cc compares them on both databases.
//   - A report whose unit-year has a correction is not for this file: the loaders run the SQL
//     fills for it (the SQL files stay the one definition of the correction overlay).
//   - `counted` (report.counted after the report row was written, schema v12) is given by the
//     caller; everything else comes from the record and the report id.
//   - Applicant rows come in applicant (t3 column code) order, rule rows in (rule_key, status)
//     order, as the SQL's GROUP BY gives them.
//   - Pure: no I/O, no database.
#ifndef GONGKAI_LOADERS_FACT_ROWS_H_
#define GONGKAI_LOADERS_FACT_ROWS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/report.h"

namespace gongkai {

// A cell's coordinate as the fact rows read it: the one place that knows how a Cell stores it.
struct FactCoord {
  std::string_view table, row, col;
};
inline FactCoord CoordOf(const Cell& c) { return {c.table(), c.row(), c.col()}; }

// How CAST(double AS BIGINT) rounds: SQLite truncates toward zero, PostgreSQL rounds half even.
enum class FactDialect { kSqlite, kPostgres };

// One column value: NULL, an integer, a real or a text.
struct FactValue {
  enum Kind { kNull, kInt, kReal, kText } kind = kNull;
  long long i = 0;
  double r = 0;
  std::string t;
};

// One table's rows, every row's values in the order of `columns`.
struct FactTableRows {
  const char* table;
  const std::vector<const char*>* columns;
  std::vector<std::vector<FactValue>> rows;
};

struct FactRows {
  FactTableRows report_fact, applicant_fact, rule_fact;
};

// The column lists, in the order the rows carry them (report_id first).
const std::vector<const char*>& ReportFactColumns();
const std::vector<const char*>& ApplicantFactColumns();
const std::vector<const char*>& RuleFactColumns();

// The fact rows of loaded report `r`, stored under `report_id`.
FactRows ComputeFactRows(const ReportRecord& r, long long report_id, int counted,
                         FactDialect dialect);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_FACT_ROWS_H_
