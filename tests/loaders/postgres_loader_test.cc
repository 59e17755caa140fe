// The PostgreSQL warehouse against a real server (tests/loaders/postgres_test_server.h): the
// same input through the same Run() path into SQLite and PostgreSQL gives the same rows in every
// view and table; reloading changes nothing; a load that fails or is killed mid-report leaves
// no partial report; schema migration, the Prepare and run locks, NULLs and awkward text.
#include "loaders/postgres_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "loaders/sql_files.h"
#include "loaders/sqlite_loader.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Rows;
using testing::pg::DumpPostgres;
using testing::pg::OrderByAll;
using testing::pg::PgColumns;
using testing::pg::PgQuery;
using testing::pg::RowText;
using testing::pg::SameValue;
using testing::pg::TestDatabase;

void CopyDir(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(from))
    fs::copy_file(e.path(), to + "/" + e.path().filename().string());
}

// Dialect-neutral queries over the tables, with the source path in place of report_id (ids are
// the loader's business); the ORDER BY over all columns is appended.
const std::vector<std::pair<std::string, std::string>>& TableQueries() {
  static const std::vector<std::pair<std::string, std::string>> q = {
      {"report",
       "SELECT source_path, content_sha256, size_bytes, mtime_ns, extractor_version, status, "
       "error_kind, error_message, title, unit, year, county, county_source, edition, "
       "cell_count, finding_count, encoding, division_code, county_code, prefecture_code, "
       "province_code, unit_kind, placed_by, place_candidates, placement_fingerprint "
       "FROM report"},
      {"cell",
       "SELECT r.source_path, c.table_code, c.row_code, c.col_code, c.state, c.value, c.measure, "
       "c.raw, c.source_line FROM cell c JOIN report r ON r.report_id = c.report_id"},
      {"finding",
       "SELECT r.source_path, f.seq, f.kind, f.severity, f.table_code, f.row_code, f.col_code, "
       "f.source_line, f.raw, f.message FROM finding f JOIN report r ON r.report_id = "
       "f.report_id"},
      {"rule_result",
       "SELECT r.source_path, x.rule_key, x.subject, x.lhs_terms, x.rhs_terms, x.lhs, x.rhs, "
       "x.diff, x.status, x.source_line FROM rule_result x JOIN report r ON r.report_id = "
       "x.report_id"},
      {"report_fact",
       "SELECT r.source_path, f.edition, f.received, f.new_total, f.carried_total, "
       "f.outcome_open, f.outcome_partial, f.outcome_denied, f.outcome_cannot_provide, "
       "f.outcome_not_processed, f.outcome_other, f.outcome_total, f.carry_next, "
       "f.total_source, f.t3_blank_cells, f.t3_rows_from_parts, f.procurement_cells, "
       "f.procurement_items, f.procurement_amount_wan, f.review_total, f.litigation_total, "
       "f.after_review_total, f.t4_totals_from_parts, f.normative_in_force, f.rules_failed, "
       "f.rules_not_assessable FROM report_fact f JOIN report r ON r.report_id = f.report_id"},
      {"report_applicant_fact",
       "SELECT r.source_path, a.applicant, a.new_applications, a.carried_over, a.processed, "
       "a.carry_next, a.blank_cells, a.carried_line, a.carry_next_line "
       "FROM report_applicant_fact a JOIN report r ON r.report_id = a.report_id"},
      {"dim_table", "SELECT table_code, label_zh FROM dim_table"},
      {"dim_row", "SELECT edition, table_code, row_code, label_zh, group_zh, sort_order FROM dim_row"},
      {"dim_col", "SELECT edition, table_code, col_code, label_zh, measure, sort_order FROM dim_col"},
      {"gazetteer", "SELECT county, unit FROM gazetteer"},
      {"division", "SELECT code, name, level, parent_code, pseudo FROM division"},
      {"division_source", "SELECT version, digest FROM division_source"},
      {"unit_alias", "SELECT name, division_code FROM unit_alias"},
      {"schema_version", "SELECT version FROM schema_version"},
  };
  return q;
}

std::size_t ColumnCount(const std::string& select) {
  // The select lists above have no nested commas.
  auto from = select.find(" FROM ");
  return static_cast<std::size_t>(std::count(select.begin(), select.begin() + from, ',')) + 1;
}

// Same rows, same order; numbers compared with a tolerance. Reports the first differences.
void ExpectSameRows(const std::string& what, const Rows& sqlite, const Rows& pg) {
  EXPECT_EQ(sqlite.size(), pg.size()) << what << ": row count";
  int shown = 0;
  for (std::size_t i = 0; i < std::min(sqlite.size(), pg.size()) && shown < 5; ++i) {
    bool same = sqlite[i].size() == pg[i].size();
    for (std::size_t j = 0; same && j < sqlite[i].size(); ++j)
      same = SameValue(sqlite[i][j], pg[i][j]);
    if (!same) {
      ++shown;
      ADD_FAILURE() << what << " row " << i << "\n  SQLite:     " << RowText(sqlite[i])
                    << "\n  PostgreSQL: " << RowText(pg[i]);
    }
  }
}

class PostgresWarehouse : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    CopyDir(testing::FixturePath("seeds"), input_ + "/seeds");
    CopyDir(testing::FixturePath("real"), input_ + "/real");
    options_.discover.input_dirs = {input_};
    options_.workers = 2;
  }

  RunSummary RunInto(Loader& loader) {
    const auto& ctx = testing::ProjectContext();
    loader.Prepare(ctx.templates, ctx.gazetteer);
    return gongkai::Run(options_, ctx, loader);
  }
  RunSummary RunPostgres() { return RunInto(*OpenPostgresLoader(db_.conninfo())); }
  RunSummary RunSqlite() { return RunInto(*OpenSqliteLoader(tmp_ / "warehouse.db")); }

  Rows Pg(const std::string& sql) { return PgQuery(db_.conninfo(), sql); }
  Rows Lite(const std::string& sql) { return testing::Query(tmp_ / "warehouse.db", sql); }

  testing::TempDir tmp_;
  TestDatabase db_;
  std::string input_;
  RunOptions options_;
};

TEST_F(PostgresWarehouse, EveryViewAndTableMatchesSqlite) {
  // Two copies of one report under names whose order differs between byte order and a
  // linguistic collation ("B" < "a" in bytes, "a" < "B" in zh-Hans) and with equal times:
  // stg_report keeps the smallest path, mart_findings lists the other as a duplicate. Two more
  // copies, one modified later: the later one counts whatever its name.
  std::string seed = testing::ReadFileOrDie(input_ + "/seeds/001_0b0ebb0c0800d905.txt");
  testing::WriteFile(input_ + "/dup/B.txt", seed);
  testing::WriteFile(input_ + "/dup/a.txt", seed);
  fs::last_write_time(input_ + "/dup/a.txt", fs::last_write_time(input_ + "/dup/B.txt"));
  std::string lian = testing::ReadFileOrDie(input_ + "/seeds/003_6b1b5a067a577432.txt");
  testing::WriteFile(input_ + "/dup2/a_older.txt", lian);
  testing::WriteFile(input_ + "/dup2/b_newer.txt", lian);
  fs::last_write_time(input_ + "/dup2/b_newer.txt",
                      fs::last_write_time(input_ + "/dup2/a_older.txt") + std::chrono::seconds(60));
  // 红河镇 with no telling context: not placed (mart_unplaced_reports has a row).
  std::string honghe = testing::ReadFileOrDie(input_ + "/seeds/002_7da94f88d5ce056c.txt");
  for (const char* word : {"昌乐县", "昌乐", "潍坊", "山东省", "山东"})
    for (std::size_t at; (at = honghe.find(word)) != std::string::npos;)
      honghe.erase(at, std::string(word).size());
  testing::WriteFile(input_ + "/unplaced/honghe.txt", honghe);
  fs::remove(input_ + "/seeds/003_6b1b5a067a577432.txt");
  // Failures, so that the failed-report rows are compared too.
  testing::WriteFile(input_ + "/bad/empty.txt", "");
  testing::WriteFile(input_ + "/bad/notice.txt", "关于做好春节期间安全生产工作的通知\n各村：\n");
  // 平潭's 2023 report again as 2024, so that mart_cross_year_rules has a unit's two years.
  std::string pingtan = testing::ReadFileOrDie(input_ + "/real/pingtan_2023.tsv.txt");
  pingtan.replace(pingtan.find("2023"), 4, "2024");
  testing::WriteFile(input_ + "/later/pingtan_2024.tsv.txt", pingtan);

  RunSummary lite = RunSqlite();
  RunSummary pg = RunPostgres();
  EXPECT_EQ(lite.loaded, 16);
  EXPECT_EQ(lite.failed, 2);
  EXPECT_EQ(pg.loaded, lite.loaded);
  EXPECT_EQ(pg.failed, lite.failed);
  EXPECT_EQ(pg.cells, lite.cells);
  EXPECT_EQ(pg.findings, lite.findings);

  auto views = Views();
  ASSERT_GE(views.size(), 10u);
  for (const auto& v : views) {
    auto columns = PgColumns(db_.conninfo(), v.name);
    Rows lite_columns = Lite("SELECT name FROM pragma_table_info('" + v.name + "')");
    ASSERT_EQ(lite_columns.size(), columns.size()) << v.name;
    for (std::size_t i = 0; i < columns.size(); ++i) EXPECT_EQ(lite_columns[i][0], columns[i]) << v.name;
    std::string sql = "SELECT * FROM " + v.name + OrderByAll(columns.size());
    Rows l = Lite(sql);
    Rows p = Pg(sql);
    EXPECT_FALSE(l.empty()) << v.name << " is empty: the comparison proves little";
    ExpectSameRows(v.name, l, p);
  }
  for (const auto& [table, select] : TableQueries()) {
    std::string sql = select + OrderByAll(ColumnCount(select));
    ExpectSameRows(table, Lite(sql), Pg(sql));
  }
  // The duplicate kept is the byte-order smallest path, as in SQLite; of two copies with
  // different times, the later-modified.
  EXPECT_EQ(Pg("SELECT count(*) FROM stg_report WHERE source_path LIKE '%/dup/B.txt'"), (Rows{{"1"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM stg_report WHERE unit = '连生乡'"), (Rows{{"1"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM stg_report WHERE source_path LIKE '%/dup2/b_newer.txt'"),
            (Rows{{"1"}}));
  EXPECT_EQ(Pg("SELECT raw FROM mart_findings WHERE kind = 'duplicate_report' "
                "AND source_path LIKE '%/dup2/a_older.txt'"),
            (Rows{{input_ + "/dup2/b_newer.txt"}}));
  EXPECT_EQ(Pg("SELECT unit, reason, candidates FROM mart_unplaced_reports"),
            (Rows{{"红河镇", "division_ambiguous",
                   "370725110 山东省潍坊市昌乐县红河镇; 621226107 甘肃省陇南市礼县红河镇; "
                   "640425103 宁夏回族自治区固原市彭阳县红河镇"}}));
  // The rollups by level: the placed real reports too (上海's office only in its province).
  EXPECT_EQ(Pg("SELECT province_code, year, reports FROM mart_province_year "
               "WHERE province_code IN ('31', '32', '35') ORDER BY province_code"),
            (Rows{{"31", "2019", "1"}, {"32", "2024", "1"}, {"35", "2023", "1"}, {"35", "2024", "1"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM mart_county_year WHERE province_code IN ('31', '32')"),
            (Rows{{"0"}}));
  EXPECT_EQ(Pg("SELECT prefecture_code, prefecture_name, reports FROM mart_prefecture_year "
               "WHERE province_code = '32'"),
            (Rows{{"3208", "淮安市", "1"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM cell"), (Rows{{std::to_string(lite.cells)}}));
}

TEST_F(PostgresWarehouse, ReloadingLeavesIdenticalContents) {
  RunSummary first = RunPostgres();
  EXPECT_EQ(first.loaded, 11);
  std::string dump = DumpPostgres(db_.conninfo());
  EXPECT_NE(dump.find("== cell\n"), std::string::npos);

  RunSummary unchanged = RunPostgres();  // nothing changed: every file skipped
  EXPECT_EQ(unchanged.loaded, 0);
  EXPECT_EQ(DumpPostgres(db_.conninfo()), dump);

  options_.force = true;  // every file extracted and loaded again, ids kept
  RunSummary forced = RunPostgres();
  EXPECT_EQ(forced.loaded, 11);
  EXPECT_EQ(DumpPostgres(db_.conninfo()), dump);
  EXPECT_EQ(Pg("SELECT count(*), count(DISTINCT status) FROM run"), (Rows{{"3", "1"}}));
}

TEST_F(PostgresWarehouse, AChangedReportReplacesItsRowsAndKeepsItsId) {
  RunPostgres();
  auto id = Pg("SELECT report_id FROM report WHERE unit='东木镇'");
  std::string path = input_ + "/seeds/000_0f2f3fa0c9be7e04.txt";
  std::string text = testing::ReadFileOrDie(path);
  auto at = text.find("\t95\n");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 4, "\t96\n");
  testing::WriteFile(path, text);
  options_.force = true;
  RunPostgres();
  EXPECT_EQ(Pg("SELECT report_id FROM report WHERE unit='东木镇'"), id);
  EXPECT_EQ(Pg("SELECT value FROM stg_cell WHERE unit='东木镇' AND col_code='items'"), (Rows{{"96"}}));
}

TEST_F(PostgresWarehouse, PruneRemovesADisappearedReportWithItsRows) {
  RunPostgres();
  fs::remove(input_ + "/seeds/000_0f2f3fa0c9be7e04.txt");
  options_.prune = true;
  RunSummary s = RunPostgres();
  EXPECT_EQ(s.removed, 1);
  EXPECT_EQ(Pg("SELECT count(*) FROM report WHERE unit='东木镇'"), (Rows{{"0"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM cell c LEFT JOIN report r USING (report_id) "
               "WHERE r.report_id IS NULL"),
            (Rows{{"0"}}));
  EXPECT_EQ(Pg("SELECT outcome FROM run_file"), (Rows{{"removed"}}));
}

// A report whose COPY fails after some rows (a duplicate cell key, caught by the primary key
// when the COPY completes) leaves the previously loaded version untouched, and a new report
// leaves nothing at all.
TEST_F(PostgresWarehouse, AFailedLoadMidReportLeavesNoPartialReport) {
  RunPostgres();
  std::string before = DumpPostgres(db_.conninfo());
  std::string path = input_ + "/seeds/000_0f2f3fa0c9be7e04.txt";
  ProcessResult p = testing::ProcessText(testing::ReadFileOrDie(path), path);
  ASSERT_TRUE(p.ok);
  auto stored = Pg("SELECT mtime_ns FROM report WHERE unit='东木镇'");
  ASSERT_EQ(stored.size(), 1u);
  p.record.source.mtime_ns = std::stoll(stored[0][0]);  // as the run stored it
  ReportRecord broken = p.record;
  ASSERT_GT(broken.cells.size(), 100u);
  broken.cells[0].value = 12345;    // would change the stored value...
  broken.cells.insert(broken.cells.begin() + 100, broken.cells[50]);  // ...but row 101 clashes
  auto loader = OpenPostgresLoader(db_.conninfo());
  try {
    loader->LoadReport(broken);
    loader->Flush();  // loads may be batched until flushed (loader.h)
    FAIL() << "a duplicate cell must fail the load";
  } catch (const LoadError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("000_0f2f3fa0c9be7e04.txt"), std::string::npos) << msg;
    EXPECT_NE(msg.find("duplicate key"), std::string::npos) << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
  }
  EXPECT_EQ(DumpPostgres(db_.conninfo()), before);

  broken.source.path = input_ + "/seeds/new.txt";
  EXPECT_THROW(
      {
        loader->LoadReport(broken);
        loader->Flush();
      },
      LoadError);
  EXPECT_EQ(Pg("SELECT count(*) FROM report WHERE source_path LIKE '%new.txt'"), (Rows{{"0"}}));
  EXPECT_EQ(DumpPostgres(db_.conninfo()), before);

  // The same loader goes on loading after a failed report.
  loader->LoadReport(p.record);
  loader->Flush();
  EXPECT_EQ(DumpPostgres(db_.conninfo()), before);
}

// An empty warehouse, a v1 warehouse (the first PostgreSQL schema) and a current one all end at
// the current version, keeping their rows.
TEST_F(PostgresWarehouse, PrepareMigratesAnOlderWarehouse) {
  auto migrations = Migrations("postgres");
  ASSERT_GE(migrations.size(), 2u);
  {
    pqxx::connection c(db_.conninfo());
    pqxx::work tx(c);
    tx.exec(migrations[0]->text);
    tx.exec("CREATE TABLE schema_version (version INTEGER NOT NULL)");
    tx.exec("INSERT INTO schema_version VALUES (1)");
    tx.exec("INSERT INTO report (source_path, size_bytes, extractor_version, status, error_kind) "
            "VALUES ('old/file.txt', 7, 'v0', 'failed', 'empty')");
    tx.commit();
  }
  auto loader = OpenPostgresLoader(db_.conninfo());
  EXPECT_EQ(loader->SchemaVersion(), 1);
  const auto& ctx = testing::ProjectContext();
  loader->Prepare(ctx.templates, ctx.gazetteer);
  EXPECT_EQ(loader->SchemaVersion(), MigrationVersion(*migrations.back()));
  EXPECT_EQ(loader->SchemaVersion(), MigrationVersion(*Migrations("sqlite").back()));
  EXPECT_EQ(Pg("SELECT source_path, mtime_ns FROM report"), (Rows{{"old/file.txt", "NULL"}}));
  EXPECT_EQ(Pg("SELECT source_path FROM mart_findings"), (Rows{{"old/file.txt"}}));
  loader->Prepare(ctx.templates, ctx.gazetteer);  // again: nothing to migrate
  // One row per migration: the v1 row, then one per migration applied since.
  EXPECT_EQ(Pg("SELECT count(*) FROM schema_version"),
            (Rows{{std::to_string(migrations.size())}}));
}

TEST_F(PostgresWarehouse, ConcurrentPrepareOfAnEmptyDatabaseIsSerialised) {
  const auto& ctx = testing::ProjectContext();
  std::vector<std::string> errors(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      try {
        OpenPostgresLoader(db_.conninfo())->Prepare(ctx.templates, ctx.gazetteer);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& e : errors) EXPECT_EQ(e, "");
  Rows applied;  // each migration once
  for (const SqlFile* m : Migrations("postgres")) applied.push_back({std::to_string(MigrationVersion(*m))});
  EXPECT_EQ(Pg("SELECT version FROM schema_version ORDER BY 1"), applied);
}

TEST_F(PostgresWarehouse, TheRunLockAdmitsOneRunPerShardAndDiesWithItsConnection) {
  const std::string shard = ShardKey(options_.discover);
  auto first = OpenPostgresLoader(db_.conninfo());
  auto second = OpenPostgresLoader(db_.conninfo());
  auto other_shard = OpenPostgresLoader(db_.conninfo());
  EXPECT_TRUE(first->TryLockRun(shard));
  EXPECT_TRUE(first->TryLockRun(shard));
  EXPECT_FALSE(second->TryLockRun(shard));
  EXPECT_TRUE(other_shard->TryLockRun("/another/input/folder\n"));  // a worker on another shard
  EXPECT_THROW(RunInto(*second), RunLocked);
  first.reset();  // the server releases the lock when it has noticed the disconnect
  bool locked = false;
  for (int i = 0; i < 100 && !locked; ++i) {
    locked = second->TryLockRun(shard);
    if (!locked) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(locked);
}

// NULLs where the SQLite loader writes NULL, and text COPY must escape (tab, newline, backslash,
// \N, CJK) arriving unchanged: one hand-made record into both warehouses.
TEST_F(PostgresWarehouse, NullsAndAwkwardTextRoundTripAsInSqlite) {
  ProcessResult p = testing::ProcessText(
      testing::ReadFileOrDie(input_ + "/seeds/004_7e630d27dccc3614.txt"), "odd\tname\\N.txt");
  ASSERT_TRUE(p.ok);
  ReportRecord r = p.record;
  r.identity.county.reset();
  r.identity.county_source = "";
  r.cells[0].raw = "a\tb\nc\\d\\N \r\x01 甲乙";
  r.cells[1].state = CellState::kBlank;
  r.cells[1].value.reset();
  r.cells[1].raw = "";
  r.cells[2].value = 0.1 + 0.2;  // not exactly 0.3: the double must survive as is
  r.cells[3].value = 123456789.000001;
  Finding f;
  f.kind = "odd";
  f.message = "line one\nline two\t\\";
  r.findings.push_back(f);  // no coordinate, no line, no raw: NULLs
  RuleResult x;
  x.key_text = "k";
  x.subject_text = "";
  x.status = RuleStatus::kNotAssessable;
  r.rules.push_back(x);  // lhs/rhs/diff NULL, subject '' (not NULL, as in SQLite)
  FailedFile failed;
  failed.source.path = "failed\\path.txt";
  failed.source.size = 3;
  failed.extractor_version = "v";
  failed.error_kind = "empty";
  failed.message = "the file is empty";

  const auto& ctx = testing::ProjectContext();
  auto pg = OpenPostgresLoader(db_.conninfo());
  auto lite = OpenSqliteLoader(tmp_ / "warehouse.db");
  for (Loader* l : {static_cast<Loader*>(pg.get()), lite.get()}) {
    l->Prepare(ctx.templates, ctx.gazetteer);
    l->LoadReport(r);
    l->LoadFailure(failed);
    l->Flush();  // loads may be batched until flushed (loader.h)
  }
  for (const auto& [table, select] : TableQueries()) {
    std::string sql = select + OrderByAll(ColumnCount(select));
    ExpectSameRows(table, Lite(sql), Pg(sql));
  }
  EXPECT_EQ(Pg("SELECT raw FROM cell WHERE table_code='" + r.cells[0].table() +
               "' AND row_code='" + r.cells[0].row() + "' AND col_code='" + r.cells[0].col() +
               "'"),
            (Rows{{r.cells[0].raw}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM cell WHERE value = 0.30000000000000004::float8"), (Rows{{"1"}}));
  EXPECT_EQ(Pg("SELECT county, county_source FROM report WHERE status='loaded'"),
            (Rows{{"NULL", "NULL"}}));
  EXPECT_EQ(Pg("SELECT table_code, row_code, col_code, source_line, raw FROM finding "
               "WHERE kind='odd'"),
            (Rows{{"NULL", "NULL", "NULL", "NULL", "NULL"}}));
  EXPECT_EQ(Pg("SELECT subject, lhs, rhs, diff FROM rule_result WHERE rule_key='k'"),
            (Rows{{"", "NULL", "NULL", "NULL"}}));
  EXPECT_EQ(Pg("SELECT content_sha256, encoding, cell_count FROM report WHERE status='failed'"),
            (Rows{{"NULL", "NULL", "0"}}));
}

}  // namespace
}  // namespace gongkai
