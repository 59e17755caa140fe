// Re-placement by the stored fingerprint on PostgreSQL (issue 10): an alias added to units.yaml
// places the loaded report on the next run without --force and without re-extraction; the
// report, finding and fact rows then equal a fresh load's, and the cells are untouched.
#include <gtest/gtest.h>

#include <filesystem>

#include "loaders/postgres_loader.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Rows;
using testing::pg::PgQuery;
using testing::pg::TestDatabase;

TEST(PostgresReplacement, AnAliasAddedToUnitsYamlPlacesTheLoadedReportWithoutForce) {
  testing::TempDir tmp;
  const std::string input = tmp / "reports";
  fs::create_directories(input);
  fs::copy_file(testing::FixturePath("real/pingtan_2023.tsv.txt"), input + "/pingtan.txt");
  fs::copy_file(testing::FixturePath("seeds/001_0b0ebb0c0800d905.txt"), input + "/001.txt");
  const std::string units = testing::ReadFileOrDie(testing::SourceDir() + "/config/units.yaml");
  const std::string alias = "  平潭综合实验区: \"350128\"\n";
  std::string without = units;
  without.replace(without.find(alias), alias.size(), "");
  testing::WriteFile(tmp / "units.yaml", without);
  RunOptions options;
  options.discover.input_dirs = {input};
  options.identify.gazetteer = tmp / "units.yaml";
  options.identify.divisions = testing::SourceDir() + "/data/divisions";
  options.extract.template_dir = testing::SourceDir() + "/config/templates";
  options.workers = 2;
  auto run = [&](const std::string& conninfo) {
    ExtractContext ctx = MakeContext(options);
    auto loader = OpenPostgresLoader(conninfo);
    loader->Prepare(ctx.templates, ctx.gazetteer);
    return gongkai::Run(options, ctx, *loader);
  };
  TestDatabase db, fresh;
  run(db.conninfo());
  const std::string place =
      "SELECT division_code, province_code, placed_by FROM report WHERE source_path LIKE "
      "'%pingtan.txt'";
  ASSERT_EQ(PgQuery(db.conninfo(), place), (Rows{{"NULL", "NULL", "unplaced"}}));
  const std::string cells = "SELECT * FROM cell ORDER BY report_id, table_code, row_code, col_code";
  const Rows before = PgQuery(db.conninfo(), cells);

  testing::WriteFile(tmp / "units.yaml", units);
  RunSummary s = run(db.conninfo());
  EXPECT_EQ(s.loaded, 0);
  EXPECT_EQ(s.replaced, 2);
  EXPECT_EQ(s.ExitCode(), kExitOk);
  EXPECT_EQ(PgQuery(db.conninfo(), place), (Rows{{"350128", "35", "alias"}}));
  EXPECT_EQ(PgQuery(db.conninfo(), cells), before);
  run(fresh.conninfo());
  for (const char* sql :
       {"SELECT * FROM report ORDER BY report_id", "SELECT * FROM finding ORDER BY 1, 2",
        "SELECT * FROM report_fact ORDER BY report_id",
        "SELECT * FROM report_applicant_fact ORDER BY 1, 2"})
    EXPECT_EQ(PgQuery(db.conninfo(), sql), PgQuery(fresh.conninfo(), sql)) << sql;
}

}  // namespace
}  // namespace gongkai
