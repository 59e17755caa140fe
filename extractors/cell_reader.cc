#include "extractors/cell_reader.h"

#include <cmath>
#include <optional>
#include <string_view>

namespace gongkai {

namespace {

// The cell, built in place at the end of *cells (its raw text constructed there, not assigned).
void Append(const TableSpec& t, const RowSpec& row, const ColumnSpec& col, int id,
            const Token& tok, int line, CellState state, std::optional<double> value,
            std::vector<Cell>* cells) {
  const CellCoord* at = id >= 0 && static_cast<std::size_t>(id - t.first_cell_id) < t.coords.size()
                            ? t.coords[id - t.first_cell_id]
                            : t.Coord(row, col);
  cells->push_back(Cell{at, state, value, std::string(tok.text), line, id});
}

}  // namespace

bool ReadCell(const TableSpec& t, const RowSpec& row, const ColumnSpec& col, int id,
              const Token& tok, int row_line, const std::string& evidence,
              std::vector<Cell>* cells, CellRejection* why) {
  // Units compared as views (length first), not through std::string's strlen + compare.
  using namespace std::string_view_literals;
  const int line = tok.line ? tok.line : row_line;
  auto reject = [&](const char* kind, std::string msg) {
    *why = CellRejection{kind, std::move(msg), line};
    return false;
  };
  auto accept = [&](CellState state, std::optional<double> value) {
    Append(t, row, col, id, tok, line, state, value, cells);
    return true;
  };
  switch (tok.cell.kind) {
    case CellText::Kind::kBlank: return accept(CellState::kBlank, std::nullopt);
    case CellText::Kind::kNotApplicable: return accept(CellState::kNotApplicable, std::nullopt);
    case CellText::Kind::kText: return reject("not_a_number", "cell is not a number");
    case CellText::Kind::kNumber: break;
  }
  const CellText& v = tok.cell;
  if (v.negative && !col.is_signed) return reject("negative", "negative value in a count column");
  // 16 integer digits are beyond both limits below; checked first so that no digit string,
  // however long, is ever converted (a 400-digit count is not Infinity).
  if (IntegerDigits(v.digits) > 15)
    return reject("implausible_value", "a number no government report can hold");
  if (!col.money) {
    if (std::string_view(v.unit) == "元"sv || std::string_view(v.unit) == "万元"sv)
      return reject("unit_mismatch", "money unit in a count column");
    if (!v.is_integer) return reject("not_integer", "fractional value in a count column");
    const double value = DecimalToDouble(v.digits);
    if (std::fabs(value) >= kMaxCount)
      return reject("implausible_value", "a count no government report can hold");
    return accept(CellState::kNumber, value);
  } else {
    if (std::string_view(v.unit) == "件"sv)
      return reject("unit_mismatch", "count unit in a money column");
    std::string_view unit = v.unit;
    if (unit.empty()) {
      if (evidence.find("万元") != std::string::npos) unit = "万元"sv;
      else if (evidence.find("单位:元") != std::string::npos ||
               evidence.find("(元)") != std::string::npos) unit = "元"sv;
    }
    double raw_value = DecimalToDouble(v.digits);
    if (unit.empty() && raw_value != 0)
      return reject("ambiguous_unit",
                    "amount has no unit in the cell or its column header (元 or 万元?)");
    const double value = unit == "元"sv ? DecimalToDouble(v.digits, 4) : raw_value;
    if (std::fabs(value) >= kMaxWan)
      return reject("implausible_value", "an amount no government report can hold (万元)");
    return accept(CellState::kNumber, value);
  }
}

}  // namespace gongkai
