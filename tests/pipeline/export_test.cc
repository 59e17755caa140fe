// export: mart_unit_year of a warehouse loaded with the seeds and the shared real reports,
// written to CSV (UTF-8 BOM) and xlsx, reads back with Python's csv module and Debian's
// python3-openpyxl equal to the view, cell by cell, on SQLite and on PostgreSQL; views and
// filters are validated, never SQL text.
#include "pipeline/export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/people_warehouse.h"
#include "tests/support/run_command.h"

namespace gongkai {
namespace {

// Debian's Python (the one on PATH may be another without openpyxl).
const char* kPython = "/usr/bin/python3";

const char* kReadBack = R"py(
import csv, io, json, sys, openpyxl
raw = open(sys.argv[1], 'rb').read()
rows = list(csv.reader(io.StringIO(raw.decode('utf-8-sig'), newline='')))
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb.active
x = [[c for c in r] for r in ws.iter_rows(values_only=True)]
types = [[type(c).__name__ for c in r] for r in ws.iter_rows(values_only=True)]
print(json.dumps({'bom': raw.startswith(b'\xef\xbb\xbf'), 'crlf': b'\r\n' in raw, 'csv': rows,
                  'xlsx': x, 'types': types, 'sheet': ws.title}, ensure_ascii=False))
)py";

// Exports mart_unit_year of `warehouse` to CSV and xlsx and compares both with the view's rows
// as the reader returns them.
void ExpectExportEqualsView(const std::string& warehouse, const testing::TempDir& dir) {
  const std::string view = "mart_unit_year";
  std::string csv = dir / "out.csv", xlsx = dir / "out.xlsx";
  ASSERT_EQ(testing::RunGongkaiStdout({"-q", "export", view, "-o", csv, "-w", warehouse}).exit_code,
            0);
  ASSERT_EQ(
      testing::RunGongkaiStdout({"-q", "export", view, "-o", xlsx, "-w", warehouse}).exit_code, 0);
  auto back = testing::RunCommand({kPython, "-c", kReadBack, csv, xlsx});
  ASSERT_EQ(back.exit_code, 0);
  auto j = nlohmann::json::parse(back.out);

  auto db = OpenWarehouseReader(LoadOptions{warehouse});
  QueryResult want = db->Query("SELECT * FROM " + view);
  ASSERT_GE(want.rows.size(), 8u);  // five seeds + three real reports
  EXPECT_TRUE(j["bom"].get<bool>());
  EXPECT_TRUE(j["crlf"].get<bool>());
  EXPECT_EQ(j["sheet"], view);
  const auto labels = ColumnLabels(view, want.columns);
  ASSERT_EQ(j["csv"].size(), want.rows.size() + 2);
  ASSERT_EQ(j["xlsx"].size(), want.rows.size() + 2);
  EXPECT_EQ(j["csv"][0].get<std::vector<std::string>>(), labels);
  EXPECT_EQ(j["xlsx"][0].get<std::vector<std::string>>(), labels);
  EXPECT_EQ(j["csv"][1].get<std::vector<std::string>>(), want.columns);
  EXPECT_EQ(j["xlsx"][1].get<std::vector<std::string>>(), want.columns);
  EXPECT_EQ(labels[0], "县（市、区）");
  EXPECT_EQ(labels[1], "报告单位");
  int integers = 0, texts = 0;
  for (std::size_t i = 0; i < want.rows.size(); ++i) {
    const auto& row = want.rows[i];
    ASSERT_EQ(j["csv"][i + 2].size(), row.size());
    for (std::size_t c = 0; c < row.size(); ++c) {
      SCOPED_TRACE(want.columns[c] + " row " + std::to_string(i));
      EXPECT_EQ(j["csv"][i + 2][c], FormatDbValue(row[c]));
      const auto& x = j["xlsx"][i + 2][c];
      const std::string type = j["types"][i + 2][c];
      if (row[c].IsNull()) {
        EXPECT_TRUE(x.is_null());
      } else if (row[c].kind == DbValue::Kind::kInt) {
        ASSERT_EQ(type, "int") << x;  // openpyxl reads a whole number cell as int
        EXPECT_EQ(x.get<long long>(), row[c].i);
        ++integers;
      } else if (row[c].kind == DbValue::Kind::kReal) {
        ASSERT_TRUE(x.is_number()) << x;
        EXPECT_DOUBLE_EQ(x.get<double>(), row[c].r);
      } else {
        ASSERT_EQ(type, "str");
        EXPECT_EQ(x, row[c].text);
        ++texts;
      }
    }
  }
  EXPECT_GT(integers, 100);
  EXPECT_GT(texts, 16);  // units (Chinese) and paths came through as text
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_LE(testing::LoadSeedsAndReal(dir_.path(), db_), 1); }
  testing::TempDir dir_;
  std::string db_ = dir_ / "w.db";
};

TEST_F(ExportTest, CsvAndXlsxReadBackEqualToTheView) { ExpectExportEqualsView(db_, dir_); }

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

TEST_F(ExportTest, WhereOnTheCommandLineKeepsOnlyMatchingRows) {
  std::string csv = dir_ / "one.csv";
  ASSERT_EQ(testing::RunGongkaiStdout({"-q", "export", "mart_unit_year", "--where", "year=2019",
                                       "-o", csv, "-w", db_})
                .exit_code,
            0);
  auto rows = testing::ParseCsv(testing::ReadFileOrDie(csv).substr(3));
  ASSERT_GE(rows.size(), 3u);
  std::size_t year = 0;
  while (rows[1][year] != "year") ++year;
  for (std::size_t i = 2; i < rows.size(); ++i) EXPECT_EQ(rows[i][year], "2019");
}

TEST_F(ExportTest, BadViewOrFileIsAUsageError) {
  EXPECT_EQ(
      testing::RunGongkaiStdout({"export", "report", "-o", dir_ / "x.csv", "-w", db_}).exit_code, 2);
  EXPECT_EQ(
      testing::RunGongkaiStdout({"export", "stg_cell", "-o", dir_ / "x.txt", "-w", db_}).exit_code,
      2);
  EXPECT_EQ(testing::RunGongkaiStdout({"export", "stg_cell", "--where", "nocolumn=1", "-o",
                                       dir_ / "x.csv", "-w", db_})
                .exit_code,
            2);
  EXPECT_EQ(testing::RunGongkaiStdout(
                {"export", "stg_cell", "-o", dir_ / "x.csv", "-w", dir_ / "absent.db"})
                .exit_code,
            4);
}

TEST(PostgresExport, CsvAndXlsxReadBackEqualToTheView) {
  testing::pg::TestDatabase db;
  testing::TempDir dir;
  ASSERT_LE(testing::LoadSeedsAndReal(dir.path(), db.conninfo()), 1);
  ExpectExportEqualsView(db.conninfo(), dir);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Streaming crosses the cursor's fetch batches (5000 rows) in order, with every row once, and a
// caller's exception reaches the caller unchanged (not as a warehouse error).
TEST(PostgresExport, StreamCrossesFetchBatchesInOrder) {
  testing::pg::TestDatabase pg;
  auto db = OpenWarehouseReader(LoadOptions{pg.conninfo()});
  std::vector<std::string> columns;
  long long rows = 0, sum = 0;
  bool ordered = true;
  db->Stream(
      "SELECT g AS n, 'x' || g AS t FROM generate_series(1, 12345) g WHERE g > CAST(? AS INT) "
      "ORDER BY g",
      {std::string("0")}, [&](const std::vector<std::string>& c) { columns = c; },
      [&](const std::vector<DbValue>& r) {
        ++rows;
        ordered = ordered && r[0].kind == DbValue::Kind::kInt && r[0].i == rows &&
                  r[1].text == "x" + std::to_string(rows);
        sum += r[0].i;
      });
  EXPECT_EQ(columns, (std::vector<std::string>{"n", "t"}));
  EXPECT_EQ(rows, 12345);
  EXPECT_EQ(sum, 12345LL * 12346 / 2);
  EXPECT_TRUE(ordered);
  struct Stop {};
  EXPECT_THROW(db->Stream(
                   "SELECT g FROM generate_series(1, 10) g", {},
                   [](const std::vector<std::string>&) {},
                   [](const std::vector<DbValue>&) { throw Stop{}; }),
               Stop);
  EXPECT_EQ(db->Query("SELECT 1 AS one").rows.size(), 1u);  // the connection is still usable
}

}  // namespace
}  // namespace gongkai
