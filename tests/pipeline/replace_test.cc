// Re-placement by the stored fingerprint (issue 10): after units.yaml changes, a run without
// --force re-places the reports already loaded from their unchanged files (identify only, no
// re-extraction): the warehouse then equals a fresh load with the new units.yaml, and no cell
// row is rewritten.
#include <gtest/gtest.h>

#include <filesystem>

#include "loaders/sqlite_loader.h"
#include "pipeline/runner.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Query;
using testing::Rows;

class Replacement : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    fs::create_directories(input_);
    fs::copy_file(testing::FixturePath("real/pingtan_2023.tsv.txt"), input_ + "/pingtan.txt");
    fs::copy_file(testing::FixturePath("seeds/001_0b0ebb0c0800d905.txt"), input_ + "/001.txt");
    units_ = testing::ReadFileOrDie(testing::SourceDir() + "/config/units.yaml");
    std::string without = units_;
    without.replace(without.find("  平潭综合实验区: \"350128\"\n"),
                    std::string("  平潭综合实验区: \"350128\"\n").size(), "");
    ASSERT_NE(without, units_);
    testing::WriteFile(tmp_ / "units.yaml", without);
    options_.discover.input_dirs = {input_};
    options_.identify.gazetteer = tmp_ / "units.yaml";
    options_.identify.divisions = testing::SourceDir() + "/data/divisions";
    options_.extract.template_dir = testing::SourceDir() + "/config/templates";
    options_.workers = 2;
  }
  RunSummary RunInto(const std::string& db) {
    ExtractContext ctx = MakeContext(options_);
    auto loader = OpenSqliteLoader(db);
    loader->Prepare(ctx.templates, ctx.gazetteer);
    return gongkai::Run(options_, ctx, *loader);
  }

  testing::TempDir tmp_;
  std::string input_, units_;
  RunOptions options_;
};

TEST_F(Replacement, AnAliasAddedToUnitsYamlPlacesTheLoadedReportWithoutForce) {
  const std::string db = tmp_ / "w.db";
  RunInto(db);
  const std::string place =
      "SELECT unit, division_code, province_code, unit_kind, placed_by FROM report "
      "WHERE source_path LIKE '%pingtan.txt'";
  ASSERT_EQ(Query(db, place), (Rows{{"平潭综合实验区", "NULL", "NULL", "other", "unplaced"}}));
  ASSERT_EQ(Query(db, "SELECT count(*) FROM finding WHERE kind = 'division_unknown'"),
            (Rows{{"1"}}));
  const std::string cells = "SELECT * FROM cell ORDER BY report_id, table_code, row_code, col_code";
  const Rows before = Query(db, cells);

  testing::WriteFile(tmp_ / "units.yaml", units_);  // the alias is back
  RunSummary s = RunInto(db);
  EXPECT_EQ(s.loaded, 0);
  EXPECT_EQ(s.skipped, 2);
  EXPECT_EQ(s.replaced, 2);  // units.yaml is in every report's fingerprint
  EXPECT_EQ(s.ExitCode(), kExitOk);
  EXPECT_EQ(Query(db, place), (Rows{{"平潭综合实验区", "350128", "35", "other", "alias"}}));
  EXPECT_EQ(Query(db, "SELECT count(*) FROM finding WHERE kind = 'division_unknown'"),
            (Rows{{"0"}}));
  EXPECT_EQ(Query(db, cells), before);  // no cell rewritten: same rows under the same report_id

  // The same as a fresh load with the new units.yaml, table by table.
  const std::string fresh = tmp_ / "fresh.db";
  RunInto(fresh);
  EXPECT_EQ(testing::DumpSqlite(db), testing::DumpSqlite(fresh));
  EXPECT_EQ(RunInto(db).replaced, 0);  // placed with this fingerprint now
}

}  // namespace
}  // namespace gongkai
