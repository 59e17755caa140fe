// explain --unit U --year Y reads the report back from the warehouse (SQLite and PostgreSQL):
// every expected cell of every shared real report with its raw text and source line, and the
// same explanation, item for item, as `explain FILE` of the file that was loaded; a unit name
// two divisions share lists the candidates (exit 2) until --division picks one.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "loaders/warehouse_reader.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/people_warehouse.h"
#include "tests/support/run_command.h"

namespace gongkai {
namespace {

using testing::RunGongkaiStdout;

// The CSV's lines, sorted (rules come back in key order from the warehouse).
std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string l;
  while (std::getline(in, l)) lines.push_back(l);
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::string ReportField(const std::vector<std::vector<std::string>>& rows, const std::string& f) {
  for (const auto& r : rows)
    if (r[0] == "report" && r[3] == f) return r[8];
  return "";
}

struct RealReport {
  std::string unit;
  int year;
  std::string stem;
};
const RealReport kReal[] = {{"淮安市人民政府", 2024, "huaian_szf_2024"},
                            {"平潭综合实验区", 2023, "pingtan_2023"},
                            {"上海市人民政府办公厅", 2019, "sh_bgt_2019"}};

// Every expected cell once, with the expected value and raw text, on a line of the loaded file
// that holds the raw text; and the whole explanation equal to `explain FILE` of that file.
void ExpectWarehouseExplainsEveryRealReport(const std::string& warehouse) {
  for (const auto& real : kReal) {
    SCOPED_TRACE(real.stem);
    auto r = RunGongkaiStdout({"explain", "--unit", real.unit, "--year",
                               std::to_string(real.year), "--format", "csv", "-w", warehouse});
    ASSERT_EQ(r.exit_code, 0);
    auto rows = testing::ParseCsv(r.out);
    ASSERT_GT(rows.size(), 100u);
    const std::string path = ReportField(rows, "source_path");
    ASSERT_NE(path.find(real.stem), std::string::npos) << path;
    EXPECT_EQ(ReportField(rows, "unit"), real.unit);
    EXPECT_EQ(ReportField(rows, "year"), std::to_string(real.year));
    std::vector<std::string> lines;
    {
      std::istringstream in(testing::ReadFileOrDie(path));
      std::string l;
      while (std::getline(in, l)) lines.push_back(l);
    }
    auto expected = testing::ReadExpected(real.stem);
    std::map<std::string, int> seen;
    for (const auto& row : rows) {
      ASSERT_EQ(row.size(), 14u);
      if (row[0] != "cell") continue;
      std::string key = row[1] + "." + row[2] + "." + row[3];
      ++seen[key];
      auto it = expected.find(key);
      if (it == expected.end()) {
        ADD_FAILURE() << key << " shown but not expected";
        continue;
      }
      EXPECT_EQ(row[5].empty() ? "blank" : row[5], it->second.value) << key;
      EXPECT_EQ(row[8], it->second.raw) << key;
      EXPECT_FALSE(row[4].empty()) << key;
      int line = std::stoi(row[9]);
      ASSERT_GE(line, 1) << key;
      ASSERT_LE(line, static_cast<int>(lines.size())) << key;
      if (!row[8].empty())
        EXPECT_NE(lines[line - 1].find(row[8]), std::string::npos) << key << " line " << line;
    }
    for (const auto& [key, want] : expected) EXPECT_EQ(seen[key], 1) << key;

    auto from_file = RunGongkaiStdout({"explain", path, "--format", "csv"});
    ASSERT_EQ(from_file.exit_code, 0);
    EXPECT_EQ(SortedLines(r.out), SortedLines(from_file.out));
  }
}

class ExplainWarehouse : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_LE(testing::LoadSeedsAndReal(dir_.path(), db_), 1); }
  testing::TempDir dir_;
  std::string db_ = dir_ / "w.db";
};

TEST_F(ExplainWarehouse, EveryRealReportShowsEveryExpectedCellWithItsLine) {
  ExpectWarehouseExplainsEveryRealReport(db_);
}

TEST_F(ExplainWarehouse, SeedWithAFindingIsExplainedAsFromItsFile) {
  // 东木镇's prose says 10 applications where its table says 0: one narrative_mismatch.
  auto w = RunGongkaiStdout({"explain", "--unit", "东木镇", "--year", "2020", "--format", "json",
                             "-w", db_});
  ASSERT_EQ(w.exit_code, 0);
  auto j = nlohmann::json::parse(w.out);
  EXPECT_EQ(j["report"]["county"], "紫阳县");
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["kind"], "narrative_mismatch");
  EXPECT_GT(j["findings"][0]["line"].get<int>(), 0);
  EXPECT_FALSE(j["findings"][0]["message_zh"].get<std::string>().empty());
  auto f = RunGongkaiStdout({"explain", j["report"]["source_path"], "--format", "json"});
  ASSERT_EQ(f.exit_code, 0);
  auto jf = nlohmann::json::parse(f.out);
  EXPECT_EQ(j["report"], jf["report"]);
  EXPECT_EQ(j["cells"], jf["cells"]);
  EXPECT_EQ(j["findings"], jf["findings"]);
  EXPECT_EQ(j["rules"].size(), jf["rules"].size());
}

TEST_F(ExplainWarehouse, FindingsShowTheirStoredChineseMessage) {
  {
    auto db = OpenWarehouseReader(LoadOptions{db_});
    ASSERT_EQ(db->Execute("UPDATE finding SET message_zh = '仓库中的说明' WHERE kind = "
                          "'narrative_mismatch'"),
              1);
  }
  auto w = RunGongkaiStdout({"explain", "--unit", "东木镇", "--year", "2020", "--format", "json",
                             "-w", db_});
  ASSERT_EQ(w.exit_code, 0);
  auto j = nlohmann::json::parse(w.out);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["message_zh"], "仓库中的说明");
}

TEST_F(ExplainWarehouse, ShowsCorrectionsAndReviewDecisions) {
  {
    // As any SQL client may record them (schema 010).
    auto db = OpenWarehouseReader(LoadOptions{db_});
    ASSERT_EQ(db->Execute(
                  "INSERT INTO cell_correction (division_code, unit, year, table_code, row_code, "
                  "col_code, value, extracted_state, extracted_value, extracted_raw, reason, "
                  "corrected_by, corrected_at) SELECT COALESCE(r.division_code, ''), r.unit, "
                  "r.year, c.table_code, c.row_code, c.col_code, 7, c.state, c.value, c.raw, "
                  "'原件第 3 页', '张三', '2026-12-01T08:00:00Z' FROM cell c JOIN report r "
                  "ON r.report_id = c.report_id WHERE r.unit = '东木镇' AND c.table_code = 't3' "
                  "AND c.row_code = 'new' AND c.col_code = 'natural'"),
              1);
    ASSERT_EQ(db->Execute(
                  "INSERT INTO finding_review (division_code, unit, year, kind, table_code, "
                  "row_code, col_code, source_text, state, reason, reviewer, reviewed_at) "
                  "SELECT COALESCE(division_code, ''), unit, year, kind, COALESCE(table_code, ''), "
                  "COALESCE(row_code, ''), COALESCE(col_code, ''), COALESCE(raw, ''), "
                  "'dismissed', '正文含上年结转', '李四', '2026-12-01T08:01:00Z' "
                  "FROM mart_findings WHERE kind = 'narrative_mismatch'"),
              1);
  }
  auto w = RunGongkaiStdout({"explain", "--unit", "东木镇", "--year", "2020", "--format", "json",
                             "-w", db_});
  ASSERT_EQ(w.exit_code, 0);
  auto j = nlohmann::json::parse(w.out);
  ASSERT_EQ(j["corrections"].size(), 1u);
  const auto& c = j["corrections"][0];
  EXPECT_EQ(c["table"], "t3");
  EXPECT_EQ(c["row"], "new");
  EXPECT_EQ(c["col"], "natural");
  EXPECT_EQ(c["value"], 7);
  EXPECT_EQ(c["reason"], "原件第 3 页");
  EXPECT_EQ(c["corrected_by"], "张三");
  std::string raw;
  for (const auto& cell : j["cells"])
    if (cell["table"] == "t3" && cell["row"] == "new" && cell["col"] == "natural")
      raw = cell["raw"];
  EXPECT_EQ(c["extracted_raw"], raw);
  ASSERT_EQ(j["reviews"].size(), 1u);
  EXPECT_EQ(j["reviews"][0]["kind"], "narrative_mismatch");
  EXPECT_EQ(j["reviews"][0]["state"], "dismissed");
  EXPECT_EQ(j["reviews"][0]["reason"], "正文含上年结转");
  EXPECT_EQ(j["reviews"][0]["line"], j["findings"][0]["line"]);

  auto csv = RunGongkaiStdout({"explain", "--unit", "东木镇", "--year", "2020", "--format", "csv",
                               "-w", db_});
  ASSERT_EQ(csv.exit_code, 0);
  int corrections = 0, reviews = 0;
  for (const auto& row : testing::ParseCsv(csv.out)) {
    ASSERT_EQ(row.size(), 14u);
    if (row[0] == "correction") {
      ++corrections;
      EXPECT_EQ(row[1] + "." + row[2] + "." + row[3], "t3.new.natural");
      EXPECT_EQ(row[5], "7");
      EXPECT_EQ(row[10], "corrected");
    }
    if (row[0] == "review") {
      ++reviews;
      EXPECT_EQ(row[10], "dismissed");
      EXPECT_EQ(row[11], "narrative_mismatch");
    }
  }
  EXPECT_EQ(corrections, 1);
  EXPECT_EQ(reviews, 1);
  auto text = RunGongkaiStdout({"explain", "--unit", "东木镇", "--year", "2020", "-w", db_});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("人工更正（1）"), std::string::npos);
  EXPECT_NE(text.out.find("审核决定（1）"), std::string::npos);
  EXPECT_NE(text.out.find("已驳回"), std::string::npos);
}

// Every finding and rule result is stored with its Chinese message (finding.message_zh,
// rule_result.message_zh), the one explain FILE shows.
void ExpectChineseMessagesStored(const std::string& warehouse) {
  auto db = OpenWarehouseReader(LoadOptions{warehouse});
  auto count = [&](const std::string& sql) { return db->Query(sql).rows.at(0).at(0).Number(); };
  EXPECT_GT(count("SELECT COUNT(*) FROM finding"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM finding WHERE message_zh IS NULL OR message_zh = ''"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM rule_result"), 100);
  EXPECT_EQ(count("SELECT COUNT(*) FROM rule_result WHERE message_zh IS NULL OR message_zh = ''"),
            0);
  auto stored = db->Query(
      "SELECT x.message_zh, f.message_zh, r.source_path FROM rule_result x "
      "JOIN report r ON r.report_id = x.report_id JOIN finding f ON f.report_id = r.report_id "
      "WHERE r.unit = '东木镇' AND x.rule_key = 'narrative.applications_processed' "
      "AND f.kind = 'narrative_mismatch'");
  ASSERT_EQ(stored.rows.size(), 1u);
  auto file = RunGongkaiStdout({"explain", stored.rows[0][2].text, "--format", "json"});
  ASSERT_EQ(file.exit_code, 0);
  auto j = nlohmann::json::parse(file.out);
  std::string rule_zh;
  for (const auto& r : j["rules"])
    if (r["rule"] == "narrative.applications_processed") rule_zh = r["message_zh"];
  EXPECT_EQ(stored.rows[0][0].text, rule_zh);
  EXPECT_EQ(stored.rows[0][1].text, j["findings"][0]["message_zh"]);
  EXPECT_NE(stored.rows[0][0].text.find("勾稽关系“正文所述办理（答复）申请数 = 表三办理结果总计”不成立"),
            std::string::npos)
      << stored.rows[0][0].text;
}

TEST_F(ExplainWarehouse, ChineseMessagesAreStored) { ExpectChineseMessagesStored(db_); }

TEST(PostgresExplainWarehouse, ChineseMessagesAreStored) {
  testing::pg::TestDatabase db;
  testing::TempDir dir;
  ASSERT_LE(testing::LoadSeedsAndReal(dir.path(), db.conninfo()), 1);
  ExpectChineseMessagesStored(db.conninfo());
}

TEST_F(ExplainWarehouse, SharedUnitNameListsCandidatesUntilDivisionPicksOne) {
  // A second 红河镇 (礼县, 甘肃) beside the seed's 昌乐县红河镇.
  std::string text = testing::ReadFileOrDie(dir_ / "in/002_7da94f88d5ce056c.txt");
  text.replace(text.find("昌乐县红河镇"), std::string("昌乐县红河镇").size(), "礼县红河镇");
  std::filesystem::create_directories(dir_ / "in2");
  testing::WriteFile(dir_ / "in2/lixian.txt", text);
  ASSERT_LE(RunGongkaiStdout({"-q", "run", "-i", dir_ / "in", "-i", dir_ / "in2", "-w", db_})
                .exit_code,
            1);
  auto both = RunGongkaiStdout({"explain", "--unit", "红河镇", "--year", "2020", "-w", db_});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_TRUE(both.out.empty());
  auto lixian = RunGongkaiStdout({"explain", "--unit", "红河镇", "--year", "2020", "--division",
                                  "621226107", "--format", "json", "-w", db_});
  ASSERT_EQ(lixian.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(lixian.out)["report"]["county"], "礼县");
  auto changle = RunGongkaiStdout({"explain", "--unit", "红河镇", "--year", "2020", "--division",
                                   "370725110", "--format", "json", "-w", db_});
  ASSERT_EQ(changle.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(changle.out)["report"]["county"], "昌乐县");
}

TEST_F(ExplainWarehouse, UnknownUnitOrMissingYearIsAUsageError) {
  EXPECT_EQ(RunGongkaiStdout({"explain", "--unit", "无此单位", "--year", "2020", "-w", db_})
                .exit_code,
            2);
  EXPECT_EQ(RunGongkaiStdout({"explain", "--unit", "东木镇", "-w", db_}).exit_code, 2);
  EXPECT_EQ(RunGongkaiStdout(
                {"explain", "--unit", "东木镇", "--year", "2020", "-w", dir_ / "absent.db"})
                .exit_code,
            4);
}

TEST(PostgresExplainWarehouse, EveryRealReportShowsEveryExpectedCellWithItsLine) {
  testing::pg::TestDatabase db;
  testing::TempDir dir;
  ASSERT_LE(testing::LoadSeedsAndReal(dir.path(), db.conninfo()), 1);
  ExpectWarehouseExplainsEveryRealReport(db.conninfo());
}

}  // namespace
}  // namespace gongkai
