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

// A byte that may begin an IsSpace code point (ASCII control/space, or the lead byte of NBSP
// C2 A0, U+2002..U+202F E2 80 xx, U+3000 E3 80 80, BOM EF BB BF); any other byte cannot.
inline bool MayStartSpace(unsigned char c) {
  return c <= 0x20 || c == 0xC2 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}
// A byte that may end an IsSpace code point (ASCII, or the last byte of one of the above).
inline bool MayEndSpace(unsigned char c) {
  return c <= 0x20 || c == 0xA0 || c == 0x80 || c == 0xBF || c == 0x82 || c == 0x83 ||
         c == 0x89 || c == 0x8B || c == 0xAF;
}

std::string_view TrimViewDecoding(std::string_view s);  // TrimView without the fast path
// Trims IsSpace code points at both ends; text that neither starts nor ends with a byte that
// may belong to a space (the common case) is returned as is without decoding.
inline std::string_view TrimView(std::string_view s) {
  if (!s.empty() && !MayStartSpace(static_cast<unsigned char>(s.front())) &&
      !MayEndSpace(static_cast<unsigned char>(s.back())))
    return s;
  return TrimViewDecoding(s);
}
inline std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

}  // namespace gongkai::utf8

#endif  // GONGKAI_CORE_UTF8_H_
