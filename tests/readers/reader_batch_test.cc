// A nightly run over a folder of published files: HTML, DOCX, PDF (found by name or by their
// first bytes) load; a scan, a truncated DOCX and a damaged PDF are recorded with their
// reasons and the batch goes on; an unchanged re-run reads nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "loaders/sqlite_loader.h"
#include "pipeline/discover.h"
#include "pipeline/runner.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

using testing::Rows;

TEST(ReaderBatch, PublishedFilesLoadAndBadOnesAreRecordedWithTheirReasons) {
  testing::TempDir tmp;
  const std::string in = tmp / "reports";
  std::filesystem::create_directories(in);
  auto copy = [&](const std::string& fixture, const std::string& name, std::size_t cut = 0) {
    std::string bytes = testing::ReadFileOrDie(testing::FixturePath(fixture));
    if (cut) bytes.resize(bytes.size() / cut);
    testing::WriteFile(in + "/" + name, bytes);
  };
  copy("originals/sh_bgt_2019.html", "a_sh.HTML");
  copy("generated/pingtan_2023.docx", "b_pingtan.docx");
  copy("originals/huaian_szf_2024.pdf", "c_huaian.aspx");  // a PDF saved under a web name
  copy("generated/scanned.pdf", "d_scan.pdf");
  copy("generated/pingtan_2023.docx", "e_truncated.docx", 2);
  copy("generated/pingtan_2023.pdf", "f_damaged.pdf", 2);
  testing::WriteFile(in + "/g_notes.md", "# not a report\n");

  RunOptions options;
  options.discover.input_dirs = {in};
  options.load.warehouse = tmp / "w.db";
  options.workers = 2;
  const auto& ctx = testing::ProjectContext();
  auto run = [&] {
    auto loader = OpenSqliteLoader(options.load.warehouse);
    loader->Prepare(ctx.templates, ctx.gazetteer);
    return gongkai::Run(options, ctx, *loader);
  };
  RunSummary s = run();
  EXPECT_EQ(s.files_seen, 6);  // g_notes.md is neither named nor shaped like a report
  EXPECT_EQ(s.loaded, 3);
  EXPECT_EQ(s.failed, 3);
  EXPECT_EQ(s.ExitCode(), kExitFilesFailed);
  EXPECT_EQ(testing::Query(options.load.warehouse,
                           "SELECT substr(source_path, " + std::to_string(in.size() + 2) +
                               "), status, coalesce(error_kind, ''), coalesce(encoding, ''), "
                               "cell_count FROM report ORDER BY source_path"),
            (Rows{{"a_sh.HTML", "loaded", "", "HTML UTF-8", "198"},
                  {"b_pingtan.docx", "loaded", "", "DOCX", "200"},
                  {"c_huaian.aspx", "loaded", "", "PDF", "200"},
                  {"d_scan.pdf", "failed", "no_text_layer", "", "0"},
                  {"e_truncated.docx", "failed", "corrupt_docx", "", "0"},
                  {"f_damaged.pdf", "failed", "corrupt_pdf", "", "0"}}));
  RunSummary again = run();
  EXPECT_EQ(again.skipped, 6);
  EXPECT_EQ(again.loaded + again.failed, 0);
}

}  // namespace
}  // namespace gongkai
