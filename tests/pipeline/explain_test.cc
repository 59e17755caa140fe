// explain: every expected cell of every real report shows with its value, raw text and source
// line (the line really holds the raw text); rules name their operands' lines; the terminal
// table counts wide characters as two columns; Chinese messages name cells by their labels.
#include "pipeline/explain.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <sstream>

#include "extractors/validator.h"
#include "pipeline/messages_zh.h"
#include "pipeline/text_table.h"
#include "tests/support/run_command.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

using testing::FixturePath;
using testing::ReadFileOrDie;

std::vector<std::string> SourceLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string l;
  while (std::getline(in, l)) lines.push_back(l);
  return lines;
}

// Checks explain's CSV cell rows against expected/<stem>.csv and the source text's lines.
void ExpectCellsExplained(const std::string& csv, const std::string& stem,
                          const std::string& source_text) {
  auto rows = testing::ParseCsv(csv);
  ASSERT_FALSE(rows.empty());
  ASSERT_EQ(rows[0].size(), 14u);
  EXPECT_EQ(rows[0][0], "section");
  auto expected = testing::ReadExpected(stem);
  auto lines = SourceLines(source_text);
  std::map<std::string, int> seen;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    ASSERT_EQ(r.size(), 14u) << "row " << i;
    if (r[0] != "cell") continue;
    std::string key = r[1] + "." + r[2] + "." + r[3];
    ++seen[key];
    auto it = expected.find(key);
    if (it == expected.end()) {
      ADD_FAILURE() << stem << ": " << key << " shown but not expected";
      continue;
    }
    EXPECT_EQ(r[5].empty() ? "blank" : r[5], it->second.value) << stem << " " << key;
    EXPECT_EQ(r[8], it->second.raw) << stem << " " << key;
    EXPECT_FALSE(r[4].empty()) << stem << " " << key << " has no Chinese label";
    int line = std::stoi(r[9]);
    ASSERT_GE(line, 1) << stem << " " << key;
    ASSERT_LE(line, static_cast<int>(lines.size())) << stem << " " << key;
    if (!r[8].empty()) {
      EXPECT_NE(lines[line - 1].find(r[8]), std::string::npos)
          << stem << " " << key << ": line " << line << " does not hold '" << r[8] << "'";
    }
  }
  for (const auto& [key, want] : expected) EXPECT_EQ(seen[key], 1) << stem << " " << key;
}

struct Case {
  std::string path, stem;
};

std::vector<Case> SharedRealReports() {
  std::vector<Case> out;
  std::string dir = testing::SourceDir() + "/../shared/corpus/real";
  if (!std::filesystem::is_directory(dir)) dir = FixturePath("real");
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    out.push_back({e.path().string(), name.substr(0, name.find('.'))});
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.path < b.path; });
  return out;
}

TEST(Explain, EverySharedRealReportShowsEveryExpectedCellWithItsLine) {
  auto cases = SharedRealReports();
  ASSERT_GE(cases.size(), 6u);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    auto r = testing::RunGongkaiStdout({"explain", c.path, "--format", "csv"});
    ASSERT_EQ(r.exit_code, 0);
    ExpectCellsExplained(r.out, c.stem, ReadFileOrDie(c.path));
  }
}

TEST(Explain, EverySeedShowsEveryExpectedCellWithItsLine) {
  for (const char* stem : {"000_0f2f3fa0c9be7e04", "001_0b0ebb0c0800d905", "002_7da94f88d5ce056c",
                           "003_6b1b5a067a577432", "004_7e630d27dccc3614"}) {
    std::string path = FixturePath(std::string("seeds/") + stem + ".txt");
    auto p = testing::ProcessText(ReadFileOrDie(path), path);
    ASSERT_TRUE(p.ok) << stem;
    const Template& t = testing::ProjectTemplate(p.record.identity.edition);
    ExpectCellsExplained(RenderExplain(p.record, &t, ExplainFormat::kCsv), stem,
                         ReadFileOrDie(path));
  }
}

TEST(Explain, RulesCarryTheLinesOfTheirOperands) {
  auto p = testing::ProcessText(ReadFileOrDie(FixturePath("seeds/000_0f2f3fa0c9be7e04.txt")));
  ASSERT_TRUE(p.ok);
  int new_line = 0, carried_line = 0, total_line = 0, next_line = 0;
  for (const auto& c : p.record.cells) {
    if (c.table() != "t3" || c.col() != "natural") continue;
    if (c.row() == "new") new_line = c.line;
    if (c.row() == "carried") carried_line = c.line;
    if (c.row() == "total") total_line = c.line;
    if (c.row() == "carry_next") next_line = c.line;
  }
  ASSERT_GT(new_line, 0);
  bool found = false;
  for (const auto& r : p.record.rules) {
    if (r.rule_key() != "t3.balance" || r.subject() != "natural") continue;
    found = true;
    std::vector<int> want = {new_line, carried_line, total_line, next_line};
    std::sort(want.begin(), want.end());
    EXPECT_EQ(OperandLines(r, p.record.cells), want);
  }
  EXPECT_TRUE(found);
}

TEST(Explain, JsonHasPlacementCellsRulesAndFindings) {
  std::string path = FixturePath("seeds/004_7e630d27dccc3614.txt");
  auto r = testing::RunGongkaiStdout({"explain", path, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["report"]["unit"], "后河镇");
  EXPECT_EQ(j["report"]["year"], 2021);
  EXPECT_EQ(j["report"]["edition"], 2021);
  EXPECT_EQ(j["report"]["county"], "卫辉市");
  EXPECT_EQ(j["cells"].size(), 200u);
  bool penalty = false;
  for (const auto& c : j["cells"])
    if (c["table"] == "t2" && c["row"] == "a6_penalty" && c["col"] == "decisions") {
      penalty = true;
      EXPECT_EQ(c["value"], 3);
      EXPECT_EQ(c["label_zh"], "主动公开政府信息情况·行政处罚·本年处理决定数量");
      EXPECT_GT(c["line"].get<int>(), 0);
    }
  EXPECT_TRUE(penalty);
  EXPECT_FALSE(j["rules"].empty());
  for (const auto& rule : j["rules"]) EXPECT_FALSE(rule["message_zh"].get<std::string>().empty());
}

TEST(Explain, TextAlignsWideCharactersAsTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("表三"), 4);
  EXPECT_EQ(DisplayWidth("（一）"), 6);
  EXPECT_EQ(RenderTextTable({"代码", "值"}, {{"t3", "1"}, {"自然人", "22"}}),
            "代码    值\n"
            "t3      1\n"
            "自然人  22\n");
  auto r = testing::RunGongkaiStdout({"explain", FixturePath("seeds/000_0f2f3fa0c9be7e04.txt")});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("单位"), std::string::npos);
  EXPECT_NE(r.out.find("东木镇"), std::string::npos);
  EXPECT_NE(r.out.find("勾稽关系"), std::string::npos);
}

TEST(Explain, BadUsageAndUnreadableFileHaveTheirExitCodes) {
  EXPECT_EQ(testing::RunGongkaiStdout({"explain"}).exit_code, 2);
  EXPECT_EQ(testing::RunGongkaiStdout({"explain", "/nonexistent/report.txt"}).exit_code, 3);
  EXPECT_EQ(testing::RunGongkaiStdout({"explain", FixturePath("seeds/000_0f2f3fa0c9be7e04.txt"),
                                 "--format", "xml"})
                .exit_code,
            2);
}

TEST(MessagesZh, RuleFailureNamesCellsByTheirChineseLabels) {
  const Template& t = testing::ProjectTemplate(2021);
  RuleResult r;
  r.key_text = "t3.row_total";
  r.subject_text = "new";
  r.lhs_text = "t3.new.total";
  r.rhs_text = "t3.new.natural + t3.new.commercial";
  r.lhs = 5;
  r.rhs = 3;
  r.diff = 2;
  r.status = RuleStatus::kFail;
  EXPECT_EQ(RuleMessageZh(&t, r),
            "勾稽关系“总计列 = 六类申请人之和”不成立：左边 "
            "一、本年新收政府信息公开申请数量·总计 = 5，右边 "
            "一、本年新收政府信息公开申请数量·自然人 + "
            "一、本年新收政府信息公开申请数量·商业企业 = 3，相差 2");
  Finding f;
  f.kind = "not_a_number";
  f.table = "t3";
  f.row = "new";
  f.col = "legal";
  f.line = 12;
  f.raw = "3 4 x";
  EXPECT_EQ(FindingMessageZh(&t, f),
            "单元格不是数字，位置：收到和处理政府信息公开申请情况·"
            "一、本年新收政府信息公开申请数量·法律服务机构，第12行，原文：“3 4 x”");
  EXPECT_EQ(ErrorMessageZh("binary", ""), "二进制文件（非文本）");  // codes.yaml's label
  EXPECT_EQ(KindLabelZh("something_new"), "其他问题（something_new）");
}

TEST(MessagesZh, EveryFindingOfAProcessedReportHasAChineseMessage) {
  // 东木镇 renamed 红河镇, a name three townships share and nothing in the text settles:
  // a division_ambiguous finding.
  std::string text = ReadFileOrDie(FixturePath("seeds/000_0f2f3fa0c9be7e04.txt"));
  for (std::size_t at; (at = text.find("东木镇")) != std::string::npos;)
    text.replace(at, std::string("东木镇").size(), "红河镇");
  auto p = testing::ProcessText(text);
  ASSERT_TRUE(p.ok);
  ASSERT_FALSE(p.record.findings.empty());
  bool ambiguous = false;
  for (const auto& f : p.record.findings) ambiguous = ambiguous || f.kind == "division_ambiguous";
  EXPECT_TRUE(ambiguous);
  for (const auto& f : p.record.findings) {
    EXPECT_FALSE(f.message_zh.empty()) << f.kind;
    EXPECT_EQ(f.message_zh.find("其他问题"), std::string::npos) << f.kind << " has no label";
  }
}

// A template rule's result points at its compiled instance, whose Chinese texts were built once;
// its message must be the one built from the stored texts (a result read back from the
// warehouse), byte for byte: passes, failures, not assessable, and a chosen alternative
// (2021's single （六）其他处理 row standing for its parts).
TEST(MessagesZh, CompiledRuleMessagesEqualTheMessagesOfTheirTexts) {
  const Template& t = testing::ProjectTemplate(2021);
  std::vector<Cell> cells;
  for (const auto& row : t.FindTable("t3")->rows) {
    if (row.code.rfind("other_", 0) == 0) continue;
    double v = row.code == "other" ? 2 : row.code == "total" ? 5 : row.code == "open" ? 3 : 0;
    for (const auto& col : row.cols) {
      Cell c;
      c.SetCoord("t3", row.code, col), c.state = CellState::kNumber;
      c.value = col == "natural" ? v : col == "total" ? 7 : 0.5;
      if (col == "legal") c.state = CellState::kBlank, c.value.reset();
      cells.push_back(c);
    }
  }
  std::vector<Finding> findings;
  auto rules = Validate(t, cells, &findings);
  int pass = 0, fail = 0, na = 0, alternative = 0;
  for (const auto& r : rules) {
    ASSERT_NE(r.instance, nullptr);
    RuleResult text = r;
    text.instance = nullptr;
    text.lhs_alts = text.rhs_alts = 0;
    text.key_text = r.rule_key(), text.subject_text = r.subject();
    text.lhs_text = r.lhs_terms(), text.rhs_text = r.rhs_terms();
    EXPECT_EQ(RuleMessageZh(&t, r), RuleMessageZh(&t, text)) << r.rule_key() << " " << r.subject();
    pass += r.status == RuleStatus::kPass;
    fail += r.status == RuleStatus::kFail;
    na += r.status == RuleStatus::kNotAssessable;
    alternative += r.rhs_alts != 0 || r.lhs_alts != 0;
  }
  EXPECT_GT(pass, 0);
  EXPECT_GT(fail, 0);
  EXPECT_GT(na, 0);
  EXPECT_GT(alternative, 0);
  const RuleResult* results = nullptr;
  for (const auto& r : rules)
    if (r.rule_key() == "t3.results_total" && r.subject() == "natural") results = &r;
  ASSERT_NE(results, nullptr);
  EXPECT_NE(results->rhs_terms().find("t3.other.natural"), std::string::npos);
  EXPECT_NE(RuleMessageZh(&t, *results).find("（六）其他处理"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
