// export: a view written to CSV (UTF-8 BOM) and xlsx reads back, with Python's csv module and
// Debian's python3-openpyxl, equal to the view; views and filters are validated, never SQL text.
#include "pipeline/export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/run_command.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

const char* kReadBack = R"py(
import csv, json, sys, openpyxl
raw = open(sys.argv[1], 'rb').read()
rows = list(csv.reader(raw.decode('utf-8-sig').splitlines()))
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb.active
x = [[c for c in r] for r in ws.iter_rows(values_only=True)]
print(json.dumps({'bom': raw.startswith(b'\xef\xbb\xbf'), 'csv': rows, 'xlsx': x,
                  'sheet': ws.title}, ensure_ascii=False))
)py";

std::string ViewUnderTest() {
  auto views = ExportableViews();
  return std::find(views.begin(), views.end(), "mart_unit_year") != views.end()
             ? "mart_unit_year" : "mart_applications";
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::CopySeeds(dir_ / "in");
    auto r = testing::RunGongkaiStdout({"-q", "run", "-i", dir_ / "in", "-w", db_});
    ASSERT_LE(r.exit_code, 1);
  }
  testing::TempDir dir_;
  std::string db_ = dir_ / "w.db";
};

TEST_F(ExportTest, CsvAndXlsxReadBackEqualToTheView) {
  const std::string view = ViewUnderTest();
  std::string csv = dir_ / "out.csv", xlsx = dir_ / "out.xlsx";
  ASSERT_EQ(testing::RunGongkaiStdout({"-q", "export", view, "-o", csv, "-w", db_}).exit_code, 0);
  ASSERT_EQ(testing::RunGongkaiStdout({"-q", "export", view, "-o", xlsx, "-w", db_}).exit_code, 0);
  auto back = testing::RunCommand({"python3", "-c", kReadBack, csv, xlsx});
  ASSERT_EQ(back.exit_code, 0);
  auto j = nlohmann::json::parse(back.out);

  auto db = OpenWarehouseReader(LoadOptions{db_});
  QueryResult want = db->Query("SELECT * FROM " + view);
  ASSERT_FALSE(want.rows.empty());
  EXPECT_TRUE(j["bom"].get<bool>());
  EXPECT_EQ(j["sheet"], view);
  ASSERT_EQ(j["csv"].size(), want.rows.size() + 1);
  ASSERT_EQ(j["xlsx"].size(), want.rows.size() + 1);
  EXPECT_EQ(j["csv"][0].get<std::vector<std::string>>(), want.columns);
  EXPECT_EQ(j["xlsx"][0].get<std::vector<std::string>>(), want.columns);
  int numbers = 0, texts = 0;
  for (std::size_t i = 0; i < want.rows.size(); ++i) {
    const auto& row = want.rows[i];
    ASSERT_EQ(j["csv"][i + 1].size(), row.size());
    for (std::size_t c = 0; c < row.size(); ++c) {
      SCOPED_TRACE(want.columns[c] + " row " + std::to_string(i));
      EXPECT_EQ(j["csv"][i + 1][c], FormatDbValue(row[c]));
      const auto& x = j["xlsx"][i + 1][c];
      if (row[c].IsNull()) {
        EXPECT_TRUE(x.is_null());
      } else if (row[c].IsNumber()) {
        ASSERT_TRUE(x.is_number()) << x;
        EXPECT_DOUBLE_EQ(x.get<double>(), row[c].Number());
        ++numbers;
      } else {
        EXPECT_EQ(x, row[c].text);
        ++texts;
      }
    }
  }
  EXPECT_GT(numbers, 0);
  EXPECT_GT(texts, 0);  // county names (Chinese) came through
}

TEST_F(ExportTest, WhereFiltersByBoundValues) {
  auto db = OpenWarehouseReader(LoadOptions{db_});
  QueryResult all = ReadView(*db, "stg_cell", {});
  QueryResult one = ReadView(*db, "stg_cell", {{"unit", "后河镇"}, {"year", "2021"}});
  ASSERT_EQ(one.rows.size(), 200u);
  EXPECT_LT(one.rows.size(), all.rows.size());
  QueryResult none = ReadView(*db, "stg_cell", {{"unit", "x' OR '1'='1"}});
  EXPECT_TRUE(none.rows.empty());
  EXPECT_THROW(ReadView(*db, "report", {}), ExportError);  // a table, not one of our views
  EXPECT_THROW(ReadView(*db, "stg_cell; DROP TABLE cell", {}), ExportError);
  EXPECT_THROW(ReadView(*db, "stg_cell", {{"1=1 OR unit", "x"}}), ExportError);
  EXPECT_THROW(ParseWhere("unit"), ExportError);
  EXPECT_EQ(ParseWhere("unit=a=b"), (std::pair<std::string, std::string>{"unit", "a=b"}));
}

TEST_F(ExportTest, BadViewOrFileIsAUsageError) {
  EXPECT_EQ(testing::RunGongkaiStdout({"export", "report", "-o", dir_ / "x.csv", "-w", db_}).exit_code,
            2);
  EXPECT_EQ(
      testing::RunGongkaiStdout({"export", "stg_cell", "-o", dir_ / "x.txt", "-w", db_}).exit_code, 2);
  EXPECT_EQ(testing::RunGongkaiStdout({"export", "stg_cell", "--where", "nocolumn=1", "-o",
                                 dir_ / "x.csv", "-w", db_})
                .exit_code,
            2);
  EXPECT_EQ(testing::RunGongkaiStdout(
                {"export", "stg_cell", "-o", dir_ / "x.csv", "-w", dir_ / "absent.db"})
                .exit_code,
            4);
}

}  // namespace
}  // namespace gongkai
