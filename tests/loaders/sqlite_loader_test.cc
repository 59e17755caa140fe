// The SQLite warehouse end to end: the seeds through Run() into a real SQLite file, then the
// views and the table contents as oversight staff would query them.
#include "loaders/sqlite_loader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/runner.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::DumpSqlite;
using testing::Query;
using testing::Rows;

class SqliteWarehouse : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    options_ = testing::SeedRunOptions(input_, tmp_ / "warehouse.db");
  }

  RunSummary RunOnce(bool force = false) {
    options_.force = force;
    return testing::RunWarehouse(options_);
  }

  Rows Q(const std::string& sql) { return Query(options_.load.warehouse, sql); }

  testing::TempDir tmp_;
  std::string input_;
  RunOptions options_;
};

TEST_F(SqliteWarehouse, SeedsLoadWithTheAcceptanceFigures) {
  RunSummary s = RunOnce();
  EXPECT_EQ(s.files_seen, 5);
  EXPECT_EQ(s.loaded, 5);
  EXPECT_EQ(s.failed, 0);
  EXPECT_EQ(s.cells, 4 * 198 + 200);
  EXPECT_EQ(Q("SELECT value, measure, raw FROM stg_cell WHERE unit='东木镇' AND year=2020 AND "
              "row_code='a9_procurement' ORDER BY col_code"),
            (Rows{{"18.26", "万元", "18.26万元"}, {"95.0", "件", "95"}}));
  EXPECT_EQ(Q("SELECT value FROM stg_cell WHERE unit='后河镇' AND year=2021 AND "
              "row_code='a6_penalty' AND col_code='decisions'"),
            (Rows{{"3.0"}}));
  EXPECT_EQ(Q("SELECT unit, county, county_source, cell_count FROM report ORDER BY unit"),
            (Rows{{"东木镇", "紫阳县", "title", "198"},
                  {"后河镇", "卫辉市", "text", "200"},
                  {"红河镇", "昌乐县", "title", "198"},
                  {"绥滨镇", "绥滨县", "title", "198"},
                  {"连生乡", "绥滨县", "title", "198"}}));
  EXPECT_EQ(Q("SELECT unit, division_code, county_code, prefecture_code, province_code, "
              "unit_kind, placed_by FROM stg_report ORDER BY division_code"),
            (Rows{{"绥滨镇", "230422100", "230422", "2304", "23", "government", "title"},
                  {"连生乡", "230422200", "230422", "2304", "23", "government", "title"},
                  {"红河镇", "370725110", "370725", "3707", "37", "government", "title"},
                  {"后河镇", "410781103", "410781", "4107", "41", "government", "text"},
                  {"东木镇", "610924116", "610924", "6109", "61", "government", "title"}}));
  EXPECT_EQ(Q("SELECT county, year, reports FROM stg_county_year ORDER BY county, year"),
            (Rows{{"卫辉市", "2021", "1"}, {"昌乐县", "2020", "1"}, {"紫阳县", "2020", "1"},
                  {"绥滨县", "2020", "2"}}));
  EXPECT_EQ(Q("SELECT county, year, reports, reports_with_item, procurement_items, amount_wan "
              "FROM mart_procurement ORDER BY county, year"),
            (Rows{{"卫辉市", "2021", "1", "0", "NULL", "NULL"},
                  {"昌乐县", "2020", "1", "1", "0", "0.0"},
                  {"紫阳县", "2020", "1", "1", "95", "18.26"},
                  {"绥滨县", "2020", "2", "2", "0", "0.0"}}));
  EXPECT_EQ(Q("SELECT county, reports, new_total, outcome_total FROM mart_applications "
              "WHERE county='绥滨县'"),
            (Rows{{"绥滨县", "2", "0", "0"}}));
  EXPECT_EQ(Q("SELECT kind, unit FROM mart_findings WHERE severity <> 'info' ORDER BY kind"),
            (Rows{{"narrative_mismatch", "东木镇"}}));
  EXPECT_EQ(Q("SELECT county, year, reports, units_known, units_missing "
              "FROM mart_county_coverage ORDER BY county, year"),
            (Rows{{"卫辉市", "2021", "1", "1", "0"},
                  {"昌乐县", "2020", "1", "1", "0"},
                  {"紫阳县", "2020", "1", "1", "0"},
                  {"绥滨县", "2020", "2", "2", "0"}}));
  // Every unit reported in one of the two years only.
  EXPECT_EQ(Q("SELECT year, unit, division_code, division_name FROM mart_missing_reports "
              "ORDER BY year, division_code"),
            (Rows{{"2020", "后河镇", "410781103", "后河镇"},
                  {"2021", "绥滨镇", "230422100", "绥滨镇"},
                  {"2021", "连生乡", "230422200", "连生乡"},
                  {"2021", "红河镇", "370725110", "红河镇"},
                  {"2021", "东木镇", "610924116", "东木镇"}}));
  // The division rollups: 绥滨县's two townships, 紫阳县's procurement in 安康市 and 陕西省.
  EXPECT_EQ(Q("SELECT county_code, county_name, prefecture_name, province_name, year, reports, "
              "units, procurement_items, procurement_amount_wan FROM mart_county_year "
              "ORDER BY county_code"),
            (Rows{{"230422", "绥滨县", "鹤岗市", "黑龙江省", "2020", "2", "2", "0", "0.0"},
                  {"370725", "昌乐县", "潍坊市", "山东省", "2020", "1", "1", "0", "0.0"},
                  {"410781", "卫辉市", "新乡市", "河南省", "2021", "1", "1", "NULL", "NULL"},
                  {"610924", "紫阳县", "安康市", "陕西省", "2020", "1", "1", "95", "18.26"}}));
  EXPECT_EQ(Q("SELECT prefecture_code, prefecture_name, province_name, reports, "
              "procurement_amount_wan FROM mart_prefecture_year WHERE prefecture_code='6109'"),
            (Rows{{"6109", "安康市", "陕西省", "1", "18.26"}}));
  EXPECT_EQ(Q("SELECT province_code, province_name, year, reports FROM mart_province_year "
              "ORDER BY province_code"),
            (Rows{{"23", "黑龙江省", "2020", "2"}, {"37", "山东省", "2020", "1"},
                  {"41", "河南省", "2021", "1"}, {"61", "陕西省", "2020", "1"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM mart_unplaced_reports"), (Rows{{"0"}}));
  EXPECT_EQ(Q("SELECT level, count(*) FROM division GROUP BY level ORDER BY level"),
            (Rows{{"county", "2978"}, {"prefecture", "342"}, {"province", "31"},
                  {"township", "41352"}}));
  EXPECT_EQ(Q("SELECT applicant, reports, new_applications FROM mart_applications_by_applicant "
              "WHERE county='绥滨县' AND applicant IN ('natural', 'total') ORDER BY applicant"),
            (Rows{{"natural", "2", "0"}, {"total", "2", "0"}}));
  // 2019 edition: 23 row totals + 7 balances + 7 results totals (per column) + 3 表四 totals.
  EXPECT_EQ(Q("SELECT count(*), sum(status='pass') FROM stg_rule_result WHERE unit='绥滨镇'"),
            (Rows{{"40", "40"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM dim_row WHERE edition=2019 AND table_code='t3'"), (Rows{{"23"}}));
  EXPECT_EQ(Q("SELECT label_zh FROM dim_col WHERE edition=2021 AND col_code='social'"), (Rows{{"社会组织"}}));
}

TEST_F(SqliteWarehouse, LoadingTheSameFolderTwiceLeavesIdenticalContents) {
  RunOnce();
  std::string first = DumpSqlite(options_.load.warehouse);
  RunSummary again = RunOnce(/*force=*/true);
  EXPECT_EQ(again.loaded, 5);
  EXPECT_EQ(again.skipped, 0);
  EXPECT_EQ(DumpSqlite(options_.load.warehouse), first);
  EXPECT_EQ(Q("SELECT count(*) FROM cell"), (Rows{{"992"}}));
}

TEST_F(SqliteWarehouse, AChangedReportReplacesItsRowsAndKeepsItsId) {
  RunOnce();
  auto id = Q("SELECT report_id FROM report WHERE unit='东木镇'");
  std::string path = input_ + "/000_0f2f3fa0c9be7e04.txt";
  std::string text = testing::ReadFileOrDie(path);
  auto at = text.find("\t95\n");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 4, "\t96\n");
  testing::WriteFile(path, text);
  RunOnce(/*force=*/true);
  EXPECT_EQ(Q("SELECT report_id FROM report WHERE unit='东木镇'"), id);
  EXPECT_EQ(Q("SELECT value FROM stg_cell WHERE unit='东木镇' AND col_code='items'"), (Rows{{"96.0"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM cell"), (Rows{{"992"}}));
}

TEST_F(SqliteWarehouse, BadFilesAreRecordedAndTheRestLoads) {
  testing::WriteFile(input_ + "/empty.txt", "");
  testing::WriteFile(input_ + "/binary.txt", std::string("PK\x03\x04\0\0\x14", 7));
  testing::WriteFile(input_ + "/notice.txt", "关于做好春节期间安全生产工作的通知\n各村：\n");
  RunSummary s = RunOnce();
  EXPECT_EQ(s.loaded, 5);
  EXPECT_EQ(s.failed, 3);
  EXPECT_EQ(s.ExitCode(), kExitFilesFailed);
  auto failed = Q("SELECT source_path, error_kind FROM report WHERE status='failed' ORDER BY 1");
  ASSERT_EQ(failed.size(), 3u);
  EXPECT_EQ(fs::path(failed[0][0]).filename(), "binary.txt");
  EXPECT_EQ(failed[0][1], "binary");
  EXPECT_EQ(failed[1][1], "empty");
  EXPECT_EQ(failed[2][1], "not_a_report");
  EXPECT_EQ(Q("SELECT count(*) FROM mart_findings WHERE severity='error'"), (Rows{{"3"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM stg_report"), (Rows{{"5"}}));
}

TEST_F(SqliteWarehouse, ABrokenTotalIsExactlyOneFindingPerRuleAndTheCellsStillLoad) {
  std::string path = input_ + "/002_7da94f88d5ce056c.txt";  // 红河镇: one cell per line
  std::string text = testing::ReadFileOrDie(path);
  // 四 table, one value per line from line 405: the 5th (line 409) is the 复议 总计; make it 1
  // while its four parts stay 0.
  std::size_t at = 0;
  for (int line = 1; line < 409; ++line) at = text.find('\n', at) + 1;
  ASSERT_EQ(text.substr(at, 5), "\t\xC2\xA0" "0\n");
  text.replace(at, 5, "\t1\n");
  testing::WriteFile(path, text);
  RunSummary s = RunOnce();
  EXPECT_EQ(s.loaded, 5);
  EXPECT_EQ(Q("SELECT kind, table_code, message FROM mart_findings WHERE unit='红河镇'"),
            (Rows{{"rule_failed", "t4",
                   "t4.review_total: 1 != 0 (行政复议总计 = 四项结果之和)"}}));
  EXPECT_EQ(Q("SELECT value FROM stg_cell WHERE unit='红河镇' AND col_code='rev_total'"), (Rows{{"1.0"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM cell c JOIN report r USING (report_id) WHERE r.unit='红河镇'"),
            (Rows{{"198"}}));
  EXPECT_EQ(Q("SELECT status, lhs, rhs, diff FROM stg_rule_result WHERE unit='红河镇' AND "
              "rule_key='t4.review_total'"),
            (Rows{{"fail", "1", "0", "1"}}));
  EXPECT_EQ(s.ExitCode(), kExitFindings);
}

TEST_F(SqliteWarehouse, AUnitThatReportedInAnotherYearIsListedAsMissing) {
  // 绥滨镇 reports for 2020 and 2021, 连生乡 (same county) for 2020 only.
  std::string text = testing::ReadFileOrDie(input_ + "/001_0b0ebb0c0800d905.txt");
  auto at = text.find("2020 年政府信息公开");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 4, "2021");
  testing::WriteFile(input_ + "/suibin_2021.txt", text);
  RunOnce();
  EXPECT_EQ(Q("SELECT county, year, unit, county_code FROM mart_missing_reports "
              "WHERE county='绥滨县'"),
            (Rows{{"绥滨县", "2021", "连生乡", "230422"}}));
  EXPECT_EQ(Q("SELECT year, reports, units_known, units_missing FROM mart_county_coverage "
              "WHERE county='绥滨县' ORDER BY year"),
            (Rows{{"2020", "2", "2", "0"}, {"2021", "1", "2", "1"}}));
}

TEST_F(SqliteWarehouse, NarrativeNumbersNeverBecomeCells) {
  RunOnce();
  for (const char* raw : {"163", "0536", "6661106", "12345", "2020", "2021", "10", "4", "1"})
    EXPECT_EQ(Q(std::string("SELECT count(*) FROM cell WHERE raw='") + raw + "'"), (Rows{{"0"}})) << raw;
}

}  // namespace
}  // namespace gongkai
