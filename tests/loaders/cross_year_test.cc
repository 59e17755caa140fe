// The cross-year results stored in report_cross_year_fact (schema v13), kept per unit inside the
// transaction that changes it: after a load, a disagreeing year added, --force, a correction,
// pruning the year before and bringing it back, stg_cross_year_result holds exactly the results
// of pairing the counted reports at query time (the view mart_cross_year_rules was before v13,
// spelled out below), with values pinned, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "loaders/postgres_loader.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/cli.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Rows;

// Every result as the pre-v13 view computed it from stg_report at query time, ordered.
const char* kFromScratch = R"(
WITH pairs AS (
  SELECT r.county, r.unit, r.year, r.edition, r.report_id, p.edition AS prev_edition,
         p.report_id AS prev_report_id
  FROM stg_report r
  JOIN stg_report p
    ON p.unit = r.unit AND p.year = r.year - 1
   AND (p.county = r.county OR (p.county IS NULL AND r.county IS NULL))
)
SELECT x.county, x.unit, x.year, x.report_id, 'xyear.carried' AS rule_key, a.applicant AS subject,
       a.carried_over AS lhs, b.carry_next AS rhs,
       CASE WHEN a.carried_over IS NULL OR b.carry_next IS NULL THEN 'not_assessable'
            WHEN a.carried_over = b.carry_next THEN 'pass' ELSE 'fail' END AS status,
       a.carried_line AS lhs_line, b.carry_next_line AS rhs_line
FROM pairs x
JOIN report_applicant_fact a ON a.report_id = x.report_id
JOIN report_applicant_fact b ON b.report_id = x.prev_report_id AND b.applicant = a.applicant
UNION ALL
SELECT x.county, x.unit, x.year, x.report_id, 'xyear.in_force', 'a1_normative',
       pc.normative_in_force + c.normative_issued - c.normative_abolished, c.normative_in_force,
       CASE WHEN pc.normative_in_force IS NULL OR c.normative_issued IS NULL
              OR c.normative_abolished IS NULL OR c.normative_in_force IS NULL THEN 'not_assessable'
            WHEN pc.normative_in_force + c.normative_issued - c.normative_abolished
                 = c.normative_in_force THEN 'pass' ELSE 'fail' END, NULL, NULL
FROM pairs x
JOIN report_fact c ON c.report_id = x.report_id
JOIN report_fact pc ON pc.report_id = x.prev_report_id
WHERE x.edition = 2021 AND x.prev_edition = 2021
UNION ALL
SELECT x.county, x.unit, x.year, x.report_id, 'xyear.in_force', 'a1_regulation',
       pc.regulation_in_force + c.regulation_issued - c.regulation_abolished, c.regulation_in_force,
       CASE WHEN pc.regulation_in_force IS NULL OR c.regulation_issued IS NULL
              OR c.regulation_abolished IS NULL OR c.regulation_in_force IS NULL THEN 'not_assessable'
            WHEN pc.regulation_in_force + c.regulation_issued - c.regulation_abolished
                 = c.regulation_in_force THEN 'pass' ELSE 'fail' END, NULL, NULL
FROM pairs x
JOIN report_fact c ON c.report_id = x.report_id
JOIN report_fact pc ON pc.report_id = x.prev_report_id
WHERE x.edition = 2021 AND x.prev_edition = 2021
ORDER BY 4, 5, 6)";
const char* kStored =
    "SELECT county, unit, year, report_id, rule_key, subject, lhs, rhs, status, lhs_line, "
    "rhs_line FROM stg_cross_year_result ORDER BY 4, 5, 6";
const char* kStatuses =
    "SELECT year, rule_key, subject, status, results FROM mart_cross_year_rules "
    "WHERE status <> 'pass' ORDER BY 1, 2, 3, 4";
const char* kPasses = "SELECT sum(results) FROM mart_cross_year_rules WHERE status = 'pass'";

class CrossYear {
 public:
  CrossYear(std::string warehouse, std::function<Rows(const std::string&)> query)
      : warehouse_(std::move(warehouse)), query_(std::move(query)) {
    input_ = tmp_ / "reports";
    options_ = testing::SeedRunOptions(input_, warehouse_);
    testing::WriteFile(input_ + "/pingtan_2023.tsv.txt",
                       testing::ReadFileOrDie(testing::FixturePath("real/pingtan_2023.tsv.txt")));
  }

  void Run() { testing::RunWarehouse(options_); }

  // 平潭 2023 again as its 2024 report, carrying 3 over (2023 carried 0 on) and 480 normative
  // documents in force (470 + 10 - 5 = 475).
  void Add2024() {
    std::string text = testing::ReadFileOrDie(testing::FixturePath("real/pingtan_2023.tsv.txt"));
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"平潭综合实验区2023年度", "平潭综合实验区2024年度"},
             {"行政规范性文件\t77\t132\t470", "行政规范性文件\t10\t5\t480"},
             {"二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0",
              "二、上年结转政府信息公开申请数量\t\t\t3\t0\t0\t0\t0\t0\t3"}}) {
      auto at = text.find(from);
      ASSERT_NE(at, std::string::npos) << from;
      text.replace(at, from.size(), to);
    }
    testing::WriteFile(input_ + "/pingtan_2024.tsv.txt", text);
  }

  void Same(const char* step) { EXPECT_EQ(query_(kStored), query_(kFromScratch)) << step; }

  void Scenario() {
    Run();
    Same("2023 alone");
    EXPECT_EQ(query_("SELECT count(*) FROM stg_cross_year_result"), (Rows{{"0"}}));

    Add2024();
    Run();
    Same("2024 added");
    const Rows fails{{"2024", "xyear.carried", "natural", "fail", "1"},
                     {"2024", "xyear.carried", "total", "fail", "1"},
                     {"2024", "xyear.in_force", "a1_normative", "fail", "1"}};
    EXPECT_EQ(query_(kStatuses), fails);
    EXPECT_EQ(query_(kPasses), (Rows{{"6"}}));
    EXPECT_EQ(query_("SELECT lhs, rhs, diff, lhs_line, rhs_line FROM stg_cross_year_result "
                     "WHERE subject = 'total'"),
              (Rows{{"3", "0", "3", "52", "75"}}));

    options_.force = true;
    Run();
    options_.force = false;
    Same("--force");
    EXPECT_EQ(query_(kStatuses), fails);

    // A correction of 2024's carried-over 自然人 to 0: that column passes, the total still fails.
    testing::CliResult c = testing::RunGongkai(
        {"correct", "--unit", "平潭综合实验区", "--year", "2024", "--cell", "t3.carried.natural",
         "--value", "0", "--reason", "附件为0件", "-w", warehouse_});
    EXPECT_EQ(c.exit_code, 0) << c.output;
    Same("corrected");
    EXPECT_EQ(query_(kStatuses), (Rows{{"2024", "xyear.carried", "total", "fail", "1"},
                                       {"2024", "xyear.in_force", "a1_normative", "fail", "1"}}));
    EXPECT_EQ(query_(kPasses), (Rows{{"7"}}));

    // 2023 removed and pruned: nothing to pair with; back again: the same results.
    const std::string y2023 = input_ + "/pingtan_2023.tsv.txt";
    const std::string kept = testing::ReadFileOrDie(y2023);
    fs::remove(y2023);
    options_.prune = true;
    Run();
    Same("2023 pruned");
    EXPECT_EQ(query_("SELECT count(*) FROM report_cross_year_fact"), (Rows{{"0"}}));
    testing::WriteFile(y2023, kept);
    Run();
    Same("2023 back");
    EXPECT_EQ(query_(kPasses), (Rows{{"7"}}));
    EXPECT_EQ(query_("SELECT count(*) FROM cross_year_request"), (Rows{{"0"}}));
  }

 private:
  testing::TempDir tmp_;
  std::string warehouse_;
  std::function<Rows(const std::string&)> query_;
  std::string input_;
  RunOptions options_;
};

TEST(CrossYearFacts, StoredResultsEqualPairingAtQueryTimeAfterEveryPathOnSqlite) {
  testing::TempDir tmp;
  const std::string db = tmp / "warehouse.db";
  CrossYear t(db, [&](const std::string& sql) { return testing::Query(db, sql); });
  t.Scenario();
}

TEST(PostgresCrossYearFacts, StoredResultsEqualPairingAtQueryTimeAfterEveryPath) {
  testing::pg::TestDatabase db;
  const std::string conn = db.conninfo();
  CrossYear t(conn, [&](const std::string& sql) { return testing::pg::PgQuery(conn, sql); });
  t.Scenario();
}

}  // namespace
}  // namespace gongkai
