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
  EXPECT_EQ(c.digits, "3,985,758");  // as written; read through DecimalToDouble
  EXPECT_EQ(DecimalToDouble(c.digits), 3985758.0);
  EXPECT_EQ(IntegerDigits(c.digits), 7u);
  c = ClassifyCell("+1,000.5万元");
  EXPECT_EQ(c.kind, Kind::kNumber);
  EXPECT_EQ(c.digits, "+1,000.5");
  EXPECT_FALSE(c.negative);
  EXPECT_EQ(DecimalToDouble(c.digits), 1000.5);
  EXPECT_DOUBLE_EQ(DecimalToDouble(c.digits, 4), 0.10005);
  EXPECT_EQ(IntegerDigits(c.digits), 4u);
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
  EXPECT_EQ(DecimalToDouble("-0,007"), -7.0);
  EXPECT_EQ(DecimalToDouble("1234567890123456"), 1234567890123456.0);  // 16 digits: strtod
  EXPECT_EQ(IntegerDigits("-007.5"), 1u);
  EXPECT_EQ(IntegerDigits("0,001,234"), 4u);
}

}  // namespace
}  // namespace gongkai
