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
  bool is_integer = true;   // kNumber: no decimal point
  bool negative = false;    // kNumber: a leading '-'
  // kNumber: the number as written, a view into the classified text: sign, digits, thousands
  // separators, point ("-3", "+251,000", "18.26"); read it with DecimalToDouble/IntegerDigits,
  // which skip the separators and a '+'. Valid while that text is.
  std::string_view digits;
  std::string_view unit;  // kNumber: "" | "件" | "元" | "万元" (static text)
};

// Classifies cell text. "1." (a list marker) and "-3-" (a page number) are text. The result
// holds views into `text` (digits) and static strings (unit): trivially copyable, no allocation.
CellText ClassifyCell(std::string_view text);
// ClassifyCell of text that is already trimmed (utf8::TrimView(text) == text), without trimming.
CellText ClassifyTrimmedCell(std::string_view trimmed);

// Magnitudes no government report holds. A count from kMaxCount on (64-bit or not: a count
// is an integer, and anything this large is a misprint or a joined number) and an amount from
// kMaxWan 万元 (一万亿元) on are findings `implausible_value`, never numbers. Both limits are
// exact as doubles, so every plausible value is stored exactly.
constexpr double kMaxCount = 1e10;
constexpr double kMaxWan = 1e8;

// Digits before the decimal point, without sign, separators and leading zeros ("-007.5" -> 1,
// "1,000" -> 4).
std::size_t IntegerDigits(std::string_view digits);

// Converts a decimal string (CellText::digits: thousands separators and a '+' are skipped) to a
// double, optionally scaled by 10^-shift exactly in decimal (shift 4 turns 元 into 万元 without
// binary rounding of the intermediate).
double DecimalToDouble(std::string_view digits, int shift = 0);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_CELL_VALUE_H_
