#include "extractors/cell_value.h"

#include <cstdlib>

#include "core/utf8.h"

namespace gongkai {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses [+-]digits[,ddd]*[.digits] at the start of s; returns chars consumed (0 if none).
std::size_t ParseNumber(std::string_view s, CellText& out) {
  std::size_t i = 0;
  std::string& digits = out.digits;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    out.negative = s[i] == '-';
    if (out.negative) digits += '-';
    ++i;
  }
  std::size_t int_start = i;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == ',')) {
    if (s[i] == ',') {
      // thousands separator: exactly three digits must follow
      if (i == int_start || i + 3 >= s.size() + 0 || !IsDigit(s[i + 1]) || !IsDigit(s[i + 2]) ||
          !IsDigit(s[i + 3]) || (i + 4 < s.size() && IsDigit(s[i + 4])))
        return 0;
    } else {
      digits += s[i];
    }
    ++i;
  }
  if (digits.size() == std::size_t{out.negative}) return 0;
  if (i < s.size() && s[i] == '.') {
    if (i + 1 >= s.size() || !IsDigit(s[i + 1])) return 0;  // "1." is a list marker
    digits += '.';
    ++i;
    while (i < s.size() && IsDigit(s[i])) digits += s[i++];
    out.is_integer = false;
  }
  return i;
}

}  // namespace

CellText ClassifyCell(std::string_view raw) {
  CellText c;
  std::string_view s = utf8::TrimView(raw);
  if (s.empty()) return c;
  // Marks and numbers start with one of these bytes ('—' and '–' E2, '无' E6, '不' E4).
  const unsigned char first = static_cast<unsigned char>(s[0]);
  if (!IsDigit(s[0]) && first != '-' && first != '+' && first != '/' && first != '\\' &&
      first != 0xE2 && first != 0xE6 && first != 0xE4) {
    c.kind = CellText::Kind::kText;
    return c;
  }
  static const std::string_view kNotApplicable[] = {"/",  "-",  "--",     "—", "——",
                                                     "–",  "无", "不涉及", "\\"};
  for (std::string_view na : kNotApplicable) {
    if (s == na) {
      c.kind = CellText::Kind::kNotApplicable;
      return c;
    }
  }
  std::size_t n = ParseNumber(s, c);
  if (n == 0) {
    c = CellText{};
    c.kind = CellText::Kind::kText;
    return c;
  }
  std::string_view unit = utf8::TrimView(s.substr(n));
  if (unit.empty() || unit == "件" || unit == "个" || unit == "项" || unit == "条") {
    c.unit = unit.empty() ? "" : "件";
  } else if (unit == "万元" || unit == "万") {
    c.unit = "万元";
  } else if (unit == "元") {
    c.unit = "元";
  } else {
    c = CellText{};
    c.kind = CellText::Kind::kText;
    return c;
  }
  c.kind = CellText::Kind::kNumber;
  return c;
}

std::size_t IntegerDigits(const std::string& digits) {
  std::size_t i = !digits.empty() && digits[0] == '-';
  while (i < digits.size() && digits[i] == '0') ++i;
  std::size_t n = 0;
  while (i + n < digits.size() && IsDigit(digits[i + n])) ++n;
  return n;
}

double DecimalToDouble(const std::string& digits, int shift) {
  if (shift == 0) {
    // Up to 15 digits without a point are exact as a double: no strtod needed.
    std::size_t i = !digits.empty() && digits[0] == '-';
    if (digits.size() > i && digits.size() - i <= 15) {
      long long v = 0;
      for (std::size_t k = i; k < digits.size() && v >= 0; ++k)
        v = IsDigit(digits[k]) ? v * 10 + (digits[k] - '0') : -1;
      if (v >= 0) return i ? -static_cast<double>(v) : static_cast<double>(v);
    }
    return std::strtod(digits.c_str(), nullptr);
  }
  std::string s = digits;
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  std::size_t dot = s.find('.');
  std::string int_part = dot == std::string::npos ? s : s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  while (static_cast<int>(int_part.size()) <= shift) int_part.insert(0, "0");
  std::string shifted = int_part.substr(0, int_part.size() - shift) + "." +
                        int_part.substr(int_part.size() - shift) + frac;
  return (neg ? -1 : 1) * std::strtod(shifted.c_str(), nullptr);
}

}  // namespace gongkai
