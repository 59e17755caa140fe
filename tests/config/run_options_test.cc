// The run configuration: every key checked, each mistake named by file, key path and what was
// expected (issue 11 item 17); data files found from any folder (item 18).
#include <gtest/gtest.h>

#include <filesystem>

#include "config/config.h"
#include "config/data_path.h"
#include "pipeline/runner.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

std::string ErrorOf(const std::string& yaml, const std::string& dir) {
  std::string path = dir + "/gongkai.yaml";
  testing::WriteFile(path, yaml);
  try {
    LoadRunOptions(path);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(RunOptions, EveryMistakeNamesTheFileTheKeyPathAndWhatWasExpected) {
  testing::TempDir tmp;
  const std::string f = tmp / "gongkai.yaml";
  EXPECT_EQ(ErrorOf("discover:\n  input_dirs: data/reports\n", tmp.path()),
            f + ": discover.input_dirs: expected a list of strings, e.g. [a, b]");
  EXPECT_EQ(ErrorOf("warehous: x.db\n", tmp.path()),
            f + ": warehous: unknown key (known: discover, decode, identify, extract, load, "
                "quiet, workers, prune)");
  EXPECT_EQ(ErrorOf("load:\n  warehous: x.db\n", tmp.path()),
            f + ": load.warehous: unknown key (known under load.: warehouse, batch_reports, "
                "foreign_key_checks)");
  EXPECT_EQ(ErrorOf("load: x.db\n", tmp.path()),
            f + ": load: expected a section (keys: warehouse, batch_reports, "
                "foreign_key_checks)");
  EXPECT_EQ(ErrorOf("decode:\n  max_bytes: -5\n", tmp.path()),
            f + ": decode.max_bytes: expected a whole number >= 1");
  EXPECT_EQ(ErrorOf("quiet: perhaps\n", tmp.path()), f + ": quiet: expected true or false");
  EXPECT_EQ(ErrorOf("workers: [2]\n", tmp.path()), f + ": workers: expected a whole number >= 0");
  EXPECT_EQ(ErrorOf("load:\n  batch_reports: -20\n", tmp.path()),
            f + ": load.batch_reports: expected a whole number >= 0");
  EXPECT_EQ(ErrorOf("load:\n  foreign_key_checks: never\n", tmp.path()),
            f + ": load.foreign_key_checks: expected auto or always");
  EXPECT_EQ(ErrorOf("- a\n- b\n", tmp.path()),
            f + ": expected a mapping of keys (known: discover, decode, identify, extract, load, "
                "quiet, workers, prune)");
}

TEST(RunOptions, AMissingGazetteerIsAnErrorNamingItsKey) {
  testing::TempDir tmp;
  setenv("GONGKAI_DATA_DIR", testing::SourceDir().c_str(), 1);  // the templates
  testing::WriteFile(tmp / "gongkai.yaml", "identify:\n  gazetteer: nosuch/units.yaml\n");
  RunOptions o = LoadRunOptions(tmp / "gongkai.yaml");
  EXPECT_EQ(o.identify.gazetteer, tmp / "nosuch/units.yaml");
  try {
    MakeContext(o);
    ADD_FAILURE() << "no error for a missing gazetteer";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()),
              "identify.gazetteer: " + tmp / "nosuch/units.yaml" +
                  ": file not found (the alias file, e.g. config/units.yaml; set the key to \"\" "
                  "to run without one)");
  }
  testing::WriteFile(tmp / "gongkai.yaml", "identify:\n  gazetteer: \"\"\n");
  EXPECT_TRUE(MakeContext(LoadRunOptions(tmp / "gongkai.yaml")).gazetteer.Get().aliases.empty());
  unsetenv("GONGKAI_DATA_DIR");
}

TEST(RunOptions, TheProjectConfigReadsAndPathsResolveAgainstTheProjectRoot) {
  RunOptions o = LoadRunOptions(testing::SourceDir() + "/config/gongkai.yaml");
  const std::string root = fs::path(testing::SourceDir()).lexically_normal().string();
  EXPECT_EQ(o.discover.input_dirs, std::vector<std::string>{root + "/data/reports"});
  EXPECT_EQ(o.load.warehouse, root + "/data/warehouse.db");
  EXPECT_EQ(o.extract.template_dir, root + "/config/templates");
  EXPECT_EQ(o.identify.gazetteer, root + "/config/units.yaml");
  EXPECT_EQ(o.load.batch_reports, 0);  // the warehouse's default
}

TEST(RunOptions, TheLoadBatchBoundIsRead) {
  testing::TempDir tmp;
  testing::WriteFile(tmp / "gongkai.yaml", "load:\n  batch_reports: 20\n");
  EXPECT_EQ(LoadRunOptions(tmp / "gongkai.yaml").load.batch_reports, 20);
}

TEST(RunOptions, ForeignKeyChecksAreAutoUnlessSetToAlways) {
  testing::TempDir tmp;
  testing::WriteFile(tmp / "gongkai.yaml", "load:\n  batch_reports: 20\n");
  EXPECT_EQ(LoadRunOptions(tmp / "gongkai.yaml").load.foreign_key_checks,
            LoadOptions::ForeignKeyChecks::kAuto);
  testing::WriteFile(tmp / "gongkai.yaml", "load:\n  foreign_key_checks: always\n");
  EXPECT_EQ(LoadRunOptions(tmp / "gongkai.yaml").load.foreign_key_checks,
            LoadOptions::ForeignKeyChecks::kAlways);
  testing::WriteFile(tmp / "gongkai.yaml", "load:\n  foreign_key_checks: auto\n");
  EXPECT_EQ(LoadRunOptions(tmp / "gongkai.yaml").load.foreign_key_checks,
            LoadOptions::ForeignKeyChecks::kAuto);
}

TEST(RunOptions, DataFilesAreFoundUnderGongkaiDataDirFromAnyFolder) {
  testing::TempDir tmp;
  testing::WriteFile(tmp / "share/config/units.yaml", "counties: {}\n");
  setenv("GONGKAI_DATA_DIR", (tmp / "share").c_str(), 1);
  // A relative name that does not exist under base is looked up in the data folders.
  EXPECT_EQ(FindDataPath("config/units.yaml", tmp / "elsewhere"), tmp / "share/config/units.yaml");
  unsetenv("GONGKAI_DATA_DIR");
  EXPECT_EQ(FindDataPath("/abs/x.yaml", tmp.path()), "/abs/x.yaml");
  EXPECT_EQ(FindDataPath("nosuch/thing", tmp.path()), tmp / "nosuch/thing");
}

}  // namespace
}  // namespace gongkai
