// Views that stay (issue 12 item 1) and read access for BI (item 2), against the real PostgreSQL
// test server and the gongkai binary: an analyst's view on a mart, a GRANT to a reader role and
// an open reading transaction survive runs with new files, unchanged and --force; a view whose
// columns must change stops the run with exit 2 naming what depends on it, until
// `gongkai init --migrate`; a refused run (the lock) writes nothing.
#include "loaders/postgres_prepare.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <pqxx/pqxx>

#include "loaders/postgres_loader.h"
#include "loaders/sql_files.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/cli.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Rows;
using testing::RunGongkai;
using testing::pg::PgQuery;
using testing::pg::TestDatabase;
using testing::pg::TestServer;

void CopyDir(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(from))
    fs::copy_file(e.path(), to + "/" + e.path().filename().string());
}

// A LOGIN role of the cluster for one test (roles are cluster-wide), dropped at the end.
class TestRole {
 public:
  TestRole() : name_("gk_reader_" + std::to_string(getpid())) { Admin("CREATE ROLE " + name_); }
  ~TestRole() {
    try {
      Admin("DROP ROLE IF EXISTS " + name_);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "could not drop role %s: %s\n", name_.c_str(), e.what());
    }
  }
  const std::string& name() const { return name_; }

 private:
  static void Admin(const std::string& sql) {
    pqxx::connection c(TestServer().admin_conninfo);
    pqxx::nontransaction tx(c);
    tx.exec(sql);
  }
  std::string name_;
};

class PostgresViewsThatStay : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    CopyDir(testing::FixturePath("seeds"), input_ + "/seeds");
  }
  testing::CliResult Run(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", "-q", "-w", db_.conninfo(), "-i", input_};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunGongkai(args);
  }
  Rows Pg(const std::string& sql) { return PgQuery(db_.conninfo(), sql); }
  std::string Oid(const std::string& relation) {
    return Pg("SELECT '" + relation + "'::regclass::oid")[0][0];
  }

  testing::TempDir tmp_;
  TestRole role_;  // declared before db_: dropped after the database that holds its grants
  TestDatabase db_;
  std::string input_;
};

TEST_F(PostgresViewsThatStay, AUserViewAGrantAndAnOpenReaderSurviveThreeRuns) {
  auto first = Run();
  // The seeds: all placed; one finding, 东木镇's prose (10 applications) against its table (0).
  ASSERT_EQ(first.exit_code, kExitFindings) << first.output;
  auto grant = RunGongkai({"init", "-q", "-w", db_.conninfo(), "--grant-read", role_.name()});
  ASSERT_EQ(grant.exit_code, kExitOk) << grant.output;
  {
    pqxx::connection c(db_.conninfo());
    pqxx::work tx(c);
    tx.exec("CREATE VIEW analyst_counties AS SELECT DISTINCT county FROM mart_applications");
    tx.exec("GRANT SELECT ON analyst_counties TO " + role_.name());
    tx.commit();
  }
  const std::string mart_oid = Oid("mart_applications");
  const Rows counties = Pg("SELECT county FROM analyst_counties ORDER BY 1");
  ASSERT_FALSE(counties.empty());

  // A dashboard in the middle of a query: its transaction holds a lock on the marts.
  pqxx::connection reader(db_.conninfo());
  pqxx::transaction<pqxx::isolation_level::repeatable_read> reading(reader);
  const auto before = reading.exec("SELECT count(*) FROM mart_applications")[0][0].as<long>();

  CopyDir(testing::FixturePath("real"), input_ + "/real");  // 1: new files
  auto with_new = Run();
  EXPECT_EQ(with_new.exit_code, kExitOk) << with_new.output;  // real reports: placed, clean
  auto unchanged = Run();  // 2: nothing changed (no report read: no findings)
  EXPECT_EQ(unchanged.exit_code, kExitOk) << unchanged.output;
  auto forced = Run({"--force"});  // 3: everything re-extracted, the seed's finding again
  EXPECT_EQ(forced.exit_code, kExitFindings) << forced.output;

  // The reader's snapshot is intact and it goes on reading.
  EXPECT_EQ(reading.exec("SELECT count(*) FROM mart_applications")[0][0].as<long>(), before);
  reading.commit();
  EXPECT_EQ(Pg("SELECT count(*) FROM report"), (Rows{{"11"}}));
  EXPECT_EQ(Oid("mart_applications"), mart_oid) << "the view was dropped and created again";
  EXPECT_EQ(Pg("SELECT count(*) > 0 FROM analyst_counties"), (Rows{{"t"}}));
  for (const char* object : {"mart_applications", "mart_findings", "stg_cell", "dim_row",
                             "gazetteer", "analyst_counties"})
    EXPECT_EQ(Pg("SELECT has_table_privilege('" + role_.name() + "', '" + object +
                 "', 'SELECT')"),
              (Rows{{"t"}}))
        << object;
  // Not the base tables: a reader sees what the marts show.
  EXPECT_EQ(Pg("SELECT has_table_privilege('" + role_.name() + "', 'report', 'INSERT')"),
            (Rows{{"f"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM grant_read"), (Rows{{"1"}}));
}

TEST_F(PostgresViewsThatStay, AChangedViewIsReplacedInPlaceWhenItsColumnsAllow) {
  ASSERT_EQ(Run().exit_code, kExitFindings);
  Pg("CREATE VIEW analyst_years AS SELECT DISTINCT year FROM mart_applications");
  // The warehouse records an older definition of mart_applications: the next run migrates it.
  Pg("UPDATE warehouse_object SET definition = 'older' WHERE name = 'mart_applications'");
  const std::string oid = Oid("mart_applications");
  auto again = Run();
  EXPECT_EQ(again.exit_code, kExitOk) << again.output;
  EXPECT_EQ(Oid("mart_applications"), oid);
  std::string want;
  for (const auto& v : Views())
    if (v.name == "mart_applications") want = DefinitionHash(v.file->text);
  EXPECT_EQ(Pg("SELECT definition FROM warehouse_object WHERE name = 'mart_applications'"),
            (Rows{{want}}));
  EXPECT_EQ(Pg("SELECT count(*) > 0 FROM analyst_years"), (Rows{{"t"}}));
}

TEST_F(PostgresViewsThatStay, AViewThatMustBeDroppedStopsTheRunWithExitTwoNamingItsDependents) {
  ASSERT_EQ(Run().exit_code, kExitFindings);
  // An older gongkai's mart_applications, with other columns, and an analyst's view on it.
  Pg("DROP VIEW mart_applications CASCADE");
  Pg("CREATE VIEW mart_applications AS SELECT 1 AS old_column");
  Pg("CREATE VIEW analyst_old AS SELECT old_column FROM mart_applications");
  Pg("UPDATE warehouse_object SET definition = 'older' WHERE name = 'mart_applications'");
  Pg("UPDATE report SET title = 'unchanged' WHERE report_id = 1");

  auto refused = Run({"--force"});
  EXPECT_EQ(refused.exit_code, kExitUsage) << refused.output;
  EXPECT_NE(refused.output.find("analyst_old"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("mart_applications"), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("gongkai init --migrate"), std::string::npos) << refused.output;
  EXPECT_EQ(Pg("SELECT old_column FROM analyst_old"), (Rows{{"1"}}));
  EXPECT_EQ(Pg("SELECT title FROM report WHERE report_id = 1"), (Rows{{"unchanged"}}))
      << "a refused run loaded reports";
  EXPECT_EQ(Pg("SELECT count(*) FROM run"), (Rows{{"1"}}));

  auto migrated = RunGongkai({"init", "-q", "-w", db_.conninfo(), "--migrate"});
  EXPECT_EQ(migrated.exit_code, kExitOk) << migrated.output;
  EXPECT_NE(migrated.output.find("gongkai: dropped analyst_old, which depended on a view"),
            std::string::npos)
      << migrated.output;
  EXPECT_EQ(Pg("SELECT to_regclass('analyst_old') IS NULL"), (Rows{{"t"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM information_schema.columns WHERE table_name = "
               "'mart_applications' AND column_name = 'old_column'"),
            (Rows{{"0"}}));
  EXPECT_EQ(Run().exit_code, kExitOk);
}

// Issue 11 item 10: a run refused by the lock has written nothing (here the aliases and the
// views would change: another configuration's units, an older view definition recorded).
TEST_F(PostgresViewsThatStay, ARunRefusedByTheLockWritesNothing) {
  ASSERT_EQ(Run().exit_code, kExitFindings);
  const Rows objects = Pg("SELECT name, definition FROM warehouse_object ORDER BY 1");
  const Rows full_aliases = Pg("SELECT name, division_code FROM unit_alias ORDER BY 1, 2");
  ASSERT_EQ(full_aliases.size(), 1u);
  // As if the warehouse had been prepared by an older gongkai with other aliases.
  Pg("UPDATE warehouse_object SET definition = 'older'");
  Pg("DELETE FROM unit_alias");
  const Rows objects_older = Pg("SELECT name, definition FROM warehouse_object ORDER BY 1");
  const Rows aliases = Pg("SELECT name, division_code FROM unit_alias ORDER BY 1, 2");
  const std::string oid = Oid("mart_applications");

  DiscoverOptions input;
  input.input_dirs = {input_};
  auto holder = OpenPostgresLoader(db_.conninfo());
  ASSERT_TRUE(holder->TryLockRun(ShardKey(input)));
  auto refused = Run();
  EXPECT_EQ(refused.exit_code, kExitLocked) << refused.output;
  EXPECT_EQ(Pg("SELECT name, definition FROM warehouse_object ORDER BY 1"), objects_older);
  EXPECT_EQ(Pg("SELECT name, division_code FROM unit_alias ORDER BY 1, 2"), aliases);
  EXPECT_EQ(Oid("mart_applications"), oid);
  EXPECT_EQ(Pg("SELECT count(*) FROM run"), (Rows{{"1"}}));
  holder.reset();
  EXPECT_EQ(Run().exit_code, kExitOk);
  EXPECT_EQ(Pg("SELECT name, division_code FROM unit_alias ORDER BY 1, 2"), full_aliases);
  EXPECT_EQ(Pg("SELECT name, definition FROM warehouse_object ORDER BY 1"), objects);
}

TEST_F(PostgresViewsThatStay, GrantReadNeedsAnExistingRoleAndPostgres) {
  auto missing = RunGongkai({"init", "-q", "-w", db_.conninfo(), "--grant-read", "no_such_role"});
  EXPECT_EQ(missing.exit_code, kExitUsage) << missing.output;
  EXPECT_NE(missing.output.find("no_such_role does not exist"), std::string::npos)
      << missing.output;
  auto lite = RunGongkai({"init", "-q", "-w", tmp_ / "w.db", "--grant-read", role_.name()});
  EXPECT_EQ(lite.exit_code, kExitUsage) << lite.output;
  EXPECT_NE(lite.output.find("--grant-read needs a PostgreSQL warehouse"), std::string::npos)
      << lite.output;
}

}  // namespace
}  // namespace gongkai
