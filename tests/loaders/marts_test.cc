// The fast marts on real reports (SQLite; the PostgreSQL parity test compares every view):
// mart_unit_year, the ratios and total_source pinned by value on the shared real reports, the
// prose-versus-table rule on the seed that says 10 applications in words and 0 in its table,
// and the cross-year rules on one unit's two consecutive years that agree and disagree.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "pipeline/runner.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

using testing::Query;
using testing::Rows;

class Marts : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    options_ = testing::SeedRunOptions(input_, tmp_ / "warehouse.db");
    for (const char* f : {"sh_bgt_2019.tsv.txt", "pingtan_2023.tsv.txt", "huaian_szf_2024.tsv.txt"})
      testing::WriteFile(input_ + "/" + f, testing::ReadFileOrDie(testing::FixturePath("real/") + f));
  }

  RunSummary RunOnce() { return testing::RunWarehouse(options_); }

  // 平潭 2023 again as its 2024 report, with `edits` (from, to) applied to the text.
  void AddPingtan2024(const std::vector<std::pair<std::string, std::string>>& edits) {
    std::string text = testing::ReadFileOrDie(testing::FixturePath("real/pingtan_2023.tsv.txt"));
    auto replace = [&](const std::string& from, const std::string& to) {
      auto at = text.find(from);
      ASSERT_NE(at, std::string::npos) << from;
      text.replace(at, from.size(), to);
    };
    replace("平潭综合实验区2023年度", "平潭综合实验区2024年度");
    for (const auto& [from, to] : edits) replace(from, to);
    testing::WriteFile(input_ + "/pingtan_2024.tsv.txt", text);
  }

  Rows Q(const std::string& sql) { return Query(options_.load.warehouse, sql); }

  testing::TempDir tmp_;
  std::string input_;
  RunOptions options_;
};

TEST_F(Marts, UnitYearPinsTheRealReportsByValue) {
  RunOnce();
  // Figures summed by hand from tests/fixtures/expected/*.csv. 上海 2019 leaves 总计 blank in
  // most result rows: those figures are the sums of the printed parts (total_source).
  EXPECT_EQ(Q("SELECT unit, year, edition, received, new_total, carried_total, outcome_open, "
              "outcome_partial, outcome_denied, outcome_cannot_provide, outcome_not_processed, "
              "outcome_other, outcome_total, carry_next, total_source FROM mart_unit_year "
              "WHERE source_path LIKE '%.tsv.txt' ORDER BY year"),
            (Rows{{"上海市人民政府办公厅", "2019", "2019", "877", "859", "18", "272", "3", "35",
                   "337", "158", "NULL", "805", "72", "sum_of_parts"},
                  {"平潭综合实验区", "2023", "2021", "81", "81", "0", "22", "20", "5", "31", "1",
                   "2", "81", "0", "reported"},
                  {"淮安市人民政府", "2024", "2021", "3153", "3119", "34", "1362", "454", "178",
                   "781", "88", "187", "3050", "103", "reported"}}));
  EXPECT_EQ(Q("SELECT procurement_items, procurement_amount_wan, review_upheld, "
              "review_corrected, review_other, review_pending, review_total, litigation_total, "
              "after_review_total, rules_failed, arithmetic_holds "
              "FROM mart_unit_year WHERE year IN (2019, 2024) ORDER BY year"),
            (Rows{{"6", "25.1", "5", "NULL", "NULL", "2", "7", "9", "NULL", "0", "1"},
                  {"NULL", "NULL", "72", "64", "178", "37", "351", "26", "20", "0", "1"}}));
  // finding_count is the report's own count of findings.
  EXPECT_EQ(Q("SELECT count(*) FROM mart_unit_year u JOIN report r USING (report_id) "
              "WHERE u.finding_count <> r.finding_count"),
            (Rows{{"0"}}));
  // Counts are integers in every mart (80, not 80.0); money keeps its decimals.
  EXPECT_EQ(Q("SELECT typeof(received), typeof(outcome_open), typeof(procurement_amount_wan) "
              "FROM mart_unit_year WHERE year=2019"),
            (Rows{{"integer", "integer", "real"}}));
  EXPECT_EQ(Q("SELECT reports, new_total, outcome_open, outcome_total, reports_sum_of_parts, "
              "typeof(new_total) FROM mart_applications WHERE year=2019"),
            (Rows{{"1", "859", "272", "805", "1", "integer"}}));
  EXPECT_EQ(Q("SELECT review_total, litigation_total, after_review_total FROM "
              "mart_review_litigation WHERE year=2024"),
            (Rows{{"351", "26", "20"}}));
  EXPECT_EQ(Q("SELECT applicant_label, new_applications, carried_over, processed, carry_next "
              "FROM mart_applications_by_applicant WHERE year=2019 AND applicant='natural'"),
            (Rows{{"自然人", "821", "18", "767", "72"}}));
}

TEST_F(Marts, UnitYearCarriesThePlaceWithNamesAndLabels) {
  RunOnce();
  // As ../shared/corpus/expected/places.csv gives them: 上海's office is a department of
  // province 31 (in no county or prefecture), 平潭综合实验区 is placed by its alias on 350128,
  // 淮安市人民政府 governs prefecture 3208, 东木镇 is a township of 紫阳县.
  EXPECT_EQ(Q("SELECT unit, unit_kind, unit_kind_label, placed_by, placed_by_label, "
              "division_code, division_name, county_code, county_name, prefecture_code, "
              "prefecture_name, province_code, province_name FROM mart_unit_year "
              "WHERE source_path LIKE '%.tsv.txt' OR unit='东木镇' ORDER BY year, unit"),
            (Rows{{"上海市人民政府办公厅", "department", "该区划的政府部门或其他机关", "title",
                   "标题中的行政区划名称", "31", "上海市", "NULL", "NULL", "NULL", "NULL", "31",
                   "上海市"},
                  {"东木镇", "government", "该区划的人民政府（含街道办事处）", "title",
                   "标题中的行政区划名称", "610924116", "东木镇", "610924", "紫阳县", "6109",
                   "安康市", "61", "陕西省"},
                  {"平潭综合实验区", "other", "其他（非行政区划的机构，或未能确定）", "alias",
                   "别名（config/units.yaml）", "350128", "平潭县", "350128", "平潭县", "3501",
                   "福州市", "35", "福建省"},
                  {"淮安市人民政府", "government", "该区划的人民政府（含街道办事处）", "title",
                   "标题中的行政区划名称", "3208", "淮安市", "NULL", "NULL", "3208", "淮安市",
                   "32", "江苏省"}}));
}

TEST_F(Marts, MartsShowLabelsBesideCodes) {
  RunOnce();
  EXPECT_EQ(Q("SELECT kind, kind_label, table_code, table_label, row_code, row_label, col_code, "
              "col_label FROM mart_findings WHERE kind='narrative_mismatch'"),
            (Rows{{"narrative_mismatch", "正文所述数字与表格不符", "t3", "收到和处理政府信息公开申请情况",
                   "total", "三（七）总计", "total", "总计"}}));
  EXPECT_EQ(Q("SELECT DISTINCT rule_key, rule_label, status, status_label FROM stg_rule_result "
              "WHERE unit='东木镇' AND rule_key IN ('narrative.applications_processed', "
              "'t4.review_total') ORDER BY rule_key"),
            (Rows{{"narrative.applications_processed",
                   "正文所述办理（答复）申请数 = 表三办理结果总计", "fail", "不成立"},
                  {"t4.review_total", "行政复议总计 = 四项结果之和", "pass", "成立"}}));
}

TEST_F(Marts, RatiosCarryNumeratorDenominatorAndAReasonWhenNull) {
  RunOnce();
  const std::string cols =
      "open_rate_numerator, open_rate_denominator, open_rate, partial_rate, denied_rate, "
      "review_correction_rate_numerator, review_correction_rate_denominator, "
      "review_correction_rate, review_correction_rate_null_reason, "
      "litigation_correction_rate_numerator, litigation_correction_rate_denominator, "
      "litigation_correction_rate, litigation_correction_rate_null_reason, "
      "carry_rate_numerator, carry_rate_denominator, carry_rate, carry_rate_null_reason";
  EXPECT_EQ(Q("SELECT " + cols + " FROM mart_ratios_unit_year WHERE year IN (2019, 2024) "
              "ORDER BY year"),
            (Rows{{"272", "805", "0.337888", "0.003727", "0.043478", "NULL", "7", "NULL",
                   "operand_missing", "NULL", "NULL", "NULL", "operand_missing", "72", "877",
                   "0.082098", "NULL"},
                  {"1362", "3050", "0.446557", "0.148852", "0.058361", "64", "351", "0.182336",
                   "NULL", "5", "46", "0.108696", "NULL", "103", "3153", "0.032667", "NULL"}}));
  // A seed with no applications: 0 ÷ 0 is NULL for a reason, not 0.
  EXPECT_EQ(Q("SELECT open_rate_numerator, open_rate_denominator, open_rate, "
              "open_rate_null_reason FROM mart_ratios_unit_year WHERE unit='绥滨镇'"),
            (Rows{{"0", "0", "NULL", "denominator_zero"}}));
  // Per county: the sums of the reports that print both figures (绥滨县: two seeds, all 0),
  // keyed by county code with the names beside it.
  EXPECT_EQ(Q("SELECT county_name, prefecture_code, prefecture_name, province_code, "
              "province_name, reports, open_rate_reports, open_rate_numerator, "
              "open_rate_denominator, open_rate, open_rate_null_reason FROM mart_ratios_county "
              "WHERE county_code='230422'"),
            (Rows{{"绥滨县", "2304", "鹤岗市", "23", "黑龙江省", "2", "2", "0", "0", "NULL",
                   "denominator_zero"}}));
  EXPECT_EQ(Q("SELECT county_code, county_name, year, reports FROM mart_ratios_county "
              "ORDER BY county_code, year"),
            (Rows{{"230422", "绥滨县", "2020", "2"},
                  {"350128", "平潭县", "2023", "1"},
                  {"370725", "昌乐县", "2020", "1"},
                  {"410781", "卫辉市", "2021", "1"},
                  {"610924", "紫阳县", "2020", "1"}}));
}

TEST_F(Marts, RollupsAndRatiosPerPrefectureAndProvinceReadTheFacts) {
  RunOnce();
  // 上海 2019 (the office of province 31) leaves 总计 blank in most result rows: the province
  // rollup adds the sums of its printed parts (report_fact), as mart_unit_year does.
  EXPECT_EQ(Q("SELECT province_code, province_name, year, reports, units, new_total, "
              "outcome_open, outcome_total, review_total, procurement_items, "
              "procurement_amount_wan, typeof(outcome_total), typeof(procurement_items) "
              "FROM mart_province_year WHERE province_code='31'"),
            (Rows{{"31", "上海市", "2019", "1", "1", "859", "272", "805", "7", "6", "25.1",
                   "integer", "integer"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM mart_prefecture_year WHERE province_code='31'"), (Rows{{"0"}}));
  const std::string cols =
      "reports, open_rate_numerator, open_rate_denominator, open_rate, "
      "review_correction_rate_numerator, review_correction_rate_denominator, "
      "review_correction_rate, review_correction_rate_null_reason, carry_rate_numerator, "
      "carry_rate_denominator, carry_rate";
  // 淮安市人民政府 2024: prefecture 3208 and province 32.
  EXPECT_EQ(Q("SELECT prefecture_code, prefecture_name, province_code, province_name, year, " +
              cols + " FROM mart_ratios_prefecture WHERE prefecture_code='3208'"),
            (Rows{{"3208", "淮安市", "32", "江苏省", "2024", "1", "1362", "3050", "0.446557",
                   "64", "351", "0.182336", "NULL", "103", "3153", "0.032667"}}));
  // 上海 2019 prints no 复议纠错 figure: its 复议总计 7 is left out of the denominator too (a
  // report counts in both sums or in neither), and the ratio is NULL for that reason.
  EXPECT_EQ(Q("SELECT province_code, province_name, year, " + cols +
              " FROM mart_ratios_province WHERE province_code IN ('31', '32') "
              "ORDER BY province_code"),
            (Rows{{"31", "上海市", "2019", "1", "272", "805", "0.337888", "NULL", "NULL", "NULL",
                   "operand_missing", "72", "877", "0.082098"},
                  {"32", "江苏省", "2024", "1", "1362", "3050", "0.446557", "64", "351",
                   "0.182336", "NULL", "103", "3153", "0.032667"}}));
  // 绥滨县's two seeds in 鹤岗市: no applications, 0 ÷ 0.
  EXPECT_EQ(Q("SELECT reports, open_rate_reports, open_rate_numerator, open_rate_denominator, "
              "open_rate, open_rate_null_reason FROM mart_ratios_prefecture "
              "WHERE prefecture_code='2304'"),
            (Rows{{"2", "2", "0", "0", "NULL", "denominator_zero"}}));
}

TEST_F(Marts, TheSeedWhoseProseSays10ApplicationsAndItsTable0Fails) {
  RunOnce();
  // 东木镇 (seed 000), line 5: "2020年共办理…政府信息公开申请10件"; 三（七）总计 is 0.
  EXPECT_EQ(Q("SELECT unit, rule_key, lhs, rhs, status, source_line, rhs_terms FROM "
              "stg_rule_result WHERE rule_key LIKE 'narrative.%' AND status <> 'pass' "
              "ORDER BY unit, rule_key"),
            (Rows{{"东木镇", "narrative.applications_processed", "10", "0", "fail", "5",
                   "t3.total.total"}}));
  EXPECT_EQ(Q("SELECT kind, severity, table_code, row_code, col_code, source_line FROM "
              "mart_findings WHERE kind='narrative_mismatch'"),
            (Rows{{"narrative_mismatch", "warning", "t3", "total", "total", "5"}}));
  // The real reports say in prose what their tables say (上海: 受理 859, 答复 805, 复议 7;
  // 平潭: 接收…共计 81, 复议案件 2, 诉讼案件 7 = 5 + 2; 淮安: 受理 3119, 复议 351 with its 件
  // wrapped onto the next line, 诉讼 46 = 26 + 20).
  EXPECT_EQ(Q("SELECT year, rule_key, lhs, status, source_line FROM stg_rule_result "
              "WHERE rule_key LIKE 'narrative.%' AND source_path LIKE '%.tsv.txt' "
              "ORDER BY year, rule_key"),
            (Rows{{"2019", "narrative.applications_processed", "805", "pass", "27"},
                  {"2019", "narrative.applications_received", "859", "pass", "27"},
                  {"2019", "narrative.review_total", "7", "pass", "27"},
                  {"2023", "narrative.applications_received", "81", "pass", "15"},
                  {"2023", "narrative.litigation_total", "7", "pass", "15"},
                  {"2023", "narrative.review_total", "2", "pass", "15"},
                  {"2024", "narrative.applications_received", "3119", "pass", "28"},
                  {"2024", "narrative.litigation_total", "46", "pass", "32"},
                  {"2024", "narrative.review_total", "351", "pass", "30"}}));
  EXPECT_EQ(Q("SELECT lhs_terms FROM stg_rule_result WHERE unit='东木镇' AND "
              "rule_key='narrative.applications_processed'"),
            (Rows{{"text: 2020年共办理群众、企业向政府提出的政府信息公开申请10件"}}));
  // Narrative rules are not the template's arithmetic.
  EXPECT_EQ(Q("SELECT arithmetic_holds FROM mart_unit_year WHERE unit='东木镇'"), (Rows{{"1"}}));
}

TEST_F(Marts, CrossYearRulesPassWhenTwoConsecutiveYearsAgree) {
  // 2024: 470 + 10 issued - 5 abolished = 475 in force; nothing carried over (2023: 0 carried on).
  AddPingtan2024({{"行政规范性文件\t77\t132\t470", "行政规范性文件\t10\t5\t475"}});
  RunOnce();
  EXPECT_EQ(Q("SELECT rule_key, subject, status, results FROM mart_cross_year_rules "
              "ORDER BY rule_key, subject"),
            (Rows{{"xyear.carried", "commercial", "pass", "1"},
                  {"xyear.carried", "legal", "pass", "1"},
                  {"xyear.carried", "natural", "pass", "1"},
                  {"xyear.carried", "other", "pass", "1"},
                  {"xyear.carried", "research", "pass", "1"},
                  {"xyear.carried", "social", "pass", "1"},
                  {"xyear.carried", "total", "pass", "1"},
                  {"xyear.in_force", "a1_normative", "pass", "1"},
                  {"xyear.in_force", "a1_regulation", "pass", "1"}}));
  EXPECT_EQ(Q("SELECT rule_key, subject, status, count(*) FROM stg_cross_year_result "
              "GROUP BY rule_key, subject, status ORDER BY rule_key, subject"),
            Q("SELECT rule_key, subject, status, results FROM mart_cross_year_rules "
              "ORDER BY rule_key, subject"));
  EXPECT_EQ(Q("SELECT year, edition, subject_label, status_label FROM mart_cross_year_rules "
              "WHERE subject IN ('a1_normative', 'natural') ORDER BY subject"),
            (Rows{{"2024", "2021", "行政规范性文件", "成立"},
                  {"2024", "2021", "自然人", "成立"}}));
  EXPECT_EQ(Q("SELECT year, lhs, rhs, diff FROM stg_cross_year_result WHERE subject='a1_normative'"),
            (Rows{{"2024", "475", "475", "0"}}));
}

TEST_F(Marts, CrossYearRulesFailWithTheCellsAndLinesWhenTheyDisagree) {
  // 2024 says 3 applications were carried over from 2023, which carried 0 on; and 470 + 10 - 5
  // is not the 480 it says are in force.
  AddPingtan2024({{"行政规范性文件\t77\t132\t470", "行政规范性文件\t10\t5\t480"},
                  {"二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0",
                   "二、上年结转政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t0\t3"}});
  RunOnce();
  EXPECT_EQ(Q("SELECT rule_key, subject, lhs_terms, rhs_terms, lhs, rhs, diff, lhs_line, "
              "rhs_line FROM stg_cross_year_result WHERE status='fail' ORDER BY subject"),
            (Rows{{"xyear.in_force", "a1_normative",
                   "prev.t2.a1_normative.in_force + t2.a1_normative.issued - "
                   "t2.a1_normative.abolished",
                   "t2.a1_normative.in_force", "475", "480", "-5", "NULL", "NULL"},
                  {"xyear.carried", "natural", "t3.carried.natural", "prev.t3.carry_next.natural",
                   "3", "0", "3", "52", "75"},
                  {"xyear.carried", "total", "t3.carried.total", "prev.t3.carry_next.total", "3",
                   "0", "3", "52", "75"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM stg_cross_year_result WHERE status='pass'"), (Rows{{"6"}}));
  EXPECT_EQ(Q("SELECT rule_key, subject, results FROM mart_cross_year_rules WHERE status='fail' "
              "ORDER BY rule_key, subject"),
            (Rows{{"xyear.carried", "natural", "1"},
                  {"xyear.carried", "total", "1"},
                  {"xyear.in_force", "a1_normative", "1"}}));
  EXPECT_EQ(Q("SELECT DISTINCT prev_source_path LIKE '%pingtan_2023.tsv.txt' FROM "
              "stg_cross_year_result"),
            (Rows{{"1"}}));
}

TEST_F(Marts, AReloadReplacesTheFactsAndARemovedReportTakesThemAlong) {
  RunOnce();
  EXPECT_EQ(Q("SELECT count(*) FROM report_fact"), (Rows{{"8"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM report_applicant_fact"), (Rows{{"56"}}));
  options_.force = true;
  RunOnce();
  EXPECT_EQ(Q("SELECT count(*) FROM report_fact"), (Rows{{"8"}}));
  std::filesystem::remove(input_ + "/sh_bgt_2019.tsv.txt");
  options_.force = false;
  options_.prune = true;
  RunOnce();
  EXPECT_EQ(Q("SELECT count(*) FROM report_fact"), (Rows{{"7"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM report_applicant_fact"), (Rows{{"49"}}));
  // report_rule_fact likewise: its counts are the remaining reports' rule results.
  EXPECT_EQ(Q("SELECT count(DISTINCT report_id), sum(results) FROM report_rule_fact"),
            Q("SELECT count(DISTINCT report_id), count(*) FROM rule_result"));
}

// mart_rule_results counts the rule results of the counted reports per year, edition, rule and
// status: the same counts as grouping stg_rule_result (every instance), whichever of two files
// of one unit-year counts.
TEST_F(Marts, RuleResultsAreCountedPerYearRuleAndStatus) {
  RunOnce();
  const std::string counts =
      "SELECT year, edition, rule_key, status, reports, results FROM mart_rule_results "
      "ORDER BY year, edition, rule_key, status";
  const std::string from_detail =
      "SELECT year, edition, rule_key, status, count(DISTINCT report_id), count(*) "
      "FROM stg_rule_result GROUP BY year, edition, rule_key, status "
      "ORDER BY year, edition, rule_key, status";
  EXPECT_EQ(Q(counts), Q(from_detail));
  // The real reports' prose checks, and 上海 2019's arithmetic (its 总计 column is blank in
  // most result rows: those row totals cannot be assessed).
  EXPECT_EQ(Q("SELECT year, rule_key, status, reports, results FROM mart_rule_results "
              "WHERE year IN (2023, 2024) ORDER BY year, rule_key, status"),
            (Rows{{"2023", "narrative.applications_received", "pass", "1", "1"},
                  {"2023", "narrative.litigation_total", "pass", "1", "1"},
                  {"2023", "narrative.review_total", "pass", "1", "1"},
                  {"2023", "t3.balance", "pass", "1", "7"},
                  {"2023", "t3.results_total", "pass", "1", "7"},
                  {"2023", "t3.row_total", "pass", "1", "25"},
                  {"2023", "t4.litigation_after_review_total", "pass", "1", "1"},
                  {"2023", "t4.litigation_total", "pass", "1", "1"},
                  {"2023", "t4.review_total", "pass", "1", "1"},
                  {"2024", "narrative.applications_received", "pass", "1", "1"},
                  {"2024", "narrative.litigation_total", "pass", "1", "1"},
                  {"2024", "narrative.review_total", "pass", "1", "1"},
                  {"2024", "t3.balance", "pass", "1", "7"},
                  {"2024", "t3.results_total", "pass", "1", "7"},
                  {"2024", "t3.row_total", "pass", "1", "25"},
                  {"2024", "t4.litigation_after_review_total", "pass", "1", "1"},
                  {"2024", "t4.litigation_total", "pass", "1", "1"},
                  {"2024", "t4.review_total", "pass", "1", "1"}}));
  EXPECT_EQ(Q("SELECT rule_key, rule_label, status, status_label, reports, results FROM "
              "mart_rule_results WHERE year = 2019 ORDER BY rule_key, status"),
            (Rows{{"narrative.applications_processed",
                   "正文所述办理（答复）申请数 = 表三办理结果总计", "pass", "成立", "1", "1"},
                  {"narrative.applications_received", "正文所述收到申请数 = 表三本年新收总计",
                   "pass", "成立", "1", "1"},
                  {"narrative.review_total", "正文所述行政复议数 = 表四复议总计", "pass", "成立",
                   "1", "1"},
                  {"t3.balance", "第一项加第二项之和 = 第三项加第四项之和", "not_assessable",
                   "无法判断（缺少数值）", "1", "5"},
                  {"t3.balance", "第一项加第二项之和 = 第三项加第四项之和", "pass", "成立", "1",
                   "2"},
                  {"t3.results_total", "三（七）总计 = 三（一）至（六）之和", "not_assessable",
                   "无法判断（缺少数值）", "1", "7"},
                  {"t3.row_total", "总计列 = 六类申请人之和", "not_assessable",
                   "无法判断（缺少数值）", "1", "23"},
                  {"t4.litigation_after_review_total", "复议后起诉总计 = 四项结果之和",
                   "not_assessable", "无法判断（缺少数值）", "1", "1"},
                  {"t4.litigation_total", "未经复议直接起诉总计 = 四项结果之和", "not_assessable",
                   "无法判断（缺少数值）", "1", "1"},
                  {"t4.review_total", "行政复议总计 = 四项结果之和", "not_assessable",
                   "无法判断（缺少数值）", "1", "1"}}));
  // The seed that says 10 applications in prose and 0 in its table: one fail.
  EXPECT_EQ(Q("SELECT year, reports, results FROM mart_rule_results WHERE "
              "rule_key = 'narrative.applications_processed' AND status = 'fail'"),
            (Rows{{"2020", "1", "1"}}));
  // A second file of 东木镇 2020, modified later: it counts instead of the seed, and the
  // counts do not double.
  const Rows before = Q(counts);
  const std::string seed = input_ + "/000_0f2f3fa0c9be7e04.txt";
  testing::WriteFile(input_ + "/copy/000_again.txt", testing::ReadFileOrDie(seed));
  std::filesystem::last_write_time(
      input_ + "/copy/000_again.txt",
      std::filesystem::last_write_time(seed) + std::chrono::hours(1));
  RunOnce();
  EXPECT_EQ(Q("SELECT count(*) FROM stg_report WHERE source_path LIKE '%000_again.txt'"),
            (Rows{{"1"}}));
  EXPECT_EQ(Q(counts), before);
  EXPECT_EQ(Q(counts), Q(from_detail));
}

}  // namespace
}  // namespace gongkai
