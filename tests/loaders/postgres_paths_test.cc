// File names and keys on PostgreSQL (issue 11 items 9, 11, 12): a name in GBK bytes loads (it
// failed the whole batch, exit 4, naming the wrong file), stored under the same escaped key as
// in SQLite; a second run skips it; --prune removes it; the same folder through a symlink loads
// nothing twice; an older spelling is re-keyed keeping its report_id; an unchanged failed file
// keeps the run at exit 3.
#include <gtest/gtest.h>

#include <filesystem>

#include "loaders/postgres_loader.h"
#include "loaders/sqlite_loader.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Rows;
using testing::pg::PgQuery;
using testing::pg::TestDatabase;

class PostgresPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    testing::CopySeeds(input_);
    fs::rename(input_ + "/000_0f2f3fa0c9be7e04.txt", input_ + "/\xB6\xAB\xC4\xBE.txt");  // 东木
    testing::WriteFile(input_ + "/\xB4\xED.txt", "关于做好春节期间安全生产工作的通知\n各村：\n");
    options_.discover.input_dirs = {input_};
    options_.workers = 2;
    real_ = fs::canonical(input_).string();
  }
  RunSummary RunInto(Loader& loader) {
    const auto& ctx = testing::ProjectContext();
    loader.Prepare(ctx.templates, ctx.gazetteer);
    return gongkai::Run(options_, ctx, loader);
  }
  RunSummary RunPostgres() { return RunInto(*OpenPostgresLoader(db_.conninfo())); }
  RunSummary RunSqlite() { return RunInto(*OpenSqliteLoader(tmp_ / "warehouse.db")); }
  Rows Pg(const std::string& sql) { return PgQuery(db_.conninfo(), sql); }

  testing::TempDir tmp_;
  TestDatabase db_;
  std::string input_, real_;
  RunOptions options_;
};

TEST_F(PostgresPaths, AFileNameInGbkBytesLoadsUnderTheSameKeyAsInSqlite) {
  RunSummary pg = RunPostgres();
  EXPECT_EQ(pg.loaded, 5);
  EXPECT_EQ(pg.failed, 1);
  EXPECT_EQ(pg.ExitCode(), kExitFilesFailed);
  const std::string key = real_ + "/\\xB6\\xAB\xC4\xBE.txt", bad = real_ + "/\\xB4\\xED.txt";
  ASSERT_EQ(pg.failures.size(), 1u);
  EXPECT_EQ(pg.failures[0].source.path, bad);
  const std::string sql =
      "SELECT source_path, status, COALESCE(error_kind, ''), COALESCE(unit, '') FROM report "
      "ORDER BY source_path";
  Rows rows = Pg(sql + " COLLATE \"C\"");
  RunSqlite();
  EXPECT_EQ(rows, testing::Query(tmp_ / "warehouse.db", sql));
  EXPECT_EQ(Pg("SELECT unit FROM report WHERE source_path = '" + key + "'"), (Rows{{"东木镇"}}));
  EXPECT_EQ(Pg("SELECT source_path, error_kind FROM run_file"), (Rows{{bad, "not_a_report"}}));

  RunSummary again = RunPostgres();
  EXPECT_EQ(again.loaded, 0);
  EXPECT_EQ(again.skipped, 6);
  EXPECT_EQ(again.still_failed, 1);
  EXPECT_EQ(again.ExitCode(), kExitFilesFailed);

  fs::remove(input_ + "/\xB6\xAB\xC4\xBE.txt");
  fs::remove(input_ + "/\xB4\xED.txt");
  options_.prune = true;
  RunSummary pruned = RunPostgres();
  EXPECT_EQ(pruned.removed, 2);
  EXPECT_EQ(pruned.ExitCode(), kExitFindings);
  EXPECT_EQ(Pg("SELECT count(*) FROM report"), (Rows{{"4"}}));
}

TEST_F(PostgresPaths, ASymlinkedSpellingLoadsNothingTwiceAndOldSpellingsAreRekeyed) {
  RunPostgres();
  Rows ids = Pg("SELECT report_id FROM report ORDER BY source_path COLLATE \"C\"");
  const std::string link = tmp_ / "link";
  fs::create_directory_symlink(input_, link);
  options_.discover.input_dirs = {link};
  RunSummary via_link = RunPostgres();
  EXPECT_EQ(via_link.loaded, 0);
  EXPECT_EQ(via_link.skipped, 6);
  // As an older version stored them: one report under the link's spelling, and a copy.
  Pg("UPDATE report SET source_path = replace(source_path, '" + real_ + "', '" + link +
     "') WHERE source_path LIKE '%/001_%'");
  Pg("INSERT INTO report (report_id, source_path, content_sha256, size_bytes, mtime_ns, "
     "extractor_version, status, error_kind) SELECT 100, replace(source_path, '" + real_ + "', '" + link + "'), "
     "content_sha256, size_bytes, mtime_ns, extractor_version, 'failed', 'copy' FROM report "
     "WHERE source_path LIKE '%/002_%'");
  options_.prune = true;
  RunSummary s = RunPostgres();
  EXPECT_EQ(s.loaded, 0);
  EXPECT_EQ(s.skipped, 6);
  EXPECT_EQ(s.missing, 0);
  EXPECT_EQ(Pg("SELECT report_id FROM report ORDER BY source_path COLLATE \"C\""), ids);
  EXPECT_EQ(Pg("SELECT count(*) FROM report WHERE source_path LIKE '" + real_ + "/%'"),
            (Rows{{"6"}}));
}

}  // namespace
}  // namespace gongkai
