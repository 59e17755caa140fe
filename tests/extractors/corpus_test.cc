// Every real report in tests/fixtures (seeds, real/ in every layout, originals/ as published)
// comes back cell-exact against tests/fixtures/expected: same coordinates, same values, blanks
// as blanks, raw text.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

using testing::AsExpected;
using testing::FixturePath;
using testing::ReadExpected;
using testing::ReadFileOrDie;

using CorpusCase = testing::TextReport;

std::vector<CorpusCase> Cases() {
  std::vector<CorpusCase> cases = testing::TextReports();
  // as published (readers/): the web pages and the PDF themselves
  cases.push_back({"originals/sh_bgt_2019.html", "sh_bgt_2019"});
  cases.push_back({"originals/pingtan_2023.html", "pingtan_2023"});
  cases.push_back({"originals/huaian_szf_2024.pdf", "huaian_szf_2024"});
  return cases;
}

struct ReportsRow {
  std::string unit;
  int year = 0, edition = 0;
};

ReportsRow ReadReportsRow(const std::string& stem) {
  std::istringstream in(ReadFileOrDie(FixturePath("expected/reports.csv")));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string part;
    while (std::getline(ls, part, ',')) f.push_back(part);
    if (f.size() == 4 && f[0] == stem) return {f[1], std::stoi(f[2]), std::stoi(f[3])};
  }
  throw std::runtime_error("no reports.csv row for " + stem);
}

class CorpusTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CorpusTest, EveryCellAtItsCoordinate) {
  const CorpusCase& c = GetParam();
  auto result = testing::ProcessText(ReadFileOrDie(FixturePath(c.file)), c.file);
  ASSERT_TRUE(result.ok) << result.failure.error_kind << ": " << result.failure.message;
  auto expected = ReadExpected(c.stem);
  auto actual = AsExpected(result.record.cells);
  EXPECT_EQ(actual.size(), expected.size());
  EXPECT_EQ(result.record.cells.size(), expected.size()) << "a coordinate was emitted twice";
  testing::ExpectCellExact(actual, expected);
}

TEST_P(CorpusTest, IdentityMatchesReportsCsv) {
  const CorpusCase& c = GetParam();
  auto result = testing::ProcessText(ReadFileOrDie(FixturePath(c.file)), c.file);
  ASSERT_TRUE(result.ok);
  ReportsRow want = ReadReportsRow(c.stem);
  EXPECT_EQ(result.record.identity.unit, want.unit);
  EXPECT_EQ(result.record.identity.year, want.year);
  EXPECT_EQ(result.record.identity.edition, want.edition);
}

TEST_P(CorpusTest, NoErrorFindings) {
  const CorpusCase& c = GetParam();
  auto result = testing::ProcessText(ReadFileOrDie(FixturePath(c.file)), c.file);
  ASSERT_TRUE(result.ok);
  for (const auto& f : result.record.findings)
    EXPECT_NE(f.severity, Severity::kError) << f.kind << " line " << f.line << ": " << f.message;
}

std::string CaseName(const ::testing::TestParamInfo<CorpusCase>& info) {
  return testing::ParamName(info.param.file);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, CorpusTest, ::testing::ValuesIn(Cases()), CaseName);

TEST(CorpusSeeds, AcceptanceFigures) {
  auto dongmu = testing::ProcessText(
      ReadFileOrDie(FixturePath("seeds/000_0f2f3fa0c9be7e04.txt")));
  ASSERT_TRUE(dongmu.ok);
  EXPECT_EQ(dongmu.record.cells.size(), 198u);
  auto cells = AsExpected(dongmu.record.cells);
  EXPECT_EQ(cells["t2.a9_procurement.items"].value, "95");
  EXPECT_EQ(cells["t2.a9_procurement.amount_wan"].value, "18.26");
  EXPECT_EQ(cells["t2.a9_procurement.amount_wan"].raw, "18.26万元");

  auto houhe = testing::ProcessText(
      ReadFileOrDie(FixturePath("seeds/004_7e630d27dccc3614.txt")));
  ASSERT_TRUE(houhe.ok);
  EXPECT_EQ(houhe.record.cells.size(), 200u);
  EXPECT_EQ(AsExpected(houhe.record.cells)["t2.a6_penalty.decisions"].value, "3");
  EXPECT_EQ(houhe.record.identity.county.value_or(""), "卫辉市");
  EXPECT_EQ(houhe.record.identity.county_source, "text");  // the text names 卫辉

  auto honghe = testing::ProcessText(
      ReadFileOrDie(FixturePath("seeds/002_7da94f88d5ce056c.txt")));
  ASSERT_TRUE(honghe.ok);
  EXPECT_EQ(honghe.record.identity.unit, "红河镇");
  EXPECT_EQ(honghe.record.identity.county.value_or(""), "昌乐县");
  EXPECT_EQ(honghe.record.identity.county_source, "title");
}

TEST(CorpusReal, ShanghaiMoneyInYuanIsConvertedToWan) {
  for (const char* f : {"real/sh_bgt_2019.tika.txt", "real/sh_bgt_2019.tsv.txt"}) {
    auto r = testing::ProcessText(ReadFileOrDie(FixturePath(f)));
    ASSERT_TRUE(r.ok) << f;
    for (const auto& c : r.record.cells) {
      if (c.row() != "a9_procurement" || c.col() != "amount_wan") continue;
      EXPECT_EQ(c.raw, "251000元");
      EXPECT_EQ(c.measure(), "万元");
      ASSERT_TRUE(c.value.has_value());
      EXPECT_DOUBLE_EQ(*c.value, 25.1);
    }
  }
}

}  // namespace
}  // namespace gongkai
