// The gongkai command line as an operator meets it: --version, global options in a
// subcommand's help, running from any folder with built-in defaults, and refusals with exit 2
// (issue 11 items 15, 17-19).
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "pipeline/runner.h"
#include "tests/support/cli.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::CliResult;
using testing::RunCli;

TEST(Cli, VersionPrintsProgramExtractorAndTemplateVersions) {
  CliResult r = RunCli({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const auto& ctx = testing::ProjectContext();
  std::string expected = "gongkai " GONGKAI_TEST_VERSION "\nextractor " + ctx.extractor_version + "\n";
  for (const auto& t : ctx.templates)
    expected += "template edition " + std::to_string(t.edition) + " (years " +
                std::to_string(t.first_year) + "-" + std::to_string(t.last_year) + ") " +
                TemplateVersion(t) + "\n";
  EXPECT_EQ(r.output.substr(0, expected.size()), expected) << r.output;
}

TEST(Cli, RunHelpShowsTheGlobalOptions) {
  CliResult r = RunCli({"run", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  for (const char* opt : {"-c,--config", "-q,--quiet", "-v,--verbose", "--log-file",
                          "-w,--warehouse", "-i,--input", "--prune"})
    EXPECT_NE(r.output.find(opt), std::string::npos) << opt << "\n" << r.output;
}

TEST(Cli, RunsFromAnyFolderWithBuiltInDefaults) {
  testing::TempDir tmp;
  testing::CopySeeds(tmp / "in");
  fs::create_directories(tmp / "cwd");
  CliResult r = RunCli({"run", "-i", tmp / "in", "-w", tmp / "w.db"}, tmp / "cwd");
  // One finding to review: 东木镇's prose says 10 applications, its table 0.
  EXPECT_EQ(r.exit_code, kExitFindings) << r.output;
  EXPECT_NE(r.output.find("5 files, 5 loaded"), std::string::npos) << r.output;
  EXPECT_EQ(testing::Query(tmp / "w.db", "SELECT count(*) FROM report WHERE status='loaded'"),
            (testing::Rows{{"5"}}));
  // The division data and the alias file were found too: 东木镇 is placed in 紫阳县.
  EXPECT_EQ(testing::Query(tmp / "w.db", "SELECT division_code FROM report WHERE unit='东木镇'"),
            (testing::Rows{{"610924116"}}));
  EXPECT_EQ(testing::Query(tmp / "w.db", "SELECT count(*) FROM unit_alias"), (testing::Rows{{"1"}}));
  // And `extract` needs no configuration either.
  r = RunCli({"extract", tmp / "in/000_0f2f3fa0c9be7e04.txt"}, tmp / "cwd");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(fs::is_empty(tmp / "cwd"));
}

// `cmake --install` to a prefix, then the installed binary from an unrelated folder: it finds
// its templates, alias file and division data under PREFIX/share/gongkai.
TEST(Cli, AnInstalledBinaryRunsFromAnyFolder) {
  testing::TempDir tmp;
  std::string cmd = "cmake --install " + testing::ShellQuote(GONGKAI_BUILD_DIR) + " --prefix " +
                    testing::ShellQuote(tmp / "prefix") + " >/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  EXPECT_TRUE(fs::exists(tmp / "prefix/share/gongkai/config/templates/edition_2021.yaml"));
  EXPECT_TRUE(fs::exists(tmp / "prefix/share/gongkai/config/units.yaml"));
  EXPECT_TRUE(fs::exists(tmp / "prefix/share/gongkai/data/divisions/streets.csv"));
  EXPECT_FALSE(fs::exists(tmp / "prefix/share/gongkai/data/reports"));
  testing::CopySeeds(tmp / "in");
  fs::create_directories(tmp / "cwd");
  std::string run = "cd " + testing::ShellQuote(tmp / "cwd") + " && " +
                    testing::ShellQuote(tmp / "prefix/bin/gongkai") + " run -q -i " +
                    testing::ShellQuote(tmp / "in") + " -w " + testing::ShellQuote(tmp / "w.db") +
                    " >/dev/null 2>&1";
  int status = std::system(run.c_str());
  EXPECT_EQ(WEXITSTATUS(status), kExitFindings);
  EXPECT_EQ(testing::Query(tmp / "w.db", "SELECT count(*) FROM report WHERE status='loaded'"),
            (testing::Rows{{"5"}}));
  EXPECT_EQ(testing::Query(tmp / "w.db", "SELECT division_code FROM report WHERE unit='东木镇'"),
            (testing::Rows{{"610924116"}}));
  EXPECT_EQ(testing::Query(tmp / "w.db", "SELECT count(*) FROM unit_alias"), (testing::Rows{{"1"}}));
}

TEST(Cli, AnExplicitConfigThatDoesNotExistOrHasATypoIsExitTwo) {
  testing::TempDir tmp;
  CliResult r = RunCli({"-c", tmp / "nosuch.yaml", "run"}, tmp.path());
  EXPECT_EQ(r.exit_code, kExitUsage) << r.output;
  EXPECT_NE(r.output.find("cannot read configuration file " + tmp / "nosuch.yaml"), std::string::npos)
      << r.output;
  testing::WriteFile(tmp / "g.yaml", "discover:\n  input_dirs: in\n");
  r = RunCli({"run", "-c", tmp / "g.yaml"}, tmp.path());
  EXPECT_EQ(r.exit_code, kExitUsage) << r.output;
  EXPECT_NE(r.output.find(tmp / "g.yaml" + ": discover.input_dirs: expected a list of strings"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(tmp / "data"));
}

TEST(Cli, AWarehouseInAFolderThatDoesNotExistIsRefusedNotCreated) {
  testing::TempDir tmp;
  testing::CopySeeds(tmp / "in");
  CliResult r = RunCli({"run", "-i", tmp / "in", "-w", tmp / "no/such/dir/x.db"}, tmp.path());
  EXPECT_EQ(r.exit_code, kExitUsage) << r.output;
  EXPECT_NE(r.output.find("folder " + tmp / "no/such/dir" + " does not exist"), std::string::npos)
      << r.output;
  EXPECT_FALSE(fs::exists(tmp / "no"));
}

}  // namespace
}  // namespace gongkai
