#include "extractors/cell_value.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

using Kind = CellText::Kind;

TEST(CellValue, Numbers) {
  auto c = ClassifyCell(" 18.26万元 ");
  EXPECT_EQ(c.kind, Kind::kNumber);
  EXPECT_EQ(c.digits, "18.26");
  EXPECT_EQ(c.unit, "万元");
  EXPECT_FALSE(c.is_integer);
  c = ClassifyCell("251000元");
  EXPECT_EQ(c.unit, "元");
  EXPECT_EQ(c.digits, "251000");
  c = ClassifyCell("3,985,758");
  EXPECT_EQ(c.kind, Kind::kNumber);
  EXPECT_EQ(c.digits, "3985758");
  c = ClassifyCell("-3");
  EXPECT_TRUE(c.negative);
  EXPECT_EQ(c.digits, "-3");
  EXPECT_EQ(ClassifyCell("12件").unit, "件");
}

TEST(CellValue, MarksBlanksAndText) {
  for (const char* na : {"/", "-", "—", "——", "无", "不涉及"})
    EXPECT_EQ(ClassifyCell(na).kind, Kind::kNotApplicable) << na;
  EXPECT_EQ(ClassifyCell("").kind, Kind::kBlank);
  EXPECT_EQ(ClassifyCell("  ").kind, Kind::kBlank);
  for (const char* text : {"1.", "-3-", "0536-6661106", "163条信息", "2020年", "3,98", "1.属于国家秘密"})
    EXPECT_EQ(ClassifyCell(text).kind, Kind::kText) << text;
}

TEST(CellValue, DecimalShiftIsExact) {
  EXPECT_DOUBLE_EQ(DecimalToDouble("251000", 4), 25.1);
  EXPECT_DOUBLE_EQ(DecimalToDouble("5", 4), 0.0005);
  EXPECT_DOUBLE_EQ(DecimalToDouble("-1234.5", 4), -0.12345);
  EXPECT_DOUBLE_EQ(DecimalToDouble("5949.088667"), 5949.088667);
}

}  // namespace
}  // namespace gongkai
