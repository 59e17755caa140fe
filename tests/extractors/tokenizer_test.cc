#include "extractors/tokenizer.h"

#include <gtest/gtest.h>

#include <deque>

namespace gongkai {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto nl = text.find('\n', start);
    out.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

// Tokens are views into the lines and the store: both are kept for the whole test program.
struct Tokenized {
  Lines lines;
  TokenStore store;
};

std::vector<Segment> Tok(const std::string& text) {
  static std::deque<Tokenized> kept;
  Tokenized& t = kept.emplace_back();
  t.lines = Lines(SplitLines(text));
  return Tokenize(t.lines, 0, static_cast<int>(t.lines.size()), &t.store);
}

TEST(Tokenizer, CellsLayoutJoinsWrappedTextAndKeepsEmptyCells) {
  auto segs = Tok("\t三\n、\n本年\n\t（一）予以公开\n\t258\n\t\n\t12\n\n\t规章\n\t1");
  ASSERT_EQ(segs.size(), 2u);
  EXPECT_EQ(segs[0].layout, Layout::kCells);
  ASSERT_EQ(segs[0].labels.size(), 2u);
  EXPECT_EQ(segs[0].labels[0].text, "三、本年");
  ASSERT_EQ(segs[0].values.size(), 3u);
  EXPECT_EQ(segs[0].values[0].text, "258");
  EXPECT_TRUE(segs[0].values[1].IsBlank());
  EXPECT_EQ(segs[0].values[2].line, 7);
  EXPECT_EQ(segs[1].labels[0].text, "规章");
}

TEST(Tokenizer, FieldsLayoutKeepsFieldIndices) {
  auto segs = Tok("规章\t13\t13\t\t524");
  ASSERT_EQ(segs.size(), 1u);
  EXPECT_EQ(segs[0].layout, Layout::kFields);
  ASSERT_EQ(segs[0].values.size(), 4u);
  EXPECT_EQ(segs[0].values[3].field, 4);
  EXPECT_EQ(segs[0].values[3].text, "524");
}

TEST(Tokenizer, WordsLayoutDropsPageNumbersAndKeepsInLabelNumbersAsText) {
  auto segs = Tok("行政许可 447228\n-3-\n- 4 -\n第 5 页\n本年收费金额（单位：万元，保留 4 位小数）\n5.要求 1 0 0");
  ASSERT_EQ(segs.size(), 3u);
  EXPECT_EQ(segs[0].values.size(), 1u);
  EXPECT_EQ(segs[1].values.size(), 0u);
  EXPECT_EQ(segs[1].labels.size(), 3u);  // "4" folded into the label
  EXPECT_EQ(segs[2].labels[0].text, "5.要求");
  EXPECT_EQ(segs[2].values.size(), 3u);
}

TEST(Tokenizer, CellsLayoutNeverJoinsNumbersAcrossLines) {
  // "3" then a stray line "4" is not 34: the stray line is a cell of its own.
  auto segs = Tok("\t规章\n\t3\n4\n\t5\n\t18.26\n万元");
  ASSERT_EQ(segs.size(), 1u);
  ASSERT_EQ(segs[0].values.size(), 4u);
  EXPECT_EQ(segs[0].values[0].text, "3");
  EXPECT_EQ(segs[0].values[1].text, "4");
  EXPECT_EQ(segs[0].values[1].line, 3);
  EXPECT_EQ(segs[0].values[2].text, "5");
  EXPECT_EQ(segs[0].values[3].text, "18.26万元");  // a unit on the next line is the number's
}

TEST(Tokenizer, EightyThousandContinuationLinesAreOneCell) {
  // Linear, not quadratic: the cell is classified once (correctness shows it was joined).
  std::vector<std::string> lines = {"\t规章"};
  for (int i = 0; i < 80000; ++i) lines.push_back("续");
  lines.push_back("\t7");
  const Lines text(lines);
  TokenStore store;
  auto segs = Tokenize(text, 0, static_cast<int>(text.size()), &store);
  ASSERT_EQ(segs.size(), 1u);
  ASSERT_EQ(segs[0].labels.size(), 1u);
  EXPECT_EQ(segs[0].labels[0].text.size(), std::string("规章").size() + 80000 * 3);
  ASSERT_EQ(segs[0].values.size(), 1u);
  EXPECT_EQ(segs[0].values[0].text, "7");
}

TEST(Tokenizer, PageNumbersOfEveryShapeAreDroppedAndNothingElse) {
  // Page furniture: framed by -, — or –, 第…页, or n/m; spaces inside ignored.
  auto segs = Tok("规章 1\n—7—\n– 8 –\n3 / 12\n第 9 页\n10\n-\n—7–\n3/\n第页\n1/2/3");
  // Each words line is a row of its own: the page numbers leave no row.
  ASSERT_EQ(segs.size(), 7u);
  EXPECT_EQ(segs[0].values[0].text, "1");
  EXPECT_EQ(segs[1].values[0].text, "10");
  EXPECT_EQ(segs[1].line, 6);
  EXPECT_EQ(segs[2].values[0].cell.kind, CellText::Kind::kNotApplicable);
  const char* texts[] = {"—7–", "3/", "第页", "1/2/3"};
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(segs[3 + i].labels.size(), 1u) << i;
    EXPECT_EQ(segs[3 + i].labels[0].text, texts[i]);
    EXPECT_EQ(segs[3 + i].line, 8 + i);
  }
}

TEST(Tokenizer, SegmentsLieOneAfterAnotherLabelsBeforeValues) {
  // Blank cells before a label are dropped; every segment's values end where the next begins.
  auto segs = Tok("\t\n\t规章\n\t1\n\t\n\t2\n\n\t规范性文件\n\t3\n\n| 许可 | 4 | |\n行政 5 6");
  ASSERT_EQ(segs.size(), 4u);
  EXPECT_EQ(segs[0].labels[0].text, "规章");
  EXPECT_EQ(segs[0].labels.begin(), segs[0].labels.end() - 1);
  ASSERT_EQ(segs[0].values.size(), 3u);
  EXPECT_TRUE(segs[0].values[1].IsBlank());
  EXPECT_EQ(segs[0].values[2].line, 5);
  for (std::size_t i = 0; i < segs.size(); ++i) {
    EXPECT_EQ(segs[i].labels.end(), segs[i].values.begin()) << i;
    if (i + 1 < segs.size()) {
      EXPECT_EQ(segs[i].values.end(), segs[i + 1].labels.begin()) << i;
    }
  }
  EXPECT_EQ(segs[2].layout, Layout::kMarkdown);
  ASSERT_EQ(segs[2].values.size(), 2u);
  EXPECT_EQ(segs[2].values[1].field, 2);
  EXPECT_EQ(segs[3].values[1].text, "6");
}

}  // namespace
}  // namespace gongkai
