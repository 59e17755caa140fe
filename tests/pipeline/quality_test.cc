// The quality page's data and HTML: the same figures from SQLite and PostgreSQL, text that
// cannot end the embedded script, a page with ECharts embedded (also from an installed binary),
// and exit codes. The drawn charts are checked in chromium by tests/browser.
#include "pipeline/quality.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "pipeline/quality_page.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/cli.h"
#include "tests/support/fixtures.h"
#include "tests/support/people_warehouse.h"
#include "tests/support/run_command.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

const QualityChart& Chart(const QualityData& d, const std::string& id) {
  for (const auto& c : d.charts)
    if (c.id == id) return c;
  throw std::runtime_error("no chart " + id);
}

std::optional<double> At(const QualityChart& c, const std::string& category,
                         const std::string& series) {
  auto k = std::find(c.keys.begin(), c.keys.end(), category);
  if (k == c.keys.end()) throw std::runtime_error(c.id + ": no category " + category);
  for (const auto& s : c.series)
    if (s.key == series) return s.data[k - c.keys.begin()];
  throw std::runtime_error(c.id + ": no series " + series);
}

// The data without what differs between two warehouses of the same reports.
nlohmann::json Comparable(const QualityData& d) {
  auto j = nlohmann::json::parse(QualityJson(d));
  j.erase("warehouse");
  j.erase("generated_at");
  for (auto& c : j["charts"])
    if (c["id"] == "runs") c["extra"] = nullptr;  // start times
  return j;
}

class Quality : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_LE(testing::LoadSeedsAndReal(dir_.path(), db_), 1); }
  QualityData Read() {
    auto db = OpenWarehouseReader(LoadOptions{db_});
    return ReadQuality(*db, {testing::ProjectTemplate(2019), testing::ProjectTemplate(2021)});
  }
  testing::TempDir dir_;
  std::string db_ = dir_ / "w.db";
};

TEST_F(Quality, ChartsHoldTheWarehouseFigures) {
  QualityData d = Read();
  ASSERT_EQ(d.charts.size(), 6u);
  EXPECT_TRUE(d.review_state);  // mart_findings.review_state (migration 010)
  const auto& coverage = Chart(d, "coverage");
  EXPECT_EQ(At(coverage, "绥滨县", "2020"), 2);  // 绥滨镇 and 连生乡
  EXPECT_EQ(At(coverage, "绥滨县", "2021"), 0);
  EXPECT_EQ(At(coverage, "", "2024"), 1);  // 淮安市人民政府: above the county level
  const auto& findings = Chart(d, "findings");
  EXPECT_EQ(At(findings, "narrative_mismatch", "open"), 1);  // 东木镇
  EXPECT_EQ(At(findings, "narrative_mismatch", "dismissed"), 0);
  EXPECT_EQ(At(findings, "duplicate_report", "open"), 3);  // real reports in two layouts each
  const auto& apps = Chart(d, "applications");
  EXPECT_EQ(At(apps, "平潭县", "new_total"), 81);
  EXPECT_EQ(Chart(d, "runs").keys, (std::vector<std::string>{"1"}));
  EXPECT_EQ(At(Chart(d, "runs"), "1", "loaded"), 11);
  const auto& top = Chart(d, "top_units");
  ASSERT_FALSE(top.keys.empty());
  EXPECT_EQ(top.categories[0], "卫辉市·后河镇 2021");  // 4 extra_column findings
  EXPECT_EQ(At(top, top.keys[0], "open"), 4);
}

// The insert any SQL client may make (finding_review, migration 010): 东木镇's
// narrative_mismatch dismissed.
const char* kDismiss =
    "INSERT INTO finding_review (division_code, unit, year, kind, table_code, row_code, col_code, "
    "source_text, state, reason, reviewer, reviewed_at) "
    "SELECT COALESCE(division_code, ''), unit, year, kind, COALESCE(table_code, ''), "
    "COALESCE(row_code, ''), COALESCE(col_code, ''), COALESCE(raw, ''), 'dismissed', "
    "'prose counts differently', 'test', '2026-12-01T00:00:00Z' "
    "FROM mart_findings WHERE kind = 'narrative_mismatch'";

TEST_F(Quality, FindingsAreCountedByTheirReviewState) {
  {
    auto db = OpenWarehouseReader(LoadOptions{db_});
    ASSERT_EQ(db->Execute(kDismiss), 1);
  }
  QualityData d = Read();
  const auto& findings = Chart(d, "findings");
  EXPECT_EQ(At(findings, "narrative_mismatch", "open"), 0);
  EXPECT_EQ(At(findings, "narrative_mismatch", "dismissed"), 1);
  EXPECT_EQ(At(findings, "duplicate_report", "open"), 3);
  const auto& top = Chart(d, "top_units");
  EXPECT_EQ(At(top, "紫阳县\x1f" "东木镇\x1f" "2020", "dismissed"), 1);
  EXPECT_EQ(At(top, "紫阳县\x1f" "东木镇\x1f" "2020", "open"), 0);
}

TEST_F(Quality, PageEmbedsEchartsAndDataThatCannotEndTheScript) {
  QualityData d = Read();
  d.charts[0].categories[0] = "</script><script>alert(1)</script>&";
  std::string page = RenderQualityPage(d, "/* lib */ var s = '</script>';");
  EXPECT_EQ(page.find("alert(1)</script>"), std::string::npos);
  EXPECT_NE(page.find("var s = '<\\/script>';"), std::string::npos);
  EXPECT_NE(page.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;"),
            std::string::npos);  // in the table
  auto start = page.find("id=\"gongkai-data\">") + std::string("id=\"gongkai-data\">").size();
  auto end = page.find("</script>", start);
  auto j = nlohmann::json::parse(page.substr(start, end - start));
  EXPECT_EQ(j["charts"][0]["categories"][0], "</script><script>alert(1)</script>&");
  EXPECT_EQ(ScriptSafeJson("\"<a>&\""), "\"\\u003ca\\u003e\\u0026\"");
}

TEST_F(Quality, ReportCommandWritesOnePageWithEchartsEmbedded) {
  std::string html = dir_ / "q.html";
  ASSERT_EQ(testing::RunGongkaiStdout({"-q", "report", "-o", html, "-w", db_}).exit_code, 0);
  std::string page = testing::ReadFileOrDie(html);
  std::string lib = testing::ReadFileOrDie(testing::SourceDir() + "/" + kEchartsPath);
  EXPECT_NE(page.find(lib.substr(0, 2000)), std::string::npos);
  EXPECT_EQ(page.find("<script src"), std::string::npos);
  EXPECT_NE(page.find("id=\"table-coverage\""), std::string::npos);
  EXPECT_EQ(testing::RunGongkaiStdout({"report", "-o", html, "-w", dir_ / "absent.db"}).exit_code,
            4);
  EXPECT_EQ(testing::RunGongkaiStdout({"report", "-w", db_}).exit_code, 2);  // no -o
}

TEST_F(Quality, AnInstalledBinaryFindsEcharts) {
  std::string cmd = "cmake --install " + testing::ShellQuote(GONGKAI_BUILD_DIR) + " --prefix " +
                    testing::ShellQuote(dir_ / "prefix") + " >/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  EXPECT_TRUE(fs::exists(dir_ / "prefix/share/gongkai/data/echarts/echarts.min.js"));
  EXPECT_TRUE(fs::exists(dir_ / "prefix/share/gongkai/data/echarts/LICENSE"));
  fs::create_directories(dir_ / "cwd");
  std::string run = "cd " + testing::ShellQuote(dir_ / "cwd") + " && env -u GONGKAI_DATA_DIR " +
                    testing::ShellQuote(dir_ / "prefix/bin/gongkai") + " -q report -o q.html -w " +
                    testing::ShellQuote(db_) + " >/dev/null 2>&1";
  ASSERT_EQ(WEXITSTATUS(std::system(run.c_str())), 0);
  EXPECT_NE(testing::ReadFileOrDie(dir_ / "cwd/q.html").find("echarts"), std::string::npos);
}

TEST(PostgresQuality, SameFiguresAsSqlite) {
  testing::pg::TestDatabase pg;
  testing::TempDir dir;
  ASSERT_LE(testing::LoadSeedsAndReal(dir.path(), pg.conninfo()), 1);
  ASSERT_LE(testing::LoadSeedsAndReal(dir.path() + "/s", dir / "w.db"), 1);
  std::vector<Template> templates = {testing::ProjectTemplate(2019),
                                     testing::ProjectTemplate(2021)};
  auto a = OpenWarehouseReader(LoadOptions{pg.conninfo()});
  auto b = OpenWarehouseReader(LoadOptions{dir / "w.db"});
  QualityData from_pg = ReadQuality(*a, templates);
  EXPECT_EQ(from_pg.warehouse.find("password"), std::string::npos);
  EXPECT_EQ(Comparable(from_pg), Comparable(ReadQuality(*b, templates)));
}

}  // namespace
}  // namespace gongkai
