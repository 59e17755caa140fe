// Prose-versus-table checks on small in-memory texts: which statements are read, which are
// not, and the pass / fail / not_assessable outcome against the cells given.
#include "extractors/narrative.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

Cell Number(const char* table, const char* row, const char* col, double v) {
  Cell c;
  c.SetCoord(table, row, col);
  c.state = CellState::kNumber;
  c.value = v;
  c.raw = std::to_string(static_cast<int>(v));
  return c;
}

Cell Blank(const char* table, const char* row, const char* col) {
  Cell c;
  c.SetCoord(table, row, col);
  return c;
}

std::vector<RuleResult> Check(const std::vector<std::string>& lines, const std::vector<Cell>& cells,
                              std::vector<Finding>* findings) {
  return CheckNarrative(lines, testing::ProjectTemplate(2021), cells, findings);
}

TEST(Narrative, AStatedCountEqualToTheTablePasses) {
  std::vector<Finding> findings;
  auto r = Check({"一、总体情况", "本年度共收到政府信息公开申请10件，均已办结。"},
                 {Number("t3", "new", "total", 10)}, &findings);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].rule_key(), "narrative.applications_received");
  EXPECT_EQ(r[0].status, RuleStatus::kPass);
  EXPECT_EQ(r[0].line, 2);
  EXPECT_EQ(r[0].lhs_terms(), "text: 本年度共收到政府信息公开申请10件");
  EXPECT_EQ(r[0].rhs_terms(), "t3.new.total");
  EXPECT_TRUE(findings.empty());
}

TEST(Narrative, ADifferentTableFigureFailsWithAFinding) {
  std::vector<Finding> findings;
  auto r = Check({"共收到政府信息公开申请10件。行政复议3件。"},
                 {Number("t3", "new", "total", 0), Number("t4", "all", "rev_total", 3)},
                 &findings);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].status, RuleStatus::kFail);
  EXPECT_EQ(*r[0].diff, 10);
  EXPECT_EQ(r[1].rule_key(), "narrative.review_total");
  EXPECT_EQ(r[1].status, RuleStatus::kPass);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "narrative_mismatch");
  EXPECT_EQ(findings[0].col, "total");
  EXPECT_EQ(findings[0].line, 1);
  EXPECT_EQ(findings[0].message,
            "narrative.applications_received: the text says 10, the table t3.new.total = 0");
}

TEST(Narrative, ABlankTotalIsComparedAsTheSumOfItsPartsAndAllBlankIsNotAssessable) {
  std::vector<Finding> findings;
  auto r = Check({"共受理政府信息公开申请5件；行政诉讼2件。"},
                 {Blank("t3", "new", "total"), Number("t3", "new", "natural", 4),
                  Number("t3", "new", "legal", 1), Blank("t4", "all", "lit_total"),
                  Blank("t4", "all", "lar_total")},
                 &findings);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].status, RuleStatus::kPass);
  EXPECT_EQ(r[0].rhs_terms(), "t3.new.total (blank: sum of its parts)");
  EXPECT_EQ(r[1].rule_key(), "narrative.litigation_total");
  EXPECT_EQ(r[1].status, RuleStatus::kNotAssessable);
  EXPECT_FALSE(r[1].rhs.has_value());
  EXPECT_TRUE(findings.empty());
}

TEST(Narrative, ACountWrappedOntoTheNextLineIsRead) {
  std::vector<Finding> findings;
  auto r = Check({"政府信息公开行政复议 351", "件，其中结果维持 72 件。"},
                 {Number("t4", "all", "rev_total", 351)}, &findings);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status, RuleStatus::kPass);
  EXPECT_EQ(r[0].line, 1);
}

TEST(Narrative, AnAnchorWrappedOntoTheNextLineIsRead) {
  std::vector<Finding> findings;
  auto r = Check({"无关的一行。", "本年度收到行政", "复议3件。", "本年度行政诉讼", "无。"},
                 {Number("t4", "all", "rev_total", 3)}, &findings);
  ASSERT_EQ(r.size(), 1u);  // 行政诉讼 is named, but no count follows it
  EXPECT_EQ(r[0].rule_key(), "narrative.review_total");
  EXPECT_EQ(r[0].lhs_terms(), "text: 本年度收到行政复议3件");
  EXPECT_EQ(r[0].line, 2);
}

TEST(Narrative, AmbiguousOrIndirectStatementsAreNotRead) {
  std::vector<Finding> findings;
  auto r = Check({"共受理并办结政府信息公开申请10件。",          // two kinds of act
                  "政府信息公开申请数量较去年增加10件。",         // a change, not a count
                  "行政复议、行政诉讼情况", "未发生行政复议案件。"},  // no number
                 {Number("t3", "new", "total", 0), Number("t3", "total", "total", 0),
                  Number("t4", "all", "rev_total", 0)},
                 &findings);
  EXPECT_TRUE(r.empty());
  EXPECT_TRUE(findings.empty());
}

TEST(Narrative, TheTablesThemselvesAreNotProse) {
  std::vector<Finding> findings;
  auto r = Check({"三、收到和处理政府信息公开申请情况", "行政复议 5 件", "五、存在的主要问题"},
                 {Number("t4", "all", "rev_total", 0)}, &findings);
  EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace gongkai
