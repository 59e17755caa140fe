// export: one of the warehouse's views to a file a colleague opens in Excel.
//   Two header rows in both formats: the columns' Chinese labels (from the data dictionary,
//   sql/dictionary/columns.yaml and the view's own .yaml), then the column names (codes) that
//   SQL and tools use.
//   CSV  - UTF-8 with a byte-order mark (so Excel reads Chinese text correctly), CRLF, RFC 4180
//          quoting, NULL as an empty field, numbers as digits (integers without a decimal point).
//   xlsx - through libxlsxwriter: one sheet named after the view, both header rows frozen,
//          integers and amounts written as numbers, text as text, NULL as an empty cell.
// The view must be one of the project's views (sql/staging, sql/marts); filters are
// column=value pairs on the view's own columns, the values bound as parameters.
#ifndef GONGKAI_PIPELINE_EXPORT_H_
#define GONGKAI_PIPELINE_EXPORT_H_

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "loaders/warehouse_reader.h"

namespace gongkai {

struct ExportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The project's views (the sql/ files compiled in), sorted.
std::vector<std::string> ExportableViews();

// "county=卫辉市" -> {"county", "卫辉市"}; throws ExportError without '='.
std::pair<std::string, std::string> ParseWhere(const std::string& pair);

// COLUMN=VALUE filters, ANDed; a column is compared as text, the value bound as a parameter.
using Where = std::vector<std::pair<std::string, std::string>>;

// Reads the view, filtered. Throws ExportError for a view that is not ours or a column the view
// does not have.
QueryResult ReadView(WarehouseReader& db, const std::string& view, const Where& where);

// A value as CSV shows it: integers and reals (15 significant digits) as digits, NULL empty.
std::string FormatDbValue(const DbValue& v);

// The Chinese label of each column of `view`: the dictionary's Chinese text up to its first
// '，' (the rest is explanation); the column name itself where the dictionary has none.
std::vector<std::string> ColumnLabels(const std::string& view,
                                      const std::vector<std::string>& columns);

// Writes the view, filtered, to path as it is read (rows streamed, never all in memory); the
// format from the extension (.csv or .xlsx, case-insensitive). Returns the number of data rows.
// Throws ExportError (bad view, column or file name; more rows than an xlsx sheet holds, in
// which case no file is left) or LoadError.
std::size_t ExportView(WarehouseReader& db, const std::string& view, const Where& where,
                       const std::string& path);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_EXPORT_H_
