// Modules (config/module.h): where they are looked for, what a missing one says, and that the
// build's own modules load; the binary without its modules fails a PDF file and a PostgreSQL
// warehouse with a message naming the module, never guessing.
#include "config/module.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "config/data_path.h"
#include "loaders/postgres_module.h"
#include "readers/pdf_module.h"
#include "tests/support/fixtures.h"
#include "tests/support/run_command.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

TEST(ModuleSearchPaths, BesideTheBinaryThenInstalledLibThenTheBuildTreeAbove) {
  const std::string exe = ExecutableDir();
  ASSERT_FALSE(exe.empty());
  EXPECT_EQ(ModuleSearchPaths("libgongkai_x.so"),
            (std::vector<std::string>{exe + "/libgongkai_x.so",
                                      exe + "/../lib/gongkai/libgongkai_x.so",
                                      exe + "/../libgongkai_x.so"}));
}

TEST(LoadModuleTable, AMissingModuleIsNamedWithThePlacesTried) {
  std::string error;
  EXPECT_EQ(LoadModuleTable("libgongkai_nosuch.so", "gongkai_nosuch_module", GONGKAI_TEST_VERSION,
                            &error),
            nullptr);
  const std::string exe = ExecutableDir();
  EXPECT_EQ(error, "module libgongkai_nosuch.so not found (tried " + exe +
                       "/libgongkai_nosuch.so, " + exe + "/../lib/gongkai/libgongkai_nosuch.so, " +
                       exe + "/../libgongkai_nosuch.so); build it with the project (cmake "
                       "--build) or install it with cmake --install");
}

TEST(LoadModuleTable, TheBuildsModulesLoadWithThisBuildsAbiAndVersion) {
  std::string error;
  auto* pdf = static_cast<const PdfModule*>(
      LoadModuleTable(kPdfModuleFile, "gongkai_pdf_module", GONGKAI_TEST_VERSION, &error));
  ASSERT_NE(pdf, nullptr) << error;
  EXPECT_EQ(pdf->header.abi, kModuleAbi);
  EXPECT_STREQ(pdf->header.version, GONGKAI_TEST_VERSION);
  // Loaded once: the same table again.
  EXPECT_EQ(LoadModuleTable(kPdfModuleFile, "gongkai_pdf_module", GONGKAI_TEST_VERSION, &error), pdf);
  const PostgresModule& pg = LoadPostgresModule();
  EXPECT_EQ(pg.header.abi, kModuleAbi);
  EXPECT_STREQ(pg.header.version, GONGKAI_TEST_VERSION);
  EXPECT_EQ(pg.classify("dbname=x host=/tmp").kind, WarehouseKind::kPostgres);
}

TEST(LoadModuleTable, AModuleOfAnotherVersionIsRefusedWithBothVersions) {
  std::string error;
  EXPECT_EQ(LoadModuleTable(kPdfModuleFile, "gongkai_pdf_module", "0.0.0-other", &error), nullptr);
  EXPECT_EQ(error, std::string("module ") + kPdfModuleFile + " is from another build (version " +
                       GONGKAI_TEST_VERSION + ", this gongkai 0.0.0-other)");
}

TEST(ClassifyWarehouseTarget, APlainPathIsSqliteAndTheRestAsTheModuleSays) {
  EXPECT_EQ(ClassifyWarehouseTarget("/tmp/w.db").kind, WarehouseKind::kSqlite);
  EXPECT_EQ(ClassifyWarehouseTarget("postgresql://h/db").kind, WarehouseKind::kPostgres);
  EXPECT_EQ(ClassifyWarehouseTarget("postgresq://h/db").kind, WarehouseKind::kInvalid);
  EXPECT_EQ(ClassifyWarehouseTarget("host=h dbname=x").kind, WarehouseKind::kPostgres);
  EXPECT_EQ(ClassifyWarehouseTarget("a=b.db").kind, WarehouseKind::kSqlite);
}

// The binary copied alone into a folder: a PDF file fails as converter_missing (exit 3) and a
// PostgreSQL warehouse ends the run with exit 4, each naming the missing module; no password.
TEST(ModulesMissing, APdfFailsAndAPostgresWarehouseEndsTheRunNamingTheModule) {
  const fs::path dir = fs::temp_directory_path() / "gongkai_module_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "bin");
  fs::create_directories(dir / "in");
  fs::copy_file(GONGKAI_BINARY, dir / "bin" / "gongkai");
  fs::permissions(dir / "bin" / "gongkai", fs::perms::owner_all);
  fs::copy_file(testing::FixturePath("originals/huaian_szf_2024.pdf"), dir / "in" / "r.pdf");
  const std::string bin = (dir / "bin" / "gongkai").string();
  const std::string config = testing::SourceDir() + "/config/gongkai.yaml";

  testing::CommandResult pdf = testing::RunCommand(
      {bin, "-c", config, "run", "-q", "-i", (dir / "in").string(), "-w",
       (dir / "w.db").string()});
  EXPECT_EQ(pdf.exit_code, 3);
  EXPECT_NE(pdf.out.find("r.pdf: converter_missing: the PDF reader is missing: module "
                         "libgongkai_pdf.so not found (tried " + (dir / "bin").string() +
                         "/libgongkai_pdf.so, "),
            std::string::npos)
      << pdf.out;

  testing::CommandResult pg = testing::RunCommand(
      {"/bin/sh", "-c",
       bin + " -c " + config + " run -q -i " + (dir / "in").string() +
           " -w postgresql://u:s3cr3t@127.0.0.1:1/x 2>&1"});
  EXPECT_EQ(pg.exit_code, 4);
  EXPECT_NE(pg.out.find("warehouse: the PostgreSQL client is missing: module "
                        "libgongkai_postgres.so not found (tried "),
            std::string::npos)
      << pg.out;
  EXPECT_EQ(pg.out.find("s3cr3t"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
