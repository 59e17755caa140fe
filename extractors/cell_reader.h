// Reading one placed token as the cell at its coordinate: blank, not applicable, or a number in
// the column's measure (元 converted to 万元, a bare amount only under a header naming its unit),
// or a rejection with its finding kind: not_a_number, negative, unit_mismatch, not_integer,
// ambiguous_unit, implausible_value (a count from kMaxCount on, an amount from kMaxWan 万元 on,
// or any number of more than 15 integer digits, which is never converted). Pure function.
#ifndef GONGKAI_EXTRACTORS_CELL_READER_H_
#define GONGKAI_EXTRACTORS_CELL_READER_H_

#include <string>
#include <vector>

#include "core/report.h"
#include "core/template.h"
#include "extractors/tokenizer.h"

namespace gongkai {

struct CellRejection {
  const char* kind = "";
  std::string message;
  int line = 0;
};

// `evidence` is the row's label text (normalised), where a column header's unit note is found;
// `id` is t.CellId(row, col) (the caller knows the indices). Appends the cell to *cells (built
// in place: a report's cells are copied nowhere else before the loader writes them) and returns
// true; or appends nothing, sets *why and returns false.
bool ReadCell(const TableSpec& t, const RowSpec& row, const ColumnSpec& col, int id,
              const Token& tok, int row_line, const std::string& evidence,
              std::vector<Cell>* cells, CellRejection* why);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_CELL_READER_H_
