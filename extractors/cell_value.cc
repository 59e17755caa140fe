#include "extractors/cell_value.h"

#include <cstdlib>

#include "core/utf8.h"

namespace gongkai {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses [+-]digits[,ddd]*[.digits] at the start of s; returns chars consumed (0 if none).
// out.digits becomes the parsed text (a view into s).
std::size_t ParseNumber(std::string_view s, CellText& out) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    out.negative = s[i] == '-';
    ++i;
  }
  const std::size_t int_start = i;
  std::size_t int_digits = 0;
  while (i < s.size() && (IsDigit(s[i]) || s[i] == ',')) {
    if (s[i] == ',') {
      // thousands separator: exactly three digits must follow
      if (i == int_start || i + 3 >= s.size() + 0 || !IsDigit(s[i + 1]) || !IsDigit(s[i + 2]) ||
          !IsDigit(s[i + 3]) || (i + 4 < s.size() && IsDigit(s[i + 4])))
        return 0;
    } else {
      ++int_digits;
    }
    ++i;
  }
  if (int_digits == 0) return 0;
  if (i < s.size() && s[i] == '.') {
    if (i + 1 >= s.size() || !IsDigit(s[i + 1])) return 0;  // "1." is a list marker
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    out.is_integer = false;
  }
  out.digits = s.substr(0, i);
  return i;
}

// The number without '+' and thousands separators ("+1,000.5" -> "1000.5").
std::string PlainDecimal(std::string_view digits) {
  std::string out;
  out.reserve(digits.size());
  for (char c : digits)
    if (c != ',' && c != '+') out += c;
  return out;
}

}  // namespace

CellText ClassifyCell(std::string_view raw) { return ClassifyTrimmedCell(utf8::TrimView(raw)); }

CellText ClassifyTrimmedCell(std::string_view s) {
  CellText c;
  if (s.empty()) return c;
  // Marks and numbers start with a digit, a sign, '/', '\\' or one of these lead bytes ('—' and
  // '–' E2, '无' E6, '不' E4); a mark is one of a few exact texts, a number starts with a digit
  // or a sign.
  const unsigned char first = static_cast<unsigned char>(s[0]);
  if (!IsDigit(s[0])) {
    bool mark = false, sign = false;
    switch (first) {
      case '-': mark = s == "-" || s == "--"; sign = true; break;
      case '+': sign = true; break;
      case '/': mark = s == "/"; break;
      case '\\': mark = s == "\\"; break;
      case 0xE2: mark = s == "—" || s == "——" || s == "–"; break;
      case 0xE6: mark = s == "无"; break;
      case 0xE4: mark = s == "不涉及"; break;
      default: break;
    }
    if (mark) {
      c.kind = CellText::Kind::kNotApplicable;
      return c;
    }
    if (!sign) {  // neither a mark nor a number
      c.kind = CellText::Kind::kText;
      return c;
    }
  }
  std::size_t n = ParseNumber(s, c);
  if (n == 0) {
    c = CellText{};
    c.kind = CellText::Kind::kText;
    return c;
  }
  if (n == s.size()) {  // the common case: a bare number
    c.kind = CellText::Kind::kNumber;
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

std::size_t IntegerDigits(std::string_view digits) {
  std::size_t i = 0;
  while (i < digits.size() && (digits[i] == '-' || digits[i] == '+')) ++i;
  while (i < digits.size() && (digits[i] == '0' || digits[i] == ',')) ++i;
  std::size_t n = 0;
  for (; i < digits.size() && (IsDigit(digits[i]) || digits[i] == ','); ++i) n += digits[i] != ',';
  return n;
}

double DecimalToDouble(std::string_view digits, int shift) {
  if (shift == 0) {
    // Up to 15 digits without a point are exact as a double: no strtod needed.
    std::size_t i = !digits.empty() && (digits[0] == '-' || digits[0] == '+');
    const bool neg = i && digits[0] == '-';
    long long v = 0;
    int count = 0;
    for (std::size_t k = i; k < digits.size() && v >= 0; ++k) {
      if (digits[k] == ',') continue;
      v = IsDigit(digits[k]) && ++count <= 15 ? v * 10 + (digits[k] - '0') : -1;
    }
    if (v >= 0 && count > 0) return neg ? -static_cast<double>(v) : static_cast<double>(v);
    return std::strtod(PlainDecimal(digits).c_str(), nullptr);
  }
  std::string s = PlainDecimal(digits);
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
