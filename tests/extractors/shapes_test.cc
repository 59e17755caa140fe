// Report shapes from the wild (issue 10 §4): each fixture under tests/fixtures/shapes is a real
// report with only its shape changed (see derive.py there), in every layout it reaches us in,
// and comes back cell-exact against the real report's expected cells, with its identity and
// without error findings.
#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

using testing::AsExpected;
using testing::FixturePath;
using testing::ReadExpected;
using testing::ReadFileOrDie;

struct ShapeCase {
  std::string file;  // under tests/fixtures/shapes
  std::string stem;  // expected/<stem>.csv
  std::string unit;
  int year;
};

std::vector<ShapeCase> Cases() {
  const std::string pt = "平潭综合实验区", ha = "淮安市人民政府", sh = "上海市人民政府办公厅";
  return {
      {"pingtan_2023.split_title.tsv.txt", "pingtan_2023", pt, 2023},
      {"pingtan_2023.split_title.tika.txt", "pingtan_2023", pt, 2023},
      {"huaian_szf_2024.split_title.pdf.txt", "huaian_szf_2024", ha, 2024},
      {"huaian_szf_2024.period.pdf.txt", "huaian_szf_2024", ha, 2024},
      {"huaian_szf_2024.period.tsv.txt", "huaian_szf_2024", ha, 2024},
      {"pingtan_2023.md.txt", "pingtan_2023", pt, 2023},
      {"huaian_szf_2024.md.txt", "huaian_szf_2024", ha, 2024},
      {"sh_bgt_2019.md.txt", "sh_bgt_2019", sh, 2019},
      {"huaian_szf_2024.headings.tsv.txt", "huaian_szf_2024", ha, 2024},
      {"huaian_szf_2024.headings.pdf.txt", "huaian_szf_2024", ha, 2024},
      {"pingtan_2023.headings.tika.txt", "pingtan_2023", pt, 2023},
      {"pingtan_2023.other_titles.tsv.txt", "pingtan_2023", pt, 2023},
      {"huaian_szf_2024.other_titles.pdf.txt", "huaian_szf_2024", ha, 2024},
      {"sh_bgt_2019.other_titles.tika.txt", "sh_bgt_2019", sh, 2019},
      {"sh_bgt_2019.stops_after_t4.tika.txt", "sh_bgt_2019", sh, 2019},
      {"sh_bgt_2019.stops_after_t4.tsv.txt", "sh_bgt_2019", sh, 2019},
      {"huaian_szf_2024.stops_after_t4.pdf.txt", "huaian_szf_2024", ha, 2024},
      {"huaian_szf_2024.garbled_label.pdf.txt", "huaian_szf_2024", ha, 2024},
      {"pingtan_2023.split_title.md.txt", "pingtan_2023", pt, 2023},
      {"huaian_szf_2024.period.md.txt", "huaian_szf_2024", ha, 2024},
      {"pingtan_2023.period.tika.txt", "pingtan_2023", pt, 2023},
      {"huaian_szf_2024.headings.md.txt", "huaian_szf_2024", ha, 2024},
      {"sh_bgt_2019.other_titles.md.txt", "sh_bgt_2019", sh, 2019},
      {"pingtan_2023.stops_after_t4.md.txt", "pingtan_2023", pt, 2023},
      {"pingtan_2023.subtotal.tika.txt", "pingtan_2023", pt, 2023},
      {"pingtan_2023.subtotal.tsv.txt", "pingtan_2023", pt, 2023},
      {"pingtan_2023.subtotal.md.txt", "pingtan_2023", pt, 2023},
  };
}

class ShapeTest : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(ShapeTest, CellExactWithItsIdentity) {
  const ShapeCase& c = GetParam();
  auto result = testing::ProcessText(ReadFileOrDie(FixturePath("shapes/" + c.file)), c.file);
  ASSERT_TRUE(result.ok) << result.failure.error_kind << ": " << result.failure.message;
  EXPECT_EQ(result.record.identity.unit, c.unit);
  EXPECT_EQ(result.record.identity.year, c.year);
  auto expected = ReadExpected(c.stem);
  auto actual = AsExpected(result.record.cells);
  EXPECT_EQ(result.record.cells.size(), expected.size());
  testing::ExpectCellExact(actual, expected);
  for (const auto& f : result.record.findings)
    EXPECT_NE(f.severity, Severity::kError) << f.kind << " line " << f.line << ": " << f.message;
}

std::string CaseName(const ::testing::TestParamInfo<ShapeCase>& info) {
  return testing::ParamName(info.param.file);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ShapeTest, ::testing::ValuesIn(Cases()), CaseName);

}  // namespace
}  // namespace gongkai
