#include "extractors/validator.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

const Template& Edition(int e) { return testing::ProjectTemplate(e); }

Cell Num(const std::string& t, const std::string& r, const std::string& c, double v) {
  Cell x;
  x.SetCoord(t, r, c), x.state = CellState::kNumber, x.value = v;
  return x;
}

Cell Blank(const std::string& t, const std::string& r, const std::string& c) {
  Cell x;
  x.SetCoord(t, r, c), x.state = CellState::kBlank;
  return x;
}

const RuleResult* Find(const std::vector<RuleResult>& rs, const std::string& key,
                       const std::string& subject) {
  for (const auto& r : rs)
    if (r.rule_key() == key && r.subject() == subject) return &r;
  return nullptr;
}

TEST(Validator, ReviewTotalPassFailAndNotAssessable) {
  std::vector<Cell> cells = {Num("t4", "all", "rev_upheld", 1), Num("t4", "all", "rev_corrected", 2),
                             Num("t4", "all", "rev_other", 0), Num("t4", "all", "rev_pending", 0),
                             Num("t4", "all", "rev_total", 4), Num("t4", "all", "lit_upheld", 1),
                             Blank("t4", "all", "lit_corrected"), Num("t4", "all", "lit_other", 0),
                             Num("t4", "all", "lit_pending", 0), Num("t4", "all", "lit_total", 1)};
  std::vector<Finding> findings;
  auto rs = Validate(Edition(2019), cells, &findings);
  const RuleResult* rev = Find(rs, "t4.review_total", "");
  ASSERT_NE(rev, nullptr);
  EXPECT_EQ(rev->status, RuleStatus::kFail);
  EXPECT_DOUBLE_EQ(*rev->diff, 1);
  EXPECT_EQ(rev->lhs_terms(), "t4.all.rev_total");
  const RuleResult* lit = Find(rs, "t4.litigation_total", "");
  ASSERT_NE(lit, nullptr);
  EXPECT_EQ(lit->status, RuleStatus::kNotAssessable);
  EXPECT_FALSE(lit->diff.has_value());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "rule_failed");
  EXPECT_EQ(findings[0].table, "t4");
}

TEST(Validator, OtherProcessingAlternativesIn2021) {
  // Legacy single （六）其他处理 row in a 2021 report: the results rule uses it.
  std::vector<Cell> cells;
  const TableSpec* t3 = Edition(2021).FindTable("t3");
  for (const auto& row : t3->rows) {
    if (row.code.rfind("other_", 0) == 0) continue;
    double v = row.code == "other" ? 2 : row.code == "total" ? 5 : row.code == "open" ? 3 : 0;
    for (const auto& col : row.cols) cells.push_back(Num("t3", row.code, col, col == "natural" ? v : 0));
  }
  std::vector<Finding> findings;
  auto rs = Validate(Edition(2021), cells, &findings);
  const RuleResult* r = Find(rs, "t3.results_total", "natural");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->status, RuleStatus::kPass) << r->rhs_terms();
  EXPECT_NE(r->rhs_terms().find("t3.other.natural"), std::string::npos);
  EXPECT_EQ(r->rhs_terms().find("other_1"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
