// Placement rules of the aligner on small hand-written tables, one layout quirk per test.
#include "extractors/aligner.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

const Template& Edition(int e) { return testing::ProjectTemplate(e); }

struct Aligned {
  std::map<std::string, testing::ExpectedCell> cells;
  std::vector<Finding> findings;
  std::vector<std::string> kinds() const {
    std::vector<std::string> k;
    for (const auto& f : findings)
      if (f.kind != "row_missing") k.push_back(f.kind);
    return k;
  }
};

Aligned Align(int edition, const std::string& table, const std::vector<std::string>& lines) {
  std::vector<Cell> cells;
  Aligned a;
  const Lines text(lines);
  TokenStore store;
  AlignTable(*Edition(edition).FindTable(table),
             Tokenize(text, 0, static_cast<int>(text.size()), &store), text, &cells, &a.findings);
  a.cells = testing::AsExpected(cells);
  return a;
}

const std::vector<std::string> kT3Header = {
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t",
    "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
    "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"};

TEST(Aligner, TabFieldsWithBlanksArePlacedByHeaderPositions) {
  auto lines = kT3Header;
  lines.push_back("一、本年新收政府信息公开申请数量\t\t\t821\t35\t\t\t2\t1\t859");
  auto a = Align(2019, "t3", lines);
  EXPECT_TRUE(a.kinds().empty());
  EXPECT_EQ(a.cells["t3.new.natural"].value, "821");
  EXPECT_EQ(a.cells["t3.new.commercial"].value, "35");
  EXPECT_EQ(a.cells["t3.new.research"].value, "blank");
  EXPECT_EQ(a.cells["t3.new.social"].value, "blank");
  EXPECT_EQ(a.cells["t3.new.legal"].value, "2");
  EXPECT_EQ(a.cells["t3.new.total"].value, "859");
}

TEST(Aligner, FullRowIgnoresStrayEmptyFields) {
  auto a = Align(2019, "t2", {"第二十条第（五）项\t\t\t\t", "信息内容\t上一年项目数量\t本年增/减\t\t处理决定数量",
                              "行政许可\t4\t\t-1\t7"});
  EXPECT_EQ(a.cells["t2.a5_license.prev_count"].value, "4");
  EXPECT_EQ(a.cells["t2.a5_license.change"].value, "-1");
  EXPECT_EQ(a.cells["t2.a5_license.decisions"].value, "7");
}

TEST(Aligner, PdfRowWithMissingNumberIsAFindingNotAGuess) {
  auto a = Align(2019, "t3", {"一、本年新收政府信息公开申请数量 3 1 0 0 0 4", "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1"});
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"value_count"});
  EXPECT_EQ(a.cells.count("t3.new.natural"), 0u);
  EXPECT_EQ(a.cells["t3.carried.total"].value, "1");
}

TEST(Aligner, WrappedPdfLabelsUseTheAliasNearestTheNumbers) {
  auto a = Align(2021, "t3", {"5.要求行政机关确认或重新出", "1 0 0 0 0 0 1", "具已获取信息",
                              "1、申请人无正当理由逾期不补", "正、行政机关不再处理其政府信 67 3 0 0 1 0 71",
                              "息公开申请", "（六）其", "2、申请人逾期未按收费通知要", "他处理",
                              "求缴纳费用、行政机关不再处理 6 0 0 0 0 0 6"});
  EXPECT_TRUE(a.kinds().empty());
  EXPECT_EQ(a.cells["t3.noproc_5.natural"].value, "1");
  EXPECT_EQ(a.cells["t3.other_1.natural"].value, "67");
  EXPECT_EQ(a.cells["t3.other_2.total"].value, "6");
}

TEST(Aligner, GarbledPdfLabelIsPlacedOnlyBetweenItsTemplateNeighbours) {
  const std::vector<std::string> rows = {"1.属于国家秘密 2 0 0 0 0 0 2",
                                         "三、", "本 2.其他法律行政止公开 30 1 0 0 0 0 31",
                                         "年", "3.危及“三安全一稳定” 5 0 0 0 0 0 5"};
  auto a = Align(2021, "t3", rows);
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"label_repaired"});
  EXPECT_EQ(a.cells["t3.deny_2.natural"].value, "30");
  EXPECT_EQ(a.cells["t3.deny_2.total"].value, "31");
  // Two template rows missing between the neighbours: not certain.
  auto gap = Align(2021, "t3", {rows[0], rows[1], rows[2], "4.保护第三方合法权益 6 0 0 0 0 0 6"});
  EXPECT_EQ(gap.kinds(), std::vector<std::string>{"unknown_label"});
  EXPECT_EQ(gap.cells.count("t3.deny_2.natural"), 0u);
  // A label closer to another missing row than to the gap's: not placed.
  auto far = Align(2021, "t3", {rows[0], "没有现成的信息需另外制作 30 1 0 0 0 0 31", rows[4]});
  EXPECT_EQ(far.kinds(), std::vector<std::string>{"unknown_label"});
  // The wrong count of values for the gap's row: not placed.
  auto count = Align(2021, "t3", {rows[0], "本 2.其他法律行政止公开 30 1 0 0 0 31", rows[4]});
  EXPECT_EQ(count.kinds(), std::vector<std::string>({"label_repaired", "value_count"}));
  EXPECT_EQ(count.cells.count("t3.deny_2.natural"), 0u);
}

TEST(Aligner, The2019OtherRowBesideThe2021OnesIsAFinding) {
  // 1.'s label lost: its numbers read under the heading （六）其他处理, the 2019 row.
  auto a = Align(2021, "t3", {"5.要求行政机关确认或重新出具已获取信息 1 0 0 0 0 0 1", "（六）其他处理",
                              "9 0 0 0 0 0 9", "2.申请人逾期未按收费通知要求缴纳费用 6 0 0 0 0 0 6"});
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"alternative_rows"});
  EXPECT_EQ(a.cells.count("t3.other.natural"), 0u);
  EXPECT_EQ(a.cells["t3.other_2.natural"].value, "6");
  // A 2021 report that prints only the 2019 row keeps it.
  auto only = Align(2021, "t3", {"（六）其他处理 9 0 0 0 0 0 9"});
  EXPECT_TRUE(only.kinds().empty());
  EXPECT_EQ(only.cells["t3.other.natural"].value, "9");
}

TEST(Aligner, UnknownLabelIsAFinding) {
  auto a = Align(2019, "t2", {"第二十条第（一）项", "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
                              "规章 1 2 3", "地方性法规 4 5 6"});
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"unknown_label"});
  EXPECT_EQ(a.cells["t2.a1_regulation.total_published"].value, "3");
  EXPECT_EQ(a.cells.size(), 3u);
}

TEST(Aligner, RowPrintedTwiceWithDifferentValuesKeepsNeither) {
  auto a = Align(2019, "t2", {"行政处罚 1 2 3", "行政处罚 1 2 4"});
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"duplicate_row"});
  EXPECT_EQ(a.cells.count("t2.a6_penalty.prev_count"), 0u);
}

TEST(Aligner, SubtotalColumnDeclaredByHeader) {
  auto a = Align(2021, "t3", {"申请人情况 自然人 法人或其他组织 总计", "商业企业 科研机构 社会组织 法律服务机构 其他 小计",
                              "一、本年新收政府信息公开申请数量 5 1 2 0 0 0 3 8"});
  EXPECT_TRUE(a.kinds().empty());
  EXPECT_EQ(a.cells["t3.new.natural"].value, "5");
  EXPECT_EQ(a.cells["t3.new.commercial"].value, "1");
  EXPECT_EQ(a.cells["t3.new.other"].value, "0");
  EXPECT_EQ(a.cells["t3.new.total"].value, "8");
}

TEST(Aligner, UndeclaredExtraValueIsAFindingEvenWhenOneReadingAddsUp) {
  // 5 | 1 2 0 0 0 | 3 | 8 would add up with a subtotal after 其他, but the header declares no
  // subtotal: arithmetic never creates a placement.
  auto a = Align(2021, "t3", {"一、本年新收政府信息公开申请数量 5 1 2 0 0 0 3 8"});
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"value_count"});
  EXPECT_TRUE(a.cells.empty());
}

TEST(Aligner, SevenValuesUnderAnEightColumnHeaderAreAFinding) {
  // The header declares 小计: a row with 7 values has lost one, whichever it was.
  auto a = Align(2021, "t3", {"申请人情况 自然人 法人或其他组织 总计",
                              "商业企业 科研机构 社会组织 法律服务机构 其他 小计",
                              "一、本年新收政府信息公开申请数量 5 1 2 0 0 3 8"});
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"value_count"});
  EXPECT_TRUE(a.cells.empty());
  auto tika = Align(2021, "t3", {"\t申请人情况", "\t自然人", "\t法人或其他组织", "\t总计", "",
                                 "\t商业企业", "\t科研机构", "\t社会组织", "\t法律服务机构",
                                 "\t其他", "\t小计", "", "\t一、本年新收政府信息公开申请数量",
                                 "\t5", "\t1", "\t2", "\t0", "\t0", "\t3", "\t8"});
  EXPECT_EQ(tika.kinds(), std::vector<std::string>{"value_count"});
  EXPECT_TRUE(tika.cells.empty());
}

TEST(Aligner, SubtotalWhosePositionTheHeaderDoesNotShowIsAFinding) {
  // 商业企业 lost from the header: 小计 could stand before or after the parts.
  auto a = Align(2021, "t3", {"申请人情况 自然人 法人或其他组织 总计", "科研机构 社会组织 法律服务机构 其他 小计",
                              "一、本年新收政府信息公开申请数量 5 1 2 0 0 0 3 8"});
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"value_count"});
  EXPECT_TRUE(a.cells.empty());
}

TEST(Aligner, TabRowWithALostFieldIsAFindingForTheWholeRow) {
  auto lines = kT3Header;
  // "\t\t\t821\t35\t\t\t2\t1\t859" with the field of 35 lost: every later value would shift.
  lines.push_back("一、本年新收政府信息公开申请数量\t\t\t821\t\t\t2\t1\t859");
  auto a = Align(2019, "t3", lines);
  EXPECT_EQ(a.kinds(), std::vector<std::string>{"value_count"});
  EXPECT_TRUE(a.cells.empty());
}

TEST(Aligner, MoneyUnits) {
  auto a = Align(2019, "t2", {"信息内容 采购项目数量 采购总金额", "政府集中采购 6 251000元"});
  EXPECT_EQ(a.cells["t2.a9_procurement.amount_wan"].value, "25.1");
  auto bare = Align(2019, "t2", {"信息内容 采购项目数量 采购总金额", "政府集中采购 6 18.26"});
  EXPECT_EQ(bare.kinds(), std::vector<std::string>{"ambiguous_unit"});
  EXPECT_EQ(bare.cells.count("t2.a9_procurement.amount_wan"), 0u);
  EXPECT_EQ(bare.cells["t2.a9_procurement.items"].value, "6");
  auto header = Align(2019, "t2", {"信息内容 采购项目数量 采购总金额（万元）", "政府集中采购 6 18.26"});
  EXPECT_EQ(header.cells["t2.a9_procurement.amount_wan"].value, "18.26");
  auto zero = Align(2019, "t2", {"信息内容 采购项目数量 采购总金额", "政府集中采购 0 0"});
  EXPECT_EQ(zero.cells["t2.a9_procurement.amount_wan"].value, "0");
}

TEST(Aligner, ReviewRowWrappedOverPdfLinesIsJoinedOnlyWhenItAddsUpToTheRow) {
  auto a = Align(2021, "t4", {"行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计",
                              "72 64 178 37 351", "13 4 8 1 26", "-5-", "12 1 1 6 20"});
  EXPECT_TRUE(a.kinds().empty());
  EXPECT_EQ(a.cells.size(), 15u);
  EXPECT_EQ(a.cells["t4.all.rev_total"].value, "351");
  EXPECT_EQ(a.cells["t4.all.lit_upheld"].value, "13");
  EXPECT_EQ(a.cells["t4.all.lar_total"].value, "20");
  auto short_row = Align(2021, "t4", {"72 64 178 37 351", "13 4 8 1 26", "12 1 1 6"});
  EXPECT_TRUE(short_row.cells.empty());
  EXPECT_EQ(short_row.kinds(), std::vector<std::string>({"value_count", "value_count", "value_count"}));
}

TEST(Aligner, ImplausibleMagnitudesAreFindingsNotNumbers) {
  auto a = Align(2019, "t2", {"信息内容 采购项目数量 采购总金额（万元）",
                              "政府集中采购 " + std::string(400, '9') + " 18.26",
                              "行政处罚 12345678901234567890 0 10000000000",
                              "行政强制 0 0 9999999998"});
  EXPECT_EQ(a.kinds(), std::vector<std::string>(
                           {"implausible_value", "implausible_value", "implausible_value"}));
  EXPECT_EQ(a.cells.count("t2.a9_procurement.items"), 0u);
  EXPECT_EQ(a.cells["t2.a9_procurement.amount_wan"].value, "18.26");
  EXPECT_EQ(a.cells.count("t2.a6_penalty.prev_count"), 0u);
  EXPECT_EQ(a.cells.count("t2.a6_penalty.decisions"), 0u);
  EXPECT_EQ(a.cells["t2.a6_coercion.decisions"].value, "9999999998");
  auto money = Align(2019, "t2", {"信息内容 采购项目数量 采购总金额", "政府集中采购 1 1000000000000元"});
  EXPECT_EQ(money.kinds(), std::vector<std::string>{"implausible_value"});
  EXPECT_EQ(money.cells.count("t2.a9_procurement.amount_wan"), 0u);
  auto large = Align(2019, "t2", {"信息内容 采购项目数量 采购总金额", "政府集中采购 1 99999999.9999万元"});
  EXPECT_TRUE(large.kinds().empty());
  EXPECT_EQ(large.cells["t2.a9_procurement.amount_wan"].value, "99999999.9999");
}

TEST(Aligner, NotApplicableMarksAreKeptApartFromZero) {
  auto a = Align(2019, "t2", {"行政事业性收费\t/\t—"});
  ASSERT_EQ(a.cells.size(), 2u);
  EXPECT_EQ(a.cells["t2.a8_fee.prev_count"].value, "blank");
  EXPECT_EQ(a.cells["t2.a8_fee.prev_count"].raw, "/");
}

}  // namespace
}  // namespace gongkai
