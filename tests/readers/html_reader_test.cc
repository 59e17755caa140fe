// The HTML reader: spans into the grid, line breaks and padding inside cells, page chrome
// ignored, layout tables opened, charsets (a GBK page comes back cell-exact).
#include "readers/html_reader.h"

#include <gtest/gtest.h>

#include "tests/support/document_parts.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

using testing::Grid;
using testing::Paragraphs;
using testing::Tables;

TEST(HtmlReader, SpansLineBreaksAndPaddingInCells) {
  ReadResult r = ReadHtml(
      "<html><body><table><tbody>"
      "<tr><td rowspan=\"2\">三、本年度<br>办理结果</td><td colspan=\"2\"><p>（一）</p><p>予以公开</p></td>"
      "<td>&nbsp;22&nbsp;</td></tr>"
      "<tr><td>1.属于国家秘密</td><td></td><td>\xE3\x80\x80" "0</td></tr>"
      "</tbody></table></body></html>");
  ASSERT_TRUE(r.ok) << r.error_kind << ": " << r.error_message;
  EXPECT_EQ(r.encoding, "HTML UTF-8");
  EXPECT_EQ(Tables(r.doc), (std::vector<Grid>{{{"三、本年度\n办理结果", "（一）\n予以公开", "", "22"},
                                               {"", "1.属于国家秘密", "", "0"}}}));
}

TEST(HtmlReader, ScriptsStylesAndPageChromeAreIgnored) {
  ReadResult r = ReadHtml(
      "<!DOCTYPE html><html><head><title>站点</title><style>p{}</style></head><body>"
      "<nav>首页 | 政务公开</nav><div class=\"breadcrumb\">当前位置</div>"
      "<div class=\"article\"><h1>某县2023年度报告</h1><script>var x='一、总体情况';</script>"
      "<p>一、总体情况</p><p style=\"display: none\">隐藏</p><p>正文<span>续</span>\n 文字</p></div>"
      "<footer>版权所有</footer><div id=\"footer-links\">链接</div></body></html>");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(Paragraphs(r.doc),
            (std::vector<std::string>{"某县2023年度报告", "一、总体情况", "正文续 文字"}));
}

TEST(HtmlReader, ALayoutTableIsOpenedAndItsInnerTableRead) {
  ReadResult r = ReadHtml(
      "<table><tr><td>左栏</td><td><p>标题</p>"
      "<table><tr><th>信息内容</th><th>数量</th></tr><tr><td>规章</td><td>3</td></tr></table>"
      "</td></tr></table>");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(Paragraphs(r.doc), (std::vector<std::string>{"左栏", "标题"}));
  EXPECT_EQ(Tables(r.doc), (std::vector<Grid>{{{"信息内容", "数量"}, {"规章", "3"}}}));
}

TEST(HtmlReader, CharsetFromMetaOrGb18030WhenUnlabelledAndNotUtf8) {
  const std::string body = "<p>平潭综合实验区</p>";
  ReadResult labelled = ReadHtml("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                                 "charset=gb2312\">" + testing::ToGb18030(body));
  ASSERT_TRUE(labelled.ok);
  EXPECT_EQ(labelled.encoding, "HTML GB18030");
  EXPECT_EQ(Paragraphs(labelled.doc), (std::vector<std::string>{"平潭综合实验区"}));
  ReadResult unlabelled = ReadHtml(testing::ToGb18030(body));
  ASSERT_TRUE(unlabelled.ok);
  EXPECT_EQ(unlabelled.encoding, "HTML GB18030");
  EXPECT_EQ(Paragraphs(unlabelled.doc), (std::vector<std::string>{"平潭综合实验区"}));
  ReadResult wrong =
      ReadHtml("<meta charset=\"utf-8\"><p>" + testing::ToGb18030("平潭综合实验区") + "</p>");
  EXPECT_FALSE(wrong.ok);
  EXPECT_EQ(wrong.error_kind, "invalid_encoding");
}

TEST(HtmlReader, AGbkPageComesBackCellExact) {
  std::string page = "<html><head><meta charset=\"GBK\"></head><body>" +
                     testing::ReadFileOrDie(testing::FixturePath("originals/pingtan_2023.html")) +
                     "</body></html>";
  auto result = testing::ProcessText(testing::ToGb18030(page), "pingtan_2023_gbk.html");
  ASSERT_TRUE(result.ok) << result.failure.error_kind << ": " << result.failure.message;
  EXPECT_EQ(result.record.encoding, "HTML GB18030");
  EXPECT_EQ(result.record.identity.unit, "平潭综合实验区");
  EXPECT_EQ(result.record.identity.year, 2023);
  auto expected = testing::ReadExpected("pingtan_2023");
  EXPECT_EQ(result.record.cells.size(), expected.size());
  EXPECT_EQ(testing::AsExpected(result.record.cells), expected);
}

TEST(HtmlReader, APageWithOnlyChromeIsEmpty) {
  ReadResult r = ReadHtml("<html><head><title>x</title></head><body><nav>菜单</nav></body></html>");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "empty");
}

}  // namespace
}  // namespace gongkai
