// The shared section index: exact section bounds on a small text, the same result as a one-off
// FindSections, one search per template (the cached result is the same object), and Extract /
// CheckNarrative giving the same output with and without the shared index on a seed report.
#include "extractors/sections.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "extractors/extractor.h"
#include "extractors/narrative.h"
#include "pipeline/decode.h"
#include "pipeline/identify.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

const Lines kText = {
    "一、总体情况",                              // 0
    "本年度共收到政府信息公开申请10件。",        // 1
    "二、主动公开政府信息情况",                  // 2
    "规章\t0\t0\t0",                             // 3
    "三、收到和处理政府信息公开申请情况",        // 4
    "本年新收\t10",                              // 5
    "四、政府信息公开行政复议、行政诉讼情况",    // 6
    "\t1",                                       // 7
    "五、存在的主要问题及改进情况",              // 8
    "无。"};                                     // 9

TEST(Sections, BoundsRunFromHeadingToNextHeadingAndTheEndHeading) {
  SectionIndex index(kText);
  const auto& s = index.Sections(testing::ProjectTemplate(2021));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].table->code, "t2");
  EXPECT_EQ(s[0].first, 3);
  EXPECT_EQ(s[0].last, 4);
  EXPECT_EQ(s[1].table->code, "t3");
  EXPECT_EQ(s[1].first, 5);
  EXPECT_EQ(s[1].last, 6);
  EXPECT_EQ(s[2].table->code, "t4");
  EXPECT_EQ(s[2].first, 7);
  EXPECT_EQ(s[2].last, 8);
  EXPECT_EQ(index.EndAfter(testing::ProjectTemplate(2021), 7), 8);
}

TEST(Sections, OneSearchPerTemplateAndTheSameAsAOneOffSearch) {
  SectionIndex index(kText);
  const Template& t19 = testing::ProjectTemplate(2019);
  const Template& t21 = testing::ProjectTemplate(2021);
  const auto* first = &index.Sections(t21);
  index.Sections(t19);  // another template's entry must not move the first one
  EXPECT_EQ(&index.Sections(t21), first);
  auto one_off = FindSections(kText, t21);
  ASSERT_EQ(one_off.size(), first->size());
  for (std::size_t i = 0; i < one_off.size(); ++i) {
    EXPECT_EQ(one_off[i].table, (*first)[i].table);
    EXPECT_EQ(one_off[i].first, (*first)[i].first);
    EXPECT_EQ(one_off[i].last, (*first)[i].last);
  }
}

TEST(Sections, SharedIndexGivesTheSameCellsFindingsAndRules) {
  const ExtractContext& ctx = testing::ProjectContext();
  int reports = 0;
  for (const auto& e : std::filesystem::directory_iterator(testing::FixturePath("seeds"))) {
    DecodeResult d = Decode(testing::ReadFileOrDie(e.path().string()));
    ASSERT_TRUE(d.ok) << e.path();
    SectionIndex index(d.lines);
    IdentifyResult id = Identify(d.lines, ctx.gazetteer.Get(), ctx.templates, &index);
    if (!id.ok) continue;
    ++reports;
    Extraction shared = Extract(d.lines, *id.tmpl, &index), alone = Extract(d.lines, *id.tmpl);
    ASSERT_EQ(shared.cells.size(), alone.cells.size()) << e.path();
    for (std::size_t i = 0; i < alone.cells.size(); ++i) {
      const Cell &a = shared.cells[i], &b = alone.cells[i];
      EXPECT_EQ(a.table() + a.row() + a.col() + a.raw, b.table() + b.row() + b.col() + b.raw) << e.path();
      EXPECT_EQ(a.value, b.value) << e.path();
    }
    ASSERT_EQ(shared.findings.size(), alone.findings.size()) << e.path();
    for (std::size_t i = 0; i < alone.findings.size(); ++i)
      EXPECT_EQ(shared.findings[i].kind, alone.findings[i].kind) << e.path();
    EXPECT_EQ(shared.end_heading_found, alone.end_heading_found) << e.path();
    std::vector<Finding> f1, f2;
    auto r1 = CheckNarrative(d.lines, *id.tmpl, alone.cells, &f1, &index);
    auto r2 = CheckNarrative(d.lines, *id.tmpl, alone.cells, &f2);
    ASSERT_EQ(r1.size(), r2.size()) << e.path();
    for (std::size_t i = 0; i < r1.size(); ++i)
      EXPECT_EQ(r1[i].rule_key() + r1[i].lhs_terms(), r2[i].rule_key() + r2[i].lhs_terms());
    EXPECT_EQ(f1.size(), f2.size()) << e.path();
  }
  EXPECT_GE(reports, 5);
}

TEST(Sections, LabelsAreEachLinesNormalisedTextInAnyOrderOfUse) {
  const Lines lines = {"一、总体情况", " 本年 新制作\t数量", "", "二、主动公开", "“三”、 合计", "五、其他"};
  SectionIndex index(lines);
  // Far lines first (built one by one), then the prefix through them, then single lines again.
  EXPECT_EQ(index.Label(4), "三.合计");
  EXPECT_EQ(index.Label(0), "一.总体情况");
  EXPECT_EQ(index.Labels(0, 3), "一.总体情况本年新制作数量");
  EXPECT_EQ(index.Labels(1, 5), "本年新制作数量二.主动公开三.合计");
  EXPECT_EQ(index.Label(4), "三.合计");
  EXPECT_EQ(index.Labels(2, 2), "");
  for (int i = 0; i < index.size(); ++i) EXPECT_EQ(index.Label(i), NormalizeLabel(lines[i])) << i;
  EXPECT_TRUE(index.LabelsContain(0, 3, "情况本年新制作数量"));  // across lines, as Labels
  EXPECT_FALSE(index.LabelsContain(0, 1, "情况本年"));
  EXPECT_TRUE(index.LabelsContain(3, 6, "主动公开三.合计五"));
  EXPECT_FALSE(index.LabelsContain(4, 4, "三"));
}

}  // namespace
}  // namespace gongkai
