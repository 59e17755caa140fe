// Minimal UTF-8 helpers for the decode and extract stages. Input is assumed valid UTF-8 (decode
// guarantees it); an invalid byte is passed on as U+FFFD rather than trusted.
#ifndef GONGKAI_CORE_UTF8_H_
#define GONGKAI_CORE_UTF8_H_

#include <string>
#include <string_view>

namespace gongkai::utf8 {

// Decodes the code point at s[i], advances i past it. Returns U+FFFD on a malformed sequence.
char32_t Next(std::string_view s, std::size_t& i);
void Append(std::string& out, char32_t cp);
bool IsValid(std::string_view s);
// Unicode white space as it shows up in exported documents (incl. NBSP, U+3000, BOM, ZWSP).
bool IsSpace(char32_t cp);

template <typename F>
void ForEachCodePoint(std::string_view s, F&& f) {
  std::size_t i = 0;
  while (i < s.size()) f(Next(s, i));
}

// Trims IsSpace code points at both ends.
std::string_view TrimView(std::string_view s);
inline std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

}  // namespace gongkai::utf8

#endif  // GONGKAI_CORE_UTF8_H_
