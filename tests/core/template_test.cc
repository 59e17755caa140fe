// Label normalisation (core/template.h): exact results on the characters it folds, and the
// fold scan equal to the plain byte-by-byte reading on random valid UTF-8 (what decode hands on),
// and NormalizedContains equal to searching the normalised text.
#include "core/template.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace gongkai {
namespace {

TEST(NormalizeLabel, DropsSpacesAndQuotesFoldsFullWidthAndReadsDunhaoAsADot) {
  EXPECT_EQ(NormalizeLabel("（一） 行政\t许可"), "(一)行政许可");
  EXPECT_EQ(NormalizeLabel("\xE3\x80\x80一、申请"), "一.申请");        // U+3000, 、
  EXPECT_EQ(NormalizeLabel("１２３ＡＢｃ"), "123ABc");                     // full-width ASCII
  EXPECT_EQ(NormalizeLabel("\xEF\xBB\xBF\xC2\xA0“本级”\"x\"'y'"), "本级xy");  // BOM, NBSP, quotes
  EXPECT_EQ(NormalizeLabel("＂Ａ＇"), "A");  // full-width quotes are dropped like ASCII ones
  EXPECT_EQ(NormalizeLabel("a\xE2\x80\x83" "b\xE2\x80\x94" "c"), "ab\xE2\x80\x94" "c");  // em space; dash kept
  std::string out = "kept:";
  AppendNormalizedLabel(" 合 计 ", &out);
  EXPECT_EQ(out, "kept:合计");
}

// The reading NormalizeLabel had before its table-driven loop, kept as the reference.
std::string ReferenceLabel(std::string_view text) {
  std::string out;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '"' ||
        c == '\'') {
      ++i;
      continue;
    }
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
      i += 2;
      continue;
    }
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
      const unsigned char d = s[i + 2];
      if (d == 0x82 || d == 0x83 || d == 0x89 || d == 0x8B || d == 0xAF || d == 0x98 ||
          d == 0x99 || d == 0x9C || d == 0x9D) {
        i += 3;
        continue;
      }
    } else if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x80 || s[i + 2] == 0x81)) {
      if (s[i + 2] == 0x81) out += '.';
      i += 3;
      continue;
    } else if (c == 0xEF && i + 2 < n) {
      const unsigned char b = s[i + 1], d = s[i + 2];
      if (b == 0xBB && d == 0xBF) {
        i += 3;
        continue;
      }
      if ((b == 0xBC && d >= 0x81) || (b == 0xBD && d <= 0x9E)) {
        const char32_t cp = ((b & 0x3F) << 6 | (d & 0x3F)) + 0xF000 - 0xFEE0;
        if (cp != '"' && cp != '\'') out += static_cast<char>(cp);
        i += 3;
        continue;
      }
    }
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    const std::size_t take = std::min(len, n - i);
    out.append(text.data() + i, take);
    i += take;
  }
  return out;
}

TEST(NormalizeLabel, EqualsTheByteByByteReadingOnRandomValidText) {
  // Characters drawn from what labels are made of and what they fold.
  const std::vector<std::string> pieces = {
      " ", "\t", "\n", "\"", "'", "a", "1", "合", "计", "\xC2\xA0", "\xE2\x80\x83",
      "\xE2\x80\x9C", "\xE2\x80\x94", "\xE3\x80\x80", "\xE3\x80\x81", "\xEF\xBB\xBF",
      "\xEF\xBC\x91", "\xEF\xBD\x9E", "\xEF\xBC\x82", "\xF0\x9F\x98\x80", "\xC3\xA9"};
  std::mt19937 rng(15);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int parts = static_cast<int>(rng() % 12);
    for (int k = 0; k < parts; ++k) text += pieces[rng() % pieces.size()];
    std::string out = "x";
    AppendNormalizedLabel(text, &out);
    ASSERT_EQ(out, "x" + ReferenceLabel(text)) << "round " << round;
  }
}

TEST(NormalizedContains, FindsThePhraseAcrossWhatNormalisationDropsOrFolds) {
  EXPECT_TRUE(NormalizedContains("本年 新制作\n数量", "本年新制作数量"));  // space, line break
  EXPECT_TRUE(NormalizedContains("x“本年”制发件数", "本年制发件数"));      // quotes dropped
  EXPECT_TRUE(NormalizedContains("二、本年ＡＢ", "本年AB"));                // full-width folded
  EXPECT_TRUE(NormalizedContains("本、年", "本.年"));                        // 、 read as '.'
  EXPECT_FALSE(NormalizedContains("本年新制作", "本年新制作数量"));          // text ends first
  EXPECT_FALSE(NormalizedContains("本年、新制作数量", "本年新制作数量"));    // 、 is not dropped
  EXPECT_FALSE(NormalizedContains("", "本年"));
  EXPECT_TRUE(NormalizedContains("ab", ""));
  EXPECT_TRUE(NormalizedContains("Ａ 1", "A1"));  // an ASCII first character: the label searched
}

TEST(NormalizedContains, EqualsSearchingTheNormalisedTextOnRandomValidText) {
  const std::vector<std::string> pieces = {
      " ", "\t", "\n", "\"", "a", "1", "合", "计", "本", "年", "\xC2\xA0", "\xE2\x80\x83",
      "\xE2\x80\x9C", "\xE3\x80\x80", "\xE3\x80\x81", "\xEF\xBB\xBF", "\xEF\xBC\x91",
      "\xF0\x9F\x98\x80", "\xC3\xA9"};
  const std::vector<std::string> phrases = {"合计", "本年合", "计1", "合.计", "本", "\xC3\xA9合",
                                            "\xF0\x9F\x98\x80本", "1合", "a", ""};
  std::mt19937 rng(151);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int parts = static_cast<int>(rng() % 14);
    for (int k = 0; k < parts; ++k) text += pieces[rng() % pieces.size()];
    const std::string label = NormalizeLabel(text);
    for (const auto& p : phrases)
      ASSERT_EQ(NormalizedContains(text, p), label.find(p) != std::string::npos)
          << "round " << round << " phrase " << p;
  }
}

}  // namespace
}  // namespace gongkai
