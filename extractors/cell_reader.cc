#include "extractors/cell_reader.h"

#include <cmath>
#include <string_view>

namespace gongkai {

std::optional<Cell> ReadCell(const TableSpec& t, const RowSpec& row, const ColumnSpec& col,
                             const Token& tok, int row_line, const std::string& evidence,
                             CellRejection* why) {
  // Units compared as views (length first), not through std::string's strlen + compare.
  using namespace std::string_view_literals;
  Cell c{t.code, row.code, col.code, CellState::kBlank, std::nullopt, col.measure,
         std::string(tok.text), tok.line ? tok.line : row_line, t.CellId(row, col)};
  auto reject = [&](const char* kind, std::string msg) -> std::optional<Cell> {
    *why = CellRejection{kind, std::move(msg), c.line};
    return std::nullopt;
  };
  switch (tok.cell.kind) {
    case CellText::Kind::kBlank: c.state = CellState::kBlank; return c;
    case CellText::Kind::kNotApplicable: c.state = CellState::kNotApplicable; return c;
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
    c.value = DecimalToDouble(v.digits);
    if (std::fabs(*c.value) >= kMaxCount)
      return reject("implausible_value", "a count no government report can hold");
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
    c.value = unit == "元"sv ? DecimalToDouble(v.digits, 4) : raw_value;
    if (std::fabs(*c.value) >= kMaxWan)
      return reject("implausible_value", "an amount no government report can hold (万元)");
  }
  c.state = CellState::kNumber;
  return c;
}

}  // namespace gongkai
