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

}  // namespace
}  // namespace gongkai
