// Round trips through synthetic reports (tests/support/synth.h): a value in every template cell,
// rendered in each export layout and style, must come back at its exact coordinate with its
// exact value (blanks as blanks); what cannot be read with certainty must become the right
// finding with the cells absent, never a guessed number.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "tests/support/fixtures.h"
#include "tests/support/synth.h"

namespace gongkai {
namespace {

using testing::CellKey;
using testing::MoneyUnit;
using testing::RenderStyle;
using testing::SynthReport;

const Template& Edition(int e) {
  for (const auto& t : testing::ProjectContext().templates)
    if (t.edition == e) return t;
  throw std::runtime_error("no edition " + std::to_string(e));
}

const char* LayoutName(Layout l) {
  return l == Layout::kCells    ? "cells"
         : l == Layout::kFields ? "fields"
         : l == Layout::kWords  ? "words"
                                : "markdown";
}

std::string Key(const Cell& c) { return CellKey(c.table(), c.row(), c.col()); }

// Every expected cell (except `absent`) at its coordinate with its value, state, raw text and
// measure; nothing else.
void ExpectCellsExact(const SynthReport& r, const ReportRecord& rec,
                      const std::set<std::string>& absent = {}) {
  std::map<std::string, const Cell*> got;
  for (const auto& c : rec.cells) EXPECT_TRUE(got.emplace(Key(c), &c).second) << Key(c) << " twice";
  EXPECT_EQ(rec.cells.size(), r.value.size() - absent.size());
  for (const auto& [key, want] : r.value) {
    auto it = got.find(key);
    if (absent.count(key)) {
      EXPECT_TRUE(it == got.end()) << key << " should be absent, got '" << it->second->raw << "'";
      continue;
    }
    if (it == got.end()) {
      ADD_FAILURE() << key << " missing (expected '" << r.raw.at(key) << "')";
      continue;
    }
    const Cell& c = *it->second;
    EXPECT_EQ(c.raw, r.raw.at(key)) << key;
    EXPECT_EQ(c.measure(), r.money.count(key) ? "万元" : "件") << key;
    if (!want) {
      EXPECT_EQ(c.state, CellState::kBlank) << key << " should be blank";
      EXPECT_FALSE(c.value.has_value()) << key;
    } else {
      EXPECT_EQ(c.state, CellState::kNumber) << key;
      EXPECT_EQ(c.value.value_or(-1e9), *want) << key;
    }
  }
  for (const auto& [key, c] : got)
    EXPECT_TRUE(r.value.count(key)) << key << " extracted but not in the template: " << c->raw;
}

std::vector<const Finding*> FindingsOfKind(const ReportRecord& rec, const std::string& kind) {
  std::vector<const Finding*> out;
  for (const auto& f : rec.findings)
    if (f.kind == kind) out.push_back(&f);
  return out;
}

void ExpectNoErrors(const ReportRecord& rec) {
  for (const auto& f : rec.findings)
    EXPECT_NE(f.severity, Severity::kError)
        << f.kind << " " << f.table << "." << f.row << "." << f.col << " line " << f.line << ": "
        << f.message << " [" << f.raw << "]";
}

ReportRecord RenderAndProcess(const SynthReport& r, Layout layout, const RenderStyle& style) {
  std::string text = testing::Render(Edition(r.edition), r, layout, style);
  auto res = testing::ProcessText(text, "synthetic.txt");
  EXPECT_TRUE(res.ok) << res.failure.error_kind << ": " << res.failure.message << "\n" << text;
  return res.record;
}

// ---- every cell, every layout, several styles ----

struct Style {
  std::string name;
  RenderStyle render;
  MoneyUnit money = MoneyUnit::kInCell;
  int blank_every = 0;  // 0: no blank cells (the only choice in the words layout)
};

struct RoundTrip {
  int edition;
  Layout layout;
  Style style;
  unsigned seed;
};

void PrintTo(const RoundTrip& c, std::ostream* os) {
  *os << "e" << c.edition << " " << LayoutName(c.layout) << " " << c.style.name << " seed "
      << c.seed;
}

std::vector<RoundTrip> RoundTrips() {
  const std::vector<Style> styles = {
      {"plain", {}, MoneyUnit::kInCell, 0},
      {"fullwidth_wrapped", {true, true, false, true}, MoneyUnit::kInCell, 0},
      {"money_in_header_stray", {false, false, true, false}, MoneyUnit::kInHeader, 0},
      {"blanks", {false, false, false, true}, MoneyUnit::kInCell, 5},
      {"blanks_fullwidth_wrapped_stray", {true, true, true, true}, MoneyUnit::kInCell, 3},
      {"blanks_money_in_header", {false, true, false, true}, MoneyUnit::kInHeader, 4},
  };
  std::vector<RoundTrip> out;
  unsigned seed = 1;
  for (int edition : {2019, 2021})
    for (Layout layout : {Layout::kCells, Layout::kFields, Layout::kWords, Layout::kMarkdown})
      for (const auto& s : styles)
        if (s.blank_every == 0 || layout != Layout::kWords)
          out.push_back({edition, layout, s, seed++});
  return out;
}

class SyntheticRoundTrip : public ::testing::TestWithParam<RoundTrip> {};

TEST_P(SyntheticRoundTrip, EveryCellAtItsCoordinate) {
  const RoundTrip& c = GetParam();
  const Template& tmpl = Edition(c.edition);
  SynthReport r = testing::DistinctValues(tmpl, c.seed);
  r.SetMoneyUnit(c.style.money);
  if (c.style.blank_every) testing::BlankEvery(&r, c.style.blank_every, static_cast<int>(c.seed));
  ASSERT_EQ(r.value.size(), c.edition == 2019 ? 198u : 200u);
  ReportRecord rec = RenderAndProcess(r, c.layout, c.style.render);
  EXPECT_EQ(rec.identity.edition, c.edition);
  EXPECT_EQ(rec.identity.year, r.year);
  EXPECT_EQ(rec.cells.size(), c.edition == 2019 ? 198u : 200u);
  ExpectCellsExact(r, rec);
  ExpectNoErrors(rec);
  auto narrative = testing::NarrativeNumbers(r);
  for (const auto& cell : rec.cells)
    EXPECT_EQ(std::count(narrative.begin(), narrative.end(), cell.raw), 0)
        << Key(cell) << " holds a narrative number: " << cell.raw;
}

// Values that add up pass every rule; with blank cells some rules are not assessable, none fails.
TEST_P(SyntheticRoundTrip, ConsistentValuesPassEveryRule) {
  const RoundTrip& c = GetParam();
  SynthReport r = testing::ConsistentValues(Edition(c.edition), c.seed);
  r.SetMoneyUnit(c.style.money);
  if (c.style.blank_every) testing::BlankEvery(&r, c.style.blank_every, static_cast<int>(c.seed));
  ReportRecord rec = RenderAndProcess(r, c.layout, c.style.render);
  ExpectCellsExact(r, rec);
  ExpectNoErrors(rec);
  EXPECT_TRUE(FindingsOfKind(rec, "rule_failed").empty());
  int not_assessable = 0;
  EXPECT_FALSE(rec.rules.empty());
  for (const auto& rule : rec.rules) {
    EXPECT_NE(rule.status, RuleStatus::kFail) << rule.rule_key() << " [" << rule.subject() << "]";
    not_assessable += rule.status == RuleStatus::kNotAssessable;
  }
  EXPECT_EQ(not_assessable > 0, c.style.blank_every > 0);  // else every rule passes
}

std::string RoundTripName(const ::testing::TestParamInfo<RoundTrip>& info) {
  return "e" + std::to_string(info.param.edition) + "_" + LayoutName(info.param.layout) + "_" +
         info.param.style.name;
}

INSTANTIATE_TEST_SUITE_P(Synthetic, SyntheticRoundTrip, ::testing::ValuesIn(RoundTrips()),
                         RoundTripName);

// ---- targeted cases ----

class SyntheticEdition : public ::testing::TestWithParam<int> {};

// (a) Blank cells at the edges of rows and tables, next to each other and a whole blank row, in
// both layouts that can print them: blank, never 0, and the next values do not shift.
TEST_P(SyntheticEdition, BlankCellsComeBackBlank) {
  const Template& tmpl = Edition(GetParam());
  const RowSpec& t2_first = tmpl.FindTable("t2")->rows.front();
  const std::vector<std::string> blanks = {CellKey("t2", t2_first.code, t2_first.cols.front()),
                                           "t3.new.research",
                                           "t3.new.social",
                                           "t3.deny_2.natural",
                                           "t3.carry_next.total",
                                           "t4.all.rev_upheld",
                                           "t4.all.lar_total"};
  for (Layout layout : {Layout::kCells, Layout::kFields}) {
    for (bool stray : {false, true}) {
      SCOPED_TRACE(std::string(LayoutName(layout)) + (stray ? " stray" : ""));
      SynthReport r = testing::DistinctValues(tmpl, 7);
      for (const auto& k : blanks) r.Set(k, "");
      for (const auto& c : tmpl.FindTable("t3")->columns)
        r.Set(CellKey("t3", "deny_3", c.code), "");
      RenderStyle style;
      style.stray_fields = stray;
      ReportRecord rec = RenderAndProcess(r, layout, style);
      ExpectCellsExact(r, rec);
      ExpectNoErrors(rec);
      auto cells = testing::AsExpected(rec.cells);
      EXPECT_EQ(cells["t3.new.research"].value, "blank");
      EXPECT_EQ(cells["t3.new.legal"].raw, r.raw.at("t3.new.legal"));  // not shifted left
      EXPECT_EQ(cells["t4.all.rev_corrected"].raw, r.raw.at("t4.all.rev_corrected"));
    }
  }
}

// (b) PDF text cannot show a blank cell: a row with 6 numbers for 7 columns is not guessed.
TEST_P(SyntheticEdition, WordsRowMissingAValueIsAFinding) {
  const Template& tmpl = Edition(GetParam());
  SynthReport r = testing::DistinctValues(tmpl, 11);
  r.Set("t3.deny_4.legal", "");
  ReportRecord rec = RenderAndProcess(r, Layout::kWords, {});
  std::set<std::string> absent;
  for (const auto& c : tmpl.FindTable("t3")->columns)
    absent.insert(CellKey("t3", "deny_4", c.code));
  ExpectCellsExact(r, rec, absent);
  auto vc = FindingsOfKind(rec, "value_count");
  ASSERT_EQ(vc.size(), 1u);
  EXPECT_EQ(vc[0]->table, "t3");
  EXPECT_EQ(vc[0]->row, "deny_4");
  EXPECT_EQ(vc[0]->severity, Severity::kError);
}

// (c) A broken 总计 is reported by exactly the rules it breaks; the cells still load as written.
TEST_P(SyntheticEdition, BrokenTotalFailsExactlyItsRules) {
  const Template& tmpl = Edition(GetParam());
  for (Layout layout : {Layout::kCells, Layout::kFields, Layout::kWords}) {
    SCOPED_TRACE(LayoutName(layout));
    SynthReport r = testing::ConsistentValues(tmpl, 5);
    r.Set("t3.new.total", std::to_string(static_cast<long>(*r.value.at("t3.new.total")) + 1));
    ReportRecord rec = RenderAndProcess(r, layout, {});
    ExpectCellsExact(r, rec);
    ExpectNoErrors(rec);
    std::set<std::string> failed, flagged;
    for (const auto& rule : rec.rules)
      if (rule.status == RuleStatus::kFail) failed.insert(rule.rule_key() + "[" + rule.subject() + "]");
    for (const auto* f : FindingsOfKind(rec, "rule_failed"))
      flagged.insert(f->table + "." + f->row + "." + f->col);
    EXPECT_EQ(failed, (std::set<std::string>{"t3.row_total[new]", "t3.balance[total]"}));
    EXPECT_EQ(flagged, (std::set<std::string>{"t3.new.", "t3..total"}));
  }
}

// (d) A bare non-zero amount with no unit in the cell or its header is not read as 万元.
TEST_P(SyntheticEdition, BareAmountWithoutUnitIsAmbiguous) {
  const Template& tmpl = Edition(GetParam());
  for (Layout layout : {Layout::kCells, Layout::kFields, Layout::kWords}) {
    SCOPED_TRACE(LayoutName(layout));
    SynthReport r = testing::DistinctValues(tmpl, 13);
    r.SetMoneyUnit(MoneyUnit::kNowhere);
    ASSERT_EQ(r.money.size(), 1u);
    const std::string money = *r.money.begin();
    ReportRecord rec = RenderAndProcess(r, layout, {});
    ExpectCellsExact(r, rec, {money});
    auto amb = FindingsOfKind(rec, "ambiguous_unit");
    ASSERT_EQ(amb.size(), 1u);
    EXPECT_EQ(amb[0]->table + "." + amb[0]->row + "." + amb[0]->col, money);
  }
}

// Tab exports print the unit in the money column's header (采购总金额（单位：万元）, as
// huaian_szf_2024.tsv.txt does) and pad rows with empty fields: a blank cell in the money row
// must still be placed by the header's field positions.
TEST_P(SyntheticEdition, MoneyHeaderWithUnitNotePlacesBlankCells) {
  const Template& tmpl = Edition(GetParam());
  SynthReport r = testing::DistinctValues(tmpl, 17);
  r.SetMoneyUnit(MoneyUnit::kInHeader);
  const std::string money = *r.money.begin();  // "t2.<row>.amount_wan"
  const std::string row_code = money.substr(3, money.find('.', 3) - 3);
  const RowSpec* row = tmpl.FindTable("t2")->FindRow(row_code);
  r.Set(CellKey("t2", row_code, row->cols.front()), "");  // 2019: 采购项目数量; 2021: the amount
  ReportRecord rec = RenderAndProcess(r, Layout::kFields, {});
  ExpectCellsExact(r, rec);
  ExpectNoErrors(rec);
}

INSTANTIATE_TEST_SUITE_P(Synthetic, SyntheticEdition, ::testing::Values(2019, 2021),
                         [](const ::testing::TestParamInfo<int>& i) {
                           return "e" + std::to_string(i.param);
                         });

}  // namespace
}  // namespace gongkai
