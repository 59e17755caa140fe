#include "pipeline/decode.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/utf8.h"

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

TEST(Decode, SplitsCrLfAndCrAndKeepsLineNumbers) {
  auto r = Decode("a\r\nb\rc\n\nd");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.lines, (std::vector<std::string>{"a", "b", "c", "", "d"}));
  EXPECT_EQ(r.encoding, "UTF-8");
}

TEST(Decode, NormalisesSpacesDigitsAndDebris) {
  auto r = Decode("\xEF\xBB\xBF[image: ]一、总体情况\n\t０\xC2\xA0\xE3\x80\x80\n**2.围绕**[bookmark: _GoBack]\n１８．２６万元");
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.lines.size(), 4u);
  EXPECT_EQ(r.lines[0], "一、总体情况");
  EXPECT_EQ(r.lines[1], "\t0  ");  // tab kept: it is layout
  EXPECT_EQ(r.lines[2], "2.围绕");
  EXPECT_EQ(r.lines[3], "18.26万元");
}

TEST(Decode, TenMegabyteLineOfStarsIsLinear) {
  // Quadratic stripping took 21 minutes on this; linear work finishes. Asserted by the
  // outcome (every "**" removed, the odd '*' kept), not by a timer.
  std::string line(10u << 20, '*');
  line += "*x";
  auto r = Decode(line);
  ASSERT_TRUE(r.ok) << r.error_kind;
  ASSERT_EQ(r.lines.size(), 1u);
  EXPECT_EQ(r.lines[0], "*x");
  auto tags = Decode(std::string(1u << 20, '[') + "[image: a]b");
  ASSERT_TRUE(tags.ok);
  EXPECT_EQ(tags.lines[0], std::string(1u << 20, '[') + "b");
}

TEST(Decode, ReadsGb18030) {
  std::string text = "东木镇2020年政府信息公开工作年度报告\n规章\t0";
  auto r = Decode(testing::ToGb18030(text));
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.encoding, "GB18030");
  EXPECT_EQ(r.lines[0], "东木镇2020年政府信息公开工作年度报告");
  EXPECT_EQ(r.lines[1], "规章\t0");
}

TEST(Decode, RejectsEmptyBinaryAndOversized) {
  EXPECT_EQ(Decode("").error_kind, "empty");
  EXPECT_EQ(Decode(" \n\t\r\n").error_kind, "empty");
  EXPECT_EQ(Decode(std::string("PK\x03\x04\0\0", 6)).error_kind, "binary");
  DecodeOptions small;
  small.max_bytes = 4;
  auto r = Decode("12345", small);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "too_large");
  EXPECT_TRUE(r.lines.empty());
}

TEST(Decode, RejectsBytesThatAreNeitherUtf8NorGb18030) {
  auto r = Decode("abc\xFF\xFF\xFF");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "invalid_encoding");
}

// Issue 11 item 15: UTF-16 with a byte-order mark, as Windows Notepad saves "Unicode" text, was
// called `binary`. Both byte orders (iconv -t UTF-16 writes a BOM; UTF-16BE gets one prepended)
// are read cell-exact like the UTF-8 seed; a UTF-8 BOM is dropped.
std::string Iconv(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error(to);
  std::string out(utf8.size() * 4 + 8, '\0');
  char* src = const_cast<char*>(utf8.data());
  std::size_t src_left = utf8.size(), dst_left = out.size();
  char* dst = out.data();
  if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1))
    throw std::runtime_error("iconv failed");
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

TEST(Decode, Utf16WithByteOrderMarkInBothByteOrdersIsCellExact) {
  const std::string stem = "000_0f2f3fa0c9be7e04";
  const std::string utf8 = testing::ReadFileOrDie(testing::FixturePath("seeds/" + stem + ".txt"));
  const std::string le = Iconv(utf8, "UTF-16");  // glibc: BOM FF FE, little-endian
  ASSERT_EQ(le.substr(0, 2), "\xFF\xFE");
  const std::string be = "\xFE\xFF" + Iconv(utf8, "UTF-16BE");
  const std::string bom8 = "\xEF\xBB\xBF" + utf8;
  for (const auto& [bytes, encoding] : {std::pair{le, "UTF-16LE"}, std::pair{be, "UTF-16BE"},
                                        std::pair{bom8, "UTF-8"}}) {
    SCOPED_TRACE(encoding);
    DecodeResult d = Decode(bytes);
    ASSERT_TRUE(d.ok) << d.error_kind << ": " << d.error_message;
    EXPECT_EQ(d.encoding, encoding);
    ProcessResult p = testing::ProcessText(bytes);
    ASSERT_TRUE(p.ok) << p.failure.error_kind << ": " << p.failure.message;
    EXPECT_EQ(p.record.encoding, encoding);
    testing::ExpectCellExact(testing::AsExpected(p.record.cells), testing::ReadExpected(stem));
  }
  // A BOM that is not followed by whole UTF-16 code units is a reasoned failure, not text.
  EXPECT_EQ(Decode(std::string("\xFF\xFE\x00\xD8\x41", 5)).error_kind, "invalid_encoding");
}

// Decode's one pass (split, fold, validate) equals splitting at LF/CRLF/CR, normalising each line
// with NormalizeLine and checking utf8::IsValid apart, on random texts valid or not.
TEST(Decode, OnePassEqualsSplitNormaliseAndValidateApart) {
  const std::vector<std::string> pieces = {
      "a", "1", " ", "\t", "\n", "\r", "\r\n", "\v", "[", "]", "*", "**", "[image: x]",
      "[bookmark: y", "合", "，", "。", "、", "\xC2\xA0", "\xC3\xA9", "\xE2\x80\x83",
      "\xE2\x80\x8B", "\xE2\x80\x94", "\xE3\x80\x80", "\xEF\xBB\xBF", "\xEF\xBC\x90",
      "\xEF\xBC\x8C", "\xF0\x9F\x98\x80", "\xED\xA0\x80", "\xE0\x80\x80", "\xC0\x80", "\xE4",
      "\x80", "\xFF"};
  std::mt19937 rng(15);
  int valid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = "x";  // not a byte-order mark at the start
    const int parts = static_cast<int>(rng() % 16);
    for (int k = 0; k < parts; ++k) text += pieces[rng() % pieces.size()];
    const DecodeResult r = Decode(text);
    if (!utf8::IsValid(text)) {
      EXPECT_FALSE(r.ok && r.encoding == "UTF-8") << "round " << round;
      continue;
    }
    ++valid;
    std::vector<std::string> expected;
    std::string line;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
        expected.push_back(NormalizeLine(line));
        line.clear();
        if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        continue;
      }
      line += text[i];
    }
    ASSERT_TRUE(r.ok) << "round " << round << ": " << r.error_message;
    EXPECT_EQ(r.encoding, "UTF-8");
    ASSERT_EQ(r.lines, expected) << "round " << round;
  }
  EXPECT_GT(valid, 5000);
}

}  // namespace
}  // namespace gongkai
