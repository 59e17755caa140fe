#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

// The definition IsValid's fast path must keep: every code point decodes, and a U+FFFD is
// only accepted when it is spelled out in the text.
bool ReferenceIsValid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t before = i;
    char32_t cp = utf8::Next(s, i);
    if (cp == 0xFFFD && !(i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD")) return false;
  }
  return true;
}

TEST(Utf8IsValid, ExactCases) {
  EXPECT_TRUE(utf8::IsValid(""));
  EXPECT_TRUE(utf8::IsValid("plain ascii, longer than eight bytes"));
  EXPECT_TRUE(utf8::IsValid("政府信息公开 2023 年度报告"));
  EXPECT_TRUE(utf8::IsValid("\xEF\xBF\xBD"));        // U+FFFD written out
  EXPECT_TRUE(utf8::IsValid("\xF0\x9F\x98\x80 ok"));  // U+1F600
  EXPECT_FALSE(utf8::IsValid("abcdefgh\x80"));        // stray continuation after a word
  EXPECT_FALSE(utf8::IsValid("\xC0\xAF"));            // overlong '/'
  EXPECT_FALSE(utf8::IsValid("\xED\xA0\x80"));        // surrogate D800
  EXPECT_FALSE(utf8::IsValid("\xF4\x90\x80\x80"));    // above U+10FFFF
  EXPECT_FALSE(utf8::IsValid("报告\xE6\x8A"));         // truncated at the end
  EXPECT_FALSE(utf8::IsValid("\xD6\xD0\xB9\xFA"));    // 中国 in GB18030
}

// Every string of one to four bytes (over a byte alphabet that covers each class boundary),
// also placed after eight ASCII bytes so the word-at-a-time path hands over mid-buffer.
TEST(Utf8IsValid, AgreesWithDecodingEveryShortSequence) {
  const unsigned char bytes[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
                                 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF};
  int checked = 0, valid = 0;
  for (unsigned char a : bytes)
    for (unsigned char b : bytes)
      for (unsigned char c : bytes)
        for (unsigned char d : bytes)
          for (const std::string& prefix : {std::string(), std::string("12345678")}) {
            std::string s = prefix;
            s += static_cast<char>(a);
            s += static_cast<char>(b);
            s += static_cast<char>(c);
            s += static_cast<char>(d);
            for (std::size_t len = prefix.size() + 1; len <= s.size(); ++len) {
              std::string_view v(s.data(), len);
              ASSERT_EQ(utf8::IsValid(v), ReferenceIsValid(v)) << "at length " << len;
              ++checked;
              valid += ReferenceIsValid(v);
            }
          }
  EXPECT_EQ(checked, 26 * 26 * 26 * 26 * 2 * 4);
  EXPECT_GT(valid, 0);
}

// TrimView's fast path (no decoding when the ends cannot be spaces) must agree with decoding:
// the exact cases, and every string of up to three characters over an alphabet of every space
// form and their near misses (same lead byte, other last byte).
TEST(Utf8TrimView, FastPathAgreesWithDecoding) {
  EXPECT_EQ(utf8::TrimView("\xC2\xA0 a\xE3\x80\x80"), "a");  // NBSP ... U+3000
  EXPECT_EQ(utf8::TrimView("\xEF\xBB\xBF表\xE2\x80\x8B"), "表");  // BOM ... ZWSP
  EXPECT_EQ(utf8::TrimView("\xE2\x80\xAF" "3\xE2\x80\x89"), "3");
  EXPECT_EQ(utf8::TrimView("中 文"), "中 文");
  EXPECT_EQ(utf8::TrimView("\xE2\x80\x94"), "\xE2\x80\x94");  // an em dash is no space
  EXPECT_EQ(utf8::TrimView(""), "");
  const std::string alphabet[] = {"a",  " ",  "\t", "\x01", "\xC2\xA0", "\xC2\xA9", "\xE3\x80\x80",
                                  "\xE3\x80\x81", "\xEF\xBB\xBF", "\xEF\xBC\x90", "\xE2\x80\x82",
                                  "\xE2\x80\x83", "\xE2\x80\x89", "\xE2\x80\x8B", "\xE2\x80\xAF",
                                  "\xE2\x80\x94", "中", "\x80", "\xE4\xB8"};
  std::size_t checked = 0;
  for (const auto& a : alphabet)
    for (const auto& b : alphabet)
      for (const auto& c : alphabet) {
        for (const std::string& s : {a, a + b, a + b + c}) {
          EXPECT_EQ(utf8::TrimView(s), utf8::TrimViewDecoding(s)) << s;
          ++checked;
        }
      }
  EXPECT_EQ(checked, 3u * 19 * 19 * 19);
}

}  // namespace
}  // namespace gongkai
