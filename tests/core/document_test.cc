// The document model: spans resolved into the grid at exact positions, and the rendering the
// tokenizer reads (one row per line, every grid cell a tab-separated field).
#include "core/document.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

using Grid = std::vector<std::vector<std::string>>;

TEST(DocumentTableBuilder, RowAndColumnSpansLeaveCoveredPositionsEmpty) {
  TableBuilder b;
  b.StartRow();
  b.AddCell("三、本年度办理结果", 1, 3);
  b.AddCell("（一）予以公开", 2);
  b.AddCell("22");
  b.StartRow();
  b.AddCell("（三）不予公开", 1, 2);
  b.AddCell("1.属于国家秘密");
  b.AddCell("0");
  b.StartRow();
  b.AddCell("2.其他");
  b.AddCell("7");
  DocTable t = b.Finish();
  EXPECT_EQ(t.grid, (Grid{{"三、本年度办理结果", "（一）予以公开", "", "22"},
                          {"", "（三）不予公开", "1.属于国家秘密", "0"},
                          {"", "", "2.其他", "7"}}));
}

TEST(DocumentTableBuilder, RaggedRowsArePaddedAndSpansPastTheEndDropped) {
  TableBuilder b;
  b.StartRow();
  b.AddCell(" a\xC2\xA0", 1, 5);  // NBSP trimmed; rowspan past the last row
  b.AddCell("b");
  b.AddCell("c");
  b.StartRow();
  b.AddCell("\xE3\x80\x80" "d");  // U+3000 trimmed
  DocTable t = b.Finish();
  EXPECT_EQ(t.grid, (Grid{{"a", "b", "c"}, {"", "d", ""}}));
}

TEST(DocumentRender, ParagraphsAndRowsWithEveryCellAField) {
  Document d;
  d.AddParagraph("  标题\n第二行 ");
  d.AddParagraph(" \xE3\x80\x80 ");  // nothing visible: dropped
  d.AddTable(DocTable{Grid{{"信息内容", "本年新制作数量", ""}, {"规章\n（件）", "", "3"}}});
  d.AddTable(DocTable{Grid{{"", ""}}});  // no text: dropped
  d.AddTable(DocTable{Grid{{"单列"}}});
  d.AddParagraph("五、存在的\t主要问题");
  EXPECT_EQ(Render(d), (std::vector<std::string>{"标题", "第二行", "", "信息内容\t本年新制作数量\t",
                                                 "规章 （件）\t\t3", "", "单列\t", "",
                                                 "五、存在的 主要问题"}));
}

}  // namespace
}  // namespace gongkai
