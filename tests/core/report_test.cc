// Cell coordinates (core/report.h): interned once per distinct (table, row, col, measure), the
// compiled template's own coordinates among them, so a cell carries one pointer.
#include "core/report.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/template.h"

namespace gongkai {
namespace {

TEST(CellCoord, EqualCodesShareOneInstanceAndEachCodeCounts) {
  const std::string row = "new";  // a view of a temporary string: the coordinate copies it
  const CellCoord* a = InternCoord("t3", row, "natural", "件");
  EXPECT_EQ(a, InternCoord(std::string("t3"), "new", "natural", "件"));
  EXPECT_EQ(a->table, "t3");
  EXPECT_EQ(a->row, "new");
  EXPECT_EQ(a->col, "natural");
  EXPECT_EQ(a->measure, "件");
  EXPECT_NE(a, InternCoord("t3", "new", "natural", "万元"));
  EXPECT_NE(a, InternCoord("t3", "new", "natura", "l件"));  // codes are not merely concatenated
  EXPECT_NE(a, InternCoord("t4", "new", "natural", "件"));
  EXPECT_EQ(InternCoord("", "", "", ""), &kNoCoord);
}

TEST(CellCoord, DefaultCellHasEmptyCodesAndSetCoordInterns) {
  Cell c;
  EXPECT_EQ(c.at, &kNoCoord);
  EXPECT_EQ(c.table() + c.row() + c.col() + c.measure(), "");
  c.SetCoord("t2", "a1", "issued");
  EXPECT_EQ(c.at, InternCoord("t2", "a1", "issued", ""));
  EXPECT_EQ(c.measure(), "");
}

TEST(CellCoord, ThreadsInterningTheSameCodesGetTheSameInstance) {
  std::vector<const CellCoord*> got(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&got, i] {
      for (int k = 0; k < 200; ++k) InternCoord("tx", "r" + std::to_string(k), "c", "件");
      got[i] = InternCoord("tx", "r7", "c", "件");
    });
  for (auto& t : threads) t.join();
  for (const CellCoord* p : got) EXPECT_EQ(p, got[0]);
}

TEST(CellCoord, NumberCellsInternsEachTemplateCellInIdOrder) {
  Template t;
  TableSpec a;
  a.code = "t1";
  a.columns = {ColumnSpec{"x", "", {}, "件"}, ColumnSpec{"m", "", {}, "万元"}};
  a.rows = {RowSpec{"r1", "", "", {}, {}, {}}, RowSpec{"r2", "", "", {}, {}, {}}};
  t.tables = {a};
  EXPECT_EQ(t.NumberCells(), 4);
  const TableSpec& n = t.tables[0];
  ASSERT_EQ(n.coords.size(), 4u);
  EXPECT_EQ(n.coords[0], InternCoord("t1", "r1", "x", "件"));
  EXPECT_EQ(n.coords[3], InternCoord("t1", "r2", "m", "万元"));
  EXPECT_EQ(n.Coord(n.rows[1], n.columns[0]), InternCoord("t1", "r2", "x", "件"));
  const RowSpec stranger{"r2", "", "", {}, {}, {}};  // not the table's own spec: interned by codes
  EXPECT_EQ(n.Coord(stranger, n.columns[1]), n.coords[3]);
}

TEST(RuleResult, AssessPassesSidesEqualToSixDecimalsAndLeavesAMissingSideUnassessed) {
  RuleResult r;
  r.lhs = 0.1 + 0.2;  // amounts in 万元: 0.30000000000000004 against 0.3 agree
  r.rhs = 0.3;
  r.Assess();
  EXPECT_EQ(r.status, RuleStatus::kPass);
  r.rhs = 0.30001;
  r.Assess();
  EXPECT_EQ(r.status, RuleStatus::kFail);
  EXPECT_NEAR(*r.diff, -0.00001, 1e-12);
  RuleResult missing;
  missing.lhs = 10;
  missing.Assess();
  EXPECT_EQ(missing.status, RuleStatus::kNotAssessable);
  EXPECT_FALSE(missing.diff.has_value());
}

}  // namespace
}  // namespace gongkai
