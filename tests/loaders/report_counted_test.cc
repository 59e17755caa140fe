// report.counted (schema v12), kept by triggers on report: after every path that changes a
// report's group (division, unit, year) or its members — a later-modified copy, a re-load, a
// failure replacing a loaded report, pruning, --force, a new placement written by SQL — it
// marks exactly the reports the duplicate-file rule counts (the rule stg_report applied before
// v12, spelled out below), on SQLite and on PostgreSQL, and names the file that counts; the
// copies of the flag, county, year and edition in report_applicant_fact (v14) follow.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <functional>

#include "loaders/postgres_loader.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Rows;

// The duplicate-file rule, as stg_report read it before v12.
const char* kRule =
    "SELECT r.report_id FROM report r WHERE r.status = 'loaded' AND NOT EXISTS ("
    "SELECT 1 FROM report d WHERE d.status = 'loaded' AND d.unit = r.unit AND d.year = r.year "
    "AND COALESCE(d.division_code, '') = COALESCE(r.division_code, '') "
    "AND (COALESCE(d.mtime_ns, 0) > COALESCE(r.mtime_ns, 0) "
    "OR (COALESCE(d.mtime_ns, 0) = COALESCE(r.mtime_ns, 0) AND d.source_path < r.source_path))) "
    "ORDER BY 1";
const char* kFlagged = "SELECT report_id FROM report WHERE counted = 1 ORDER BY 1";
// report_applicant_fact rows whose copy of their report's flag, county, year or edition
// (schema v14) differs from the report's.
const char* kStaleCopies =
    "SELECT count(*) FROM report_applicant_fact a JOIN report r ON r.report_id = a.report_id "
    "WHERE a.counted <> r.counted OR a.county IS DISTINCT FROM r.county "
    "OR a.year IS DISTINCT FROM r.year OR a.edition IS DISTINCT FROM r.edition";
// Which file of 东木镇 2020 counts (the seed or its copy), by the name's end.
const char* kWhich =
    "SELECT CASE WHEN source_path LIKE '%000_again.txt' THEN 'copy' ELSE 'seed' END AS f "
    "FROM stg_report WHERE unit = '东木镇' AND year = 2020 ORDER BY f";

class CountedFlag {
 public:
  CountedFlag(std::string warehouse, std::function<Rows(const std::string&)> query)
      : warehouse_(std::move(warehouse)), query_(std::move(query)) {
    input_ = tmp_ / "reports";
    options_ = testing::SeedRunOptions(input_, warehouse_);
  }

  void Run() { testing::RunWarehouse(options_); }

  // Every step of the scenario, the flags checked against the rule after each.
  void Scenario() {
    const std::string seed = input_ + "/000_0f2f3fa0c9be7e04.txt";
    const std::string copy = input_ + "/copy/000_again.txt";
    auto Same = [&](const char* step) {
      EXPECT_EQ(query_(kFlagged), query_(kRule)) << step;
      EXPECT_EQ(query_("SELECT count(*) FROM stg_report"), (Rows{{"5"}})) << step;
      EXPECT_EQ(query_(kStaleCopies), (Rows{{"0"}})) << step;
      EXPECT_EQ(query_("SELECT count(*) FROM report_applicant_fact WHERE counted = 1"),
                (Rows{{"35"}})) << step;
    };
    Run();
    Same("first load");
    EXPECT_EQ(query_(kWhich), (Rows{{"seed"}}));

    // A copy modified an hour later counts instead.
    testing::WriteFile(copy, testing::ReadFileOrDie(seed));
    fs::last_write_time(copy, fs::last_write_time(seed) + std::chrono::hours(1));
    Run();
    Same("a later copy");
    EXPECT_EQ(query_(kWhich), (Rows{{"copy"}}));

    // The seed touched two hours later: re-loaded (same content, new mtime), it counts again.
    fs::last_write_time(seed, fs::last_write_time(seed) + std::chrono::hours(2));
    Run();
    Same("the seed re-loaded, later");
    EXPECT_EQ(query_(kWhich), (Rows{{"seed"}}));

    // The seed replaced by a file that is no report (a failure): the copy counts.
    testing::WriteFile(seed, "这不是一份报告\n");
    Run();
    Same("the seed failed");
    EXPECT_EQ(query_(kWhich), (Rows{{"copy"}}));

    // The copy removed and pruned: 东木镇 2020 is gone; the seed back, it counts.
    fs::remove(copy);
    options_.prune = true;
    testing::WriteFile(seed, testing::ReadFileOrDie(testing::FixturePath(
                                 "seeds/000_0f2f3fa0c9be7e04.txt")));
    Run();
    Same("the copy pruned, the seed back");
    EXPECT_EQ(query_(kWhich), (Rows{{"seed"}}));

    // The copy back, an hour later still, and --force re-loads everything.
    testing::WriteFile(copy, testing::ReadFileOrDie(seed));
    fs::last_write_time(copy, fs::last_write_time(seed) + std::chrono::hours(1));
    options_.force = true;
    Run();
    Same("--force");
    EXPECT_EQ(query_(kWhich), (Rows{{"copy"}}));
  }

  // Both files of 东木镇 2020 new in one run (one batch, one statement writing both report rows),
  // then both touched in one run so that the other one counts, then one SQL statement moving
  // both (schema v16 computes the flags per statement, over every row it wrote): each time
  // exactly the later file counts.
  void OneBatch() {
    const std::string seed = input_ + "/000_0f2f3fa0c9be7e04.txt";
    const std::string copy = input_ + "/copy/000_again.txt";
    testing::WriteFile(copy, testing::ReadFileOrDie(seed));  // an hour later, new with the seeds
    fs::last_write_time(copy, fs::last_write_time(seed) + std::chrono::hours(1));
    Run();
    auto Same = [&](const char* step, const char* which) {
      EXPECT_EQ(query_(kFlagged), query_(kRule)) << step;
      EXPECT_EQ(query_(kWhich), (Rows{{which}})) << step;
      EXPECT_EQ(query_("SELECT count(*) FROM report WHERE counted = 1"), (Rows{{"5"}})) << step;
      EXPECT_EQ(query_(kStaleCopies), (Rows{{"0"}})) << step;
    };
    Same("both in one batch", "copy");
    // Both touched, the seed now the later one: both re-loaded in one batch.
    const auto t = fs::last_write_time(copy);
    fs::last_write_time(seed, t + std::chrono::hours(2));
    fs::last_write_time(copy, t + std::chrono::hours(1));
    Run();
    Same("both re-loaded, the seed later", "seed");
    EXPECT_EQ(query_("SELECT count(*) FROM report WHERE unit = '东木镇' AND year = 2020"),
              (Rows{{"2"}}));
  }

  // One statement changing both rows of 东木镇 2020 (the copy later again, the seed older).
  void OneStatement(const std::function<void(const std::string&)>& exec) {
    exec("UPDATE report SET mtime_ns = CASE WHEN source_path LIKE '%000_again.txt' "
         "THEN 9000000000000000000 ELSE 1 END WHERE unit = '东木镇' AND year = 2020");
    EXPECT_EQ(query_(kFlagged), query_(kRule)) << "one statement";
    EXPECT_EQ(query_(kWhich), (Rows{{"copy"}}));
    EXPECT_EQ(query_(kStaleCopies), (Rows{{"0"}}));
    exec("DELETE FROM report WHERE unit = '东木镇' AND year = 2020");
    EXPECT_EQ(query_(kFlagged), query_(kRule)) << "both deleted in one statement";
    EXPECT_EQ(query_("SELECT count(*) FROM report WHERE counted = 1"), (Rows{{"4"}}));
  }

  // Writes by SQL (any writer: a new placement, a renamed path, a deleted row).
  void Writes(const std::function<void(const std::string&)>& exec) {
    const char* copy_row = "source_path LIKE '%000_again.txt'";
    exec(std::string("UPDATE report SET division_code = '999999' WHERE ") + copy_row);
    EXPECT_EQ(query_(kFlagged), query_(kRule)) << "copy placed elsewhere";
    EXPECT_EQ(query_(kStaleCopies), (Rows{{"0"}}));
    EXPECT_EQ(query_(kWhich), (Rows{{"copy"}, {"seed"}}));
    exec(std::string("UPDATE report SET division_code = (SELECT division_code FROM report WHERE "
                     "source_path LIKE '%0f2f3fa0c9be7e04.txt') WHERE ") + copy_row);
    EXPECT_EQ(query_(kFlagged), query_(kRule)) << "copy placed back";
    EXPECT_EQ(query_(kWhich), (Rows{{"copy"}}));
    exec(std::string("UPDATE report SET year = 2021 WHERE ") + copy_row);
    EXPECT_EQ(query_(kFlagged), query_(kRule)) << "copy moved to 2021";
    EXPECT_EQ(query_(kStaleCopies), (Rows{{"0"}}));
    EXPECT_EQ(query_(kWhich), (Rows{{"seed"}}));
    exec(std::string("UPDATE report SET year = 2020, mtime_ns = 0 WHERE ") + copy_row);
    EXPECT_EQ(query_(kFlagged), query_(kRule)) << "copy back, older";
    EXPECT_EQ(query_(kWhich), (Rows{{"seed"}}));
    exec("DELETE FROM report WHERE source_path LIKE '%0f2f3fa0c9be7e04.txt'");
    EXPECT_EQ(query_(kFlagged), query_(kRule)) << "seed deleted";
    EXPECT_EQ(query_(kStaleCopies), (Rows{{"0"}}));
    EXPECT_EQ(query_(kWhich), (Rows{{"copy"}}));
  }

 private:
  testing::TempDir tmp_;
  std::string warehouse_;
  std::function<Rows(const std::string&)> query_;
  std::string input_;
  RunOptions options_;
};

// A writer of SQL for CountedFlag's Writes and OneStatement on the SQLite file (testing::Query
// opens it read-only).
std::function<void(const std::string&)> SqliteWrite(const std::string& db) {
  return [db](const std::string& sql) {
    sqlite3* w = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &w), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(w, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    sqlite3_close(w);
  };
}

TEST(ReportCounted, TheFlagIsTheDuplicateRuleAfterEveryPathOnSqlite) {
  testing::TempDir tmp;
  const std::string db = tmp / "warehouse.db";
  CountedFlag t(db, [&](const std::string& sql) { return testing::Query(db, sql); });
  t.Scenario();
  t.Writes(SqliteWrite(db));
}

TEST(PostgresReportCounted, TheFlagIsTheDuplicateRuleAfterEveryPath) {
  testing::pg::TestDatabase db;
  const std::string conn = db.conninfo();
  CountedFlag t(conn, [&](const std::string& sql) { return testing::pg::PgQuery(conn, sql); });
  t.Scenario();
  t.Writes([&](const std::string& sql) { testing::pg::PgQuery(conn, sql); });
}

TEST(ReportCounted, TwoFilesOfAUnitYearInOneBatchOrOneStatementOnSqlite) {
  testing::TempDir tmp;
  const std::string db = tmp / "warehouse.db";
  CountedFlag t(db, [&](const std::string& sql) { return testing::Query(db, sql); });
  t.OneBatch();
  t.OneStatement(SqliteWrite(db));
}

TEST(PostgresReportCounted, TwoFilesOfAUnitYearInOneBatchOrOneStatement) {
  testing::pg::TestDatabase db;
  const std::string conn = db.conninfo();
  CountedFlag t(conn, [&](const std::string& sql) { return testing::pg::PgQuery(conn, sql); });
  t.OneBatch();
  t.OneStatement([&](const std::string& sql) { testing::pg::PgQuery(conn, sql); });
}

}  // namespace
}  // namespace gongkai
