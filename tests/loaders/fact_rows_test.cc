// The fact rows the loaders compute in C++ (loaders/fact_rows.h) equal, column for column, what
// the SQL fills (sql/facts) insert for the same reports: every seed and shared real report plus
// 200 generated ones (distinct values, consistent values, blank cells, blank totals read as the
// sum of their parts, several files of one unit-year), loaded into a real warehouse, snapshotted,
// then the fact tables emptied and filled again by the SQL files and compared, on SQLite and on
// the PostgreSQL test server; again after a correction and a --force re-load (the corrected
// unit-year through the SQL fills, the rest through C++). Also ComputeFactRows alone on a record
// with known cells: totals, sums of parts, blanks, the narrative exclusion, each dialect's CAST.
#include "loaders/fact_rows.h"

#include <gtest/gtest.h>

#include <sqlite3.h>

#include <functional>
#include <stdexcept>

#include "loaders/loader.h"
#include "loaders/sql_files.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/cli.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"
#include "tests/support/synth.h"

namespace gongkai {
namespace {

using testing::Rows;

Cell Num(const char* t, const char* r, const char* c, double v, int line = 7) {
  Cell x;
  x.SetCoord(t, r, c), x.state = CellState::kNumber, x.value = v, x.line = line;
  return x;
}
Cell Blank(const char* t, const char* r, const char* c) {
  Cell x;
  x.SetCoord(t, r, c), x.state = CellState::kBlank, x.line = 9;
  return x;
}

std::string Show(const FactValue& v) {
  switch (v.kind) {
    case FactValue::kNull: return "NULL";
    case FactValue::kInt: return std::to_string(v.i);
    case FactValue::kReal: return "r" + std::to_string(v.r);
    case FactValue::kText: return v.t;
  }
  return "?";
}
std::string Column(const FactTableRows& t, std::size_t row, const std::string& name) {
  for (std::size_t k = 0; k < t.columns->size(); ++k)
    if (name == (*t.columns)[k]) return Show(t.rows.at(row).at(k));
  return "no column " + name;
}

TEST(FactRows, TotalsPartsBlanksRulesAndCastsOfEachDialect) {
  ReportRecord r;
  r.identity.edition = 2021;
  r.identity.year = 2022;
  r.cells = {Num("t3", "new", "natural", 2.5), Num("t3", "new", "legal", 3),
             Blank("t3", "new", "total"),                                   // 5.5 from parts
             Num("t3", "carried", "natural", 1, 40), Num("t3", "carried", "total", 4, 40),
             Num("t3", "deny_secret", "total", 2), Num("t3", "deny_law", "total", 1),
             Num("t4", "r", "rev_upheld", 1), Num("t4", "r", "rev_other", 2),  // rev_total blank
             Num("t4", "r", "lit_total", 7), Num("t4", "r", "lit_upheld", 1),
             Num("t2", "a9_procurement", "amount_wan", 18.26),
             Blank("t2", "a9_procurement", "items"), Num("t2", "a1_normative", "issued", 3)};
  RuleResult fail, narrative, pass;
  fail.key_text = "t3.row_total", fail.status = RuleStatus::kFail;
  narrative.key_text = "narrative.count", narrative.status = RuleStatus::kFail;
  pass.key_text = "t3.row_total", pass.status = RuleStatus::kPass;
  r.rules = {fail, narrative, pass, fail};

  FactRows lite = ComputeFactRows(r, 42, 1, FactDialect::kSqlite);
  FactRows pg = ComputeFactRows(r, 42, 1, FactDialect::kPostgres);
  const FactTableRows& f = lite.report_fact;
  ASSERT_EQ(f.rows.size(), 1u);
  EXPECT_EQ(Column(f, 0, "report_id"), "42");
  EXPECT_EQ(Column(f, 0, "new_total"), "5");  // CAST(5.5): SQLite truncates
  EXPECT_EQ(Column(pg.report_fact, 0, "new_total"), "6");  // PostgreSQL rounds half even
  EXPECT_EQ(Column(pg.report_fact, 0, "new_natural"), "2");
  EXPECT_EQ(Column(f, 0, "carried_total"), "4");
  EXPECT_EQ(Column(f, 0, "received"), "9");  // CAST(5.5 + 4)
  EXPECT_EQ(Column(pg.report_fact, 0, "received"), "10");
  EXPECT_EQ(Column(f, 0, "outcome_denied"), "3");
  EXPECT_EQ(Column(f, 0, "outcome_open"), "NULL");
  EXPECT_EQ(Column(f, 0, "total_source"), "sum_of_parts");
  EXPECT_EQ(Column(f, 0, "t3_blank_cells"), "1");
  EXPECT_EQ(Column(f, 0, "t3_rows_from_parts"), "1");
  EXPECT_EQ(Column(f, 0, "review_total"), "3");
  EXPECT_EQ(Column(f, 0, "litigation_total"), "7");  // as reported, not the parts' 1
  EXPECT_EQ(Column(f, 0, "after_review_total"), "NULL");
  EXPECT_EQ(Column(f, 0, "t4_totals_from_parts"), "1");
  EXPECT_EQ(Column(f, 0, "procurement_cells"), "2");
  EXPECT_EQ(Column(f, 0, "procurement_items"), "NULL");
  EXPECT_EQ(Column(f, 0, "procurement_amount_wan"), "r18.260000");
  EXPECT_EQ(Column(f, 0, "procurement_blank_cells"), "1");
  EXPECT_EQ(Column(f, 0, "normative_issued"), "3");
  EXPECT_EQ(Column(f, 0, "regulation_issued"), "NULL");
  EXPECT_EQ(Column(f, 0, "rules_failed"), "2");  // the narrative failure not counted
  EXPECT_EQ(Column(f, 0, "corrected_cells"), "0");

  const FactTableRows& a = lite.applicant_fact;
  ASSERT_EQ(a.rows.size(), 3u);  // legal, natural, total: in code order
  EXPECT_EQ(Column(a, 0, "applicant"), "legal");
  EXPECT_EQ(Column(a, 1, "applicant"), "natural");
  EXPECT_EQ(Column(a, 1, "new_applications"), "2");
  EXPECT_EQ(Column(a, 1, "carried_over"), "1");
  EXPECT_EQ(Column(a, 1, "carried_line"), "40");
  EXPECT_EQ(Column(a, 1, "carry_next_line"), "NULL");
  EXPECT_EQ(Column(a, 2, "blank_cells"), "1");
  EXPECT_EQ(Column(a, 2, "county"), "NULL");
  EXPECT_EQ(Column(a, 2, "year"), "2022");

  const FactTableRows& x = lite.rule_fact;
  ASSERT_EQ(x.rows.size(), 3u);
  EXPECT_EQ(Column(x, 0, "rule_key") + " " + Column(x, 0, "status") + " " +
                Column(x, 0, "results"),
            "narrative.count fail 1");
  EXPECT_EQ(Column(x, 1, "rule_key") + " " + Column(x, 1, "status") + " " +
                Column(x, 1, "results"),
            "t3.row_total fail 2");
}

// ---- against the SQL fills, in a real warehouse ----

// Runs one writing statement on a SQLite file (testing::Query opens it read-only); throws.
Rows SqliteExec(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + db_path);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error(message + " in: " + sql);
  return {};
}

const char* kSnapshots[] = {
    "SELECT * FROM report_fact ORDER BY report_id",
    "SELECT * FROM report_applicant_fact ORDER BY report_id, applicant",
    "SELECT * FROM report_rule_fact ORDER BY report_id, rule_key, status"};

class FactsAgainstSql {
 public:
  FactsAgainstSql(std::string warehouse, std::function<Rows(const std::string&)> query,
                  std::function<Rows(const std::string&)> exec)
      : warehouse_(std::move(warehouse)), query_(std::move(query)), exec_(std::move(exec)) {
    input_ = tmp_ / "reports";
    testing::CopySeeds(input_);
    for (const auto& t : testing::TextReports())
      if (t.file.rfind("real/", 0) == 0)
        testing::WriteFile(input_ + "/" + t.file.substr(5),
                           testing::ReadFileOrDie(testing::FixturePath(t.file)));
    WriteGenerated();
    options_.discover.input_dirs = {input_};
    options_.load.warehouse = warehouse_;
  }

  // 25 units x 2 editions x 4 variants: distinct values; consistent values; every 5th cell
  // blank; 表三 totals and 表四 复议 totals blank (read as the sum of their parts).
  void WriteGenerated() {
    const char* names[] = {"东", "西", "南", "北", "青", "白", "红", "金", "石", "桃",
                           "柳", "松", "梅", "兰", "竹", "菊", "云", "雨", "风", "雪",
                           "星", "月", "江", "湖", "海"};
    int n = 0;
    for (int edition : {2019, 2021}) {
      const Template& tmpl = testing::ProjectTemplate(edition);
      for (const char* name : names)
        for (int variant = 0; variant < 4; ++variant) {
          const unsigned seed = static_cast<unsigned>(++n);
          testing::SynthReport r = variant == 0 ? testing::DistinctValues(tmpl, seed)
                                                : testing::ConsistentValues(tmpl, seed);
          r.title_unit = std::string(name) + "木镇";
          if (variant == 2) testing::BlankEvery(&r, 5, n % 5);
          if (variant == 3) {
            const auto keys = r.raw;
            for (const auto& [key, raw] : keys) {
              const bool t3_total = key.rfind("t3.", 0) == 0 && key.size() > 6 &&
                                    key.compare(key.size() - 6, 6, ".total") == 0;
              const bool rev_total = key.rfind("t4.", 0) == 0 &&
                                     key.find("rev_total") != std::string::npos;
              if (t3_total || rev_total) r.Set(key, "");
            }
          }
          const Layout layout = variant == 1 ? Layout::kFields : Layout::kCells;
          testing::WriteFile(input_ + "/gen_" + std::to_string(n) + ".txt",
                             testing::Render(tmpl, r, layout, testing::RenderStyle{}));
        }
    }
  }

  void Run() {
    auto loader = OpenLoader(options_.load);
    loader->Prepare(testing::ProjectContext().templates, testing::ProjectContext().gazetteer);
    gongkai::Run(options_, testing::ProjectContext(), *loader);
  }

  // The fact tables as loaded, then as the SQL fills write them for every loaded report.
  void Same(const std::string& step) {
    std::vector<Rows> loaded;
    for (const char* sql : kSnapshots) loaded.push_back(query_(sql));
    for (const std::string& table : FactTables()) exec_("DELETE FROM " + table);
    EXPECT_EQ(query_("SELECT count(*) FROM report_fact"), (Rows{{"0"}}));
    for (const char* fill : {"10_report_fact", "20_report_applicant_fact", "50_report_rule_fact"})
      exec_(FactFill(fill, "SELECT report_id FROM report"));
    for (std::size_t i = 0; i < loaded.size(); ++i) {
      const Rows filled = query_(kSnapshots[i]);
      EXPECT_GT(filled.size(), 200u) << step << ": " << kSnapshots[i];
      ASSERT_EQ(loaded[i].size(), filled.size()) << step << ": " << kSnapshots[i];
      for (std::size_t k = 0; k < filled.size(); ++k)
        EXPECT_EQ(loaded[i][k], filled[k]) << step << ": " << kSnapshots[i] << " row " << k;
    }
  }

  void Scenario() {
    Run();
    EXPECT_EQ(query_("SELECT count(*) FROM report WHERE status = 'loaded'"), (Rows{{"211"}}));
    // What the comparison covers: sums of parts, blanks, NULL totals, uncounted duplicates.
    EXPECT_NE(query_("SELECT count(*) FROM report_fact WHERE total_source = 'sum_of_parts'"),
              (Rows{{"0"}}));
    EXPECT_NE(query_("SELECT count(*) FROM report_fact WHERE t3_blank_cells > 0 "
                     "AND t4_totals_from_parts > 0"),
              (Rows{{"0"}}));
    EXPECT_NE(query_("SELECT count(*) FROM report_applicant_fact WHERE counted = 0"),
              (Rows{{"0"}}));
    EXPECT_NE(query_("SELECT count(*) FROM report_rule_fact WHERE rule_key LIKE 'narrative.%'"),
              (Rows{{"0"}}));
    Same("first load");

    // A correction: its unit-year's reports take the SQL fills at the next load, the others C++.
    testing::CliResult c = testing::RunGongkai(
        {"correct", "--unit", "平潭综合实验区", "--year", "2023", "--cell", "t3.new.natural",
         "--value", "5", "--reason", "附件为5件", "-w", warehouse_});
    EXPECT_EQ(c.exit_code, 0) << c.output;
    options_.force = true;
    Run();
    EXPECT_EQ(query_("SELECT count(*) FROM report_fact f JOIN report r USING (report_id) "
                     "WHERE r.unit = '平潭综合实验区' AND f.corrected_cells = 1"),
              (Rows{{"2"}}));
    Same("--force after a correction");
  }

 private:
  testing::TempDir tmp_;
  std::string warehouse_;
  std::function<Rows(const std::string&)> query_, exec_;
  std::string input_;
  RunOptions options_;
};

TEST(FactRows, EqualTheSqlFillsOnSqlite) {
  testing::TempDir tmp;
  const std::string db = tmp / "warehouse.db";
  FactsAgainstSql t(
      db, [&](const std::string& sql) { return testing::Query(db, sql); },
      [&](const std::string& sql) { return SqliteExec(db, sql); });
  t.Scenario();
}

TEST(PostgresFactRows, EqualTheSqlFills) {
  testing::pg::TestDatabase db;
  const std::string conn = db.conninfo();
  auto query = [&](const std::string& sql) { return testing::pg::PgQuery(conn, sql); };
  FactsAgainstSql t(conn, query, query);
  t.Scenario();
}

}  // namespace
}  // namespace gongkai
