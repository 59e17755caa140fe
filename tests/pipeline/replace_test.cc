// Re-placement by the stored fingerprint (issue 10): after units.yaml changes, a run without
// --force re-places the reports already loaded from their unchanged files (identify only, no
// re-extraction): the warehouse then equals a fresh load with the new units.yaml, and no cell
// row is rewritten.
#include <gtest/gtest.h>

#include <filesystem>

#include "config/config.h"
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

// The gazetteer is parsed only when something needs it (core/gazetteer.h LazyGazetteer): not by
// an unchanged re-run, which reads only its sources' fingerprint; a units.yaml that no longer
// parses is still a configuration error before any report is touched.
TEST_F(Replacement, AnUnchangedReRunParsesNoGazetteerAndAChangedFileDoes) {
  const std::string db = tmp_ / "w.db";
  RunInto(db);
  const Rows dump = Query(db, "SELECT source_path, unit, division_code FROM report ORDER BY 1");
  {
    ExtractContext ctx = MakeContext(options_);
    auto loader = OpenSqliteLoader(db);
    loader->Prepare(ctx.templates, ctx.gazetteer);
    RunSummary s = gongkai::Run(options_, ctx, *loader);
    EXPECT_EQ(s.skipped, 2);
    EXPECT_EQ(s.replaced, 0);
    EXPECT_FALSE(ctx.gazetteer.loaded());
  }
  const std::string good = testing::ReadFileOrDie(tmp_ / "units.yaml");
  std::string bad = good;
  bad.replace(bad.find("aliases:\n"), 9, "aliases:\n  某区: \"999999\"\n");
  testing::WriteFile(tmp_ / "units.yaml", bad);
  {
    ExtractContext ctx = MakeContext(options_);  // not parsed yet: no error
    auto loader = OpenSqliteLoader(db);
    try {
      loader->Prepare(ctx.templates, ctx.gazetteer);  // the dimensions' sources changed
      ADD_FAILURE() << "no error for an alias naming no division";
    } catch (const ConfigError& e) {
      EXPECT_EQ(std::string(e.what()),
                tmp_ / "units.yaml" + ": alias 某区: no division with code 999999");
    }
  }
  EXPECT_EQ(Query(db, "SELECT source_path, unit, division_code FROM report ORDER BY 1"), dump);
  testing::WriteFile(tmp_ / "units.yaml", good);
  testing::WriteFile(input_ + "/001.txt",
                     testing::ReadFileOrDie(testing::FixturePath("seeds/001_0b0ebb0c0800d905.txt")) +
                         "\n");
  ExtractContext ctx = MakeContext(options_);
  auto loader = OpenSqliteLoader(db);
  loader->Prepare(ctx.templates, ctx.gazetteer);
  EXPECT_FALSE(ctx.gazetteer.loaded());  // the dimensions' sources are those recorded
  RunSummary s = gongkai::Run(options_, ctx, *loader);
  EXPECT_EQ(s.loaded, 1);
  EXPECT_EQ(s.skipped, 1);
  EXPECT_TRUE(ctx.gazetteer.loaded());
}

}  // namespace
}  // namespace gongkai
