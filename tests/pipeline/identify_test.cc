#include "pipeline/identify.h"

#include <gtest/gtest.h>

#include "config/config.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

const std::vector<Template>& Templates() { return testing::ProjectContext().templates; }

IdentifyResult Id(const std::vector<std::string>& lines) {
  return Identify(lines, testing::ProjectContext().gazetteer.Get(), Templates());
}

TEST(Identify, UnitBeforeYearAndItsPlace) {
  auto r = Id({"", "绥滨镇 2020 年政府信息公开工作年度报告", "2021 年 1 月 15 日"});
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.identity.unit, "绥滨镇");
  EXPECT_EQ(r.identity.year, 2020);
  EXPECT_EQ(r.identity.edition, 2019);
  EXPECT_EQ(r.identity.county.value_or(""), "绥滨县");
  EXPECT_EQ(r.identity.county_source, "title");
  EXPECT_EQ(r.identity.division_code, "230422100");
  EXPECT_EQ(r.identity.county_code, "230422");
  EXPECT_EQ(r.identity.prefecture_code, "2304");
  EXPECT_EQ(r.identity.province_code, "23");
  EXPECT_EQ(r.identity.unit_kind, "government");
  EXPECT_EQ(r.identity.placed_by, "title");
  EXPECT_TRUE(r.findings.empty());
}

TEST(Identify, CountyPrefixOnItsOwnTitleLine) {
  auto r = Id({"昌乐县红河镇", "2020年政府信息公开工作年度报告", "截止2021年12月31日"});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.identity.unit, "红河镇");
  EXPECT_EQ(r.identity.county.value_or(""), "昌乐县");
  EXPECT_EQ(r.identity.county_source, "title");
}

TEST(Identify, TownshipGovernmentSuffixAndYearFirstTitles) {
  auto r = Id({"后河镇人民政府2021年政府信息公开工作年度报告"});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.identity.unit, "后河镇");
  EXPECT_EQ(r.identity.edition, 2021);
  r = Id({"2019年上海市人民政府办公厅政府信息公开工作年度报告", "发布日期：2020-01-31"});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.identity.unit, "上海市人民政府办公厅");
  EXPECT_EQ(r.identity.year, 2019);
  EXPECT_FALSE(r.identity.county.has_value());  // a department of the province
  EXPECT_EQ(r.identity.division_code, "31");
  EXPECT_EQ(r.identity.unit_kind, "department");
  EXPECT_TRUE(r.findings.empty());
  r = Id({"平潭综合实验区2023年度政府信息公开工作年度报告"});
  EXPECT_EQ(r.identity.unit, "平潭综合实验区");
  EXPECT_EQ(r.identity.year, 2023);
}

TEST(Identify, FramingWordsAroundTheNameAreNotPartOfIt) {
  auto r = Id({"关于绥滨镇2020年度政府信息公开工作年度报告"});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.identity.unit, "绥滨镇");
  EXPECT_EQ(r.identity.county.value_or(""), "绥滨县");
  r = Id({"《昌乐县红河镇2020年政府信息公开工作年度报告》"});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.identity.unit, "红河镇");
  EXPECT_EQ(r.identity.county.value_or(""), "昌乐县");
}

TEST(Identify, NestedCountyPrefix) {
  auto r = Id({"广州市番禺区市桥街道2022年政府信息公开工作年度报告"});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.identity.county.value_or(""), "番禺区");
  EXPECT_EQ(r.identity.unit, "市桥街道");
}

TEST(Identify, ASharedNameWithoutContextGivesNoCounty) {
  auto r = Id({"红河镇2020年政府信息公开工作年度报告"});
  ASSERT_TRUE(r.ok);
  EXPECT_FALSE(r.identity.county.has_value());
  EXPECT_EQ(r.identity.placed_by, "unplaced");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, "division_ambiguous");
}

TEST(Identify, EditionFromTablesOverrulesYearWithAFinding) {
  auto r = Id({"某镇2020年政府信息公开工作年度报告", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.identity.edition, 2021);
  ASSERT_EQ(r.findings.size(), 2u);  // division_unknown, edition_mismatch
  EXPECT_EQ(r.findings[0].kind, "division_unknown");
  EXPECT_EQ(r.findings[1].kind, "edition_mismatch");
}

TEST(Identify, NotAReport) {
  auto r = Id({"关于做好2021年春节期间安全生产工作的通知", "各村：", "现将有关事项通知如下。"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "not_a_report");
}

TEST(Identify, TitleSplitAfterItsYear) {
  auto r = Id({"平潭综合实验区2019年", "政府信息公开工作年度报告", "一、总体情况"});
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.identity.unit, "平潭综合实验区");
  EXPECT_EQ(r.identity.year, 2019);
  r = Id({"# 平潭综合实验区2023年度", "", "# 政府信息公开工作年度报告"});
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.identity.unit, "平潭综合实验区");  // no markup in the name
  EXPECT_EQ(r.identity.year, 2023);
}

TEST(Identify, YearlessTitleTakesTheStatedPeriod) {
  auto r = Id({"淮安市人民政府", "政府信息公开工作年度报告",
               "本报告所列数据的统计期限自 2025 年 1 月 1 日起至 2025 年 12 月 31 日止。"});
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.identity.unit, "淮安市人民政府");
  EXPECT_EQ(r.identity.year, 2025);
  EXPECT_EQ(r.identity.edition, 2021);
  // A period wrapped over PDF lines still reads.
  r = Id({"绥滨镇政府信息公开工作年度报告", "报告所列统计期限自 2020 年 1 月", "1 日至 2020 年 12 月 31 日。"});
  ASSERT_TRUE(r.ok) << r.error_message;
  EXPECT_EQ(r.identity.unit, "绥滨镇");
  EXPECT_EQ(r.identity.year, 2020);
  // No year anywhere: not a report; a period over two years is no year.
  r = Id({"绥滨镇政府信息公开工作年度报告", "统计期限自2020年1月1日至2021年12月31日"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "not_a_report");
}

TEST(Identify, TitleYearThatDisagreesWithTheStatedPeriodIsAFinding) {
  auto r = Id({"绥滨镇2021年政府信息公开工作年度报告", "本报告统计期限自2020年1月1日起至2020年12月31日止。"});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.identity.year, 2021);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, "year_mismatch");
  EXPECT_EQ(r.findings[0].line, 1);
  r = Id({"绥滨镇2020年政府信息公开工作年度报告", "本报告统计期限自2020年1月1日起至2020年12月31日止。"});
  EXPECT_TRUE(r.findings.empty());
}

}  // namespace
}  // namespace gongkai
