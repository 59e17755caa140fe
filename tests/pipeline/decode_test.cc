#include "pipeline/decode.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace gongkai
