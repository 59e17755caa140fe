// Label normalisation (core/template.h): exact results on the characters it folds.
#include "core/template.h"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace gongkai
