// Reading one cell's text: a number (with its unit as written), a not-applicable mark, blank,
// or text. Pure functions; no template knowledge.
#ifndef GONGKAI_EXTRACTORS_CELL_VALUE_H_
#define GONGKAI_EXTRACTORS_CELL_VALUE_H_

#include <string>
#include <string_view>

namespace gongkai {

struct CellText {
  enum class Kind { kBlank, kNumber, kNotApplicable, kText };
  Kind kind = Kind::kBlank;
  std::string digits;  // kNumber: the number as a plain decimal string ("-3", "251000", "18.26")
  std::string unit;    // kNumber: "" | "件" | "元" | "万元"
  bool is_integer = true;
  bool negative = false;
};

// Classifies trimmed cell text. "1." (a list marker) and "-3-" (a page number) are text.
CellText ClassifyCell(std::string_view text);

// Magnitudes no government report holds. A count from kMaxCount on (64-bit or not: a count
// is an integer, and anything this large is a misprint or a joined number) and an amount from
// kMaxWan 万元 (一万亿元) on are findings `implausible_value`, never numbers. Both limits are
// exact as doubles, so every plausible value is stored exactly.
constexpr double kMaxCount = 1e10;
constexpr double kMaxWan = 1e8;

// Digits before the decimal point, without sign and leading zeros ("-007.5" -> 1).
std::size_t IntegerDigits(const std::string& digits);

// Converts a decimal string to a double, optionally scaled by 10^-shift exactly in decimal
// (shift 4 turns 元 into 万元 without binary rounding of the intermediate).
double DecimalToDouble(const std::string& digits, int shift = 0);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_CELL_VALUE_H_
