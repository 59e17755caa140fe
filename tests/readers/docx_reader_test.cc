// The DOCX reader: a generated Word report comes back cell-exact; merges, list numbering, line
// breaks, text boxes and revisions in hand-written document.xml; damaged archives are failures
// with their reasons.
#include "readers/docx_reader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include "readers/docx_numbering.h"
#include "tests/support/document_parts.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

using testing::Grid;
using testing::Paragraphs;
using testing::Tables;

// A zip archive with these entries, as bytes.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  testing::TempDir tmp;
  const std::string path = tmp / "a.zip";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  return testing::ReadFileOrDie(path);
}

const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                 "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
                 "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
                 "xmlns:v=\"urn:schemas-microsoft-com:vml\"";

std::string DocumentXml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW +
         "><w:body>" + body + "</w:body></w:document>";
}

std::string P(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t>" + text +
         "</w:t></w:r></w:p>";
}

std::string Generated(const std::string& name) {
  return testing::ReadFileOrDie(testing::FixturePath("generated/" + name));
}

TEST(DocxReader, AGeneratedWordReportComesBackCellExact) {
  auto result = testing::ProcessText(Generated("pingtan_2023.docx"), "pingtan_2023.docx");
  ASSERT_TRUE(result.ok) << result.failure.error_kind << ": " << result.failure.message;
  EXPECT_EQ(result.record.encoding, "DOCX");
  EXPECT_EQ(result.record.identity.unit, "平潭综合实验区");
  auto expected = testing::ReadExpected("pingtan_2023");
  EXPECT_EQ(result.record.cells.size(), expected.size());
  EXPECT_EQ(testing::AsExpected(result.record.cells), expected);
}

TEST(DocxReader, HeadingsNumberedByAWordListAreReadWithTheirNumbers) {
  // The generator typed "总体情况"; Word's list (chineseCounting, "%1、" / "（%2）") prints 一、.
  ReadResult r = ReadDocx(Generated("pingtan_2023.docx"));
  ASSERT_TRUE(r.ok);
  auto paras = Paragraphs(r.doc);
  for (const char* want : {"一、总体情况", "（一）主动公开方面", "（五）监督保障方面",
                           "二、主动公开政府信息情况", "六、其他需要报告的事项"})
    EXPECT_NE(std::find(paras.begin(), paras.end(), want), paras.end()) << want;
}

TEST(DocxReader, MergedCellsSpanTheGridAndLineBreaksStayInTheCell) {
  const std::string body =
      "<w:tbl><w:tr>"
      "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>三、本年度</w:t><w:br/>"
      "<w:t>办理结果</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + P("（一）予以公开") + "</w:tc>"
      "<w:tc>" + P("22") + "</w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
      "<w:tc>" + P("（三）不予公开") + "</w:tc><w:tc>" + P("1.属于国家秘密") + "</w:tc>"
      "<w:tc>" + P("0") + "</w:tc></w:tr>"
      "<w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr><w:tc>" + P("2.其他") + "</w:tc>"
      "<w:tc><w:p><w:del><w:r><w:delText>9</w:delText></w:r></w:del><w:r><w:t>7</w:t></w:r>"
      "</w:p></w:tc></w:tr></w:tbl>";
  ReadResult r = ReadDocx(Zip({{"word/document.xml", DocumentXml(body)}}));
  ASSERT_TRUE(r.ok) << r.error_kind << ": " << r.error_message;
  EXPECT_EQ(Tables(r.doc), (std::vector<Grid>{{{"三、本年度\n办理结果", "（一）予以公开", "", "22"},
                                               {"", "（三）不予公开", "1.属于国家秘密", "0"},
                                               {"", "", "2.其他", "7"}}}));
}

TEST(DocxReader, TextBoxesAreReadOnceAndNumberingComesFromStyles) {
  const std::string box = "<w:txbxContent>" + P("淮安市人民政府") + "</w:txbxContent>";
  const std::string body =
      "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box +
      "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" + box +
      "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>" +
      P("总体情况", "<w:pStyle w:val=\"H1\"/>") + P("正文") +
      P("主动公开", "<w:pStyle w:val=\"H1\"/>") +
      P("规章", "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr>");
  const std::string numbering =
      std::string("<w:numbering ") + kW + "><w:abstractNum w:abstractNumId=\"7\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>";
  const std::string styles =
      std::string("<w:styles ") + kW + "><w:style w:styleId=\"H0\"><w:pPr><w:numPr>"
      "<w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style><w:style w:styleId=\"H1\">"
      "<w:basedOn w:val=\"H0\"/></w:style></w:styles>";
  ReadResult r = ReadDocx(Zip({{"word/document.xml", DocumentXml(body)},
                               {"word/numbering.xml", numbering},
                               {"word/styles.xml", styles}}));
  ASSERT_TRUE(r.ok) << r.error_kind << ": " << r.error_message;
  EXPECT_EQ(Paragraphs(r.doc), (std::vector<std::string>{"淮安市人民政府", "一、总体情况", "正文",
                                                         "二、主动公开", "1.规章"}));
}

TEST(DocxReader, ChineseCountingAsWordPrintsIt) {
  EXPECT_EQ(ChineseCounting(1), "一");
  EXPECT_EQ(ChineseCounting(10), "十");
  EXPECT_EQ(ChineseCounting(12), "十二");
  EXPECT_EQ(ChineseCounting(20), "二十");
  EXPECT_EQ(ChineseCounting(105), "一百零五");
  EXPECT_EQ(ChineseCounting(110), "一百一十");
}

TEST(DocxReader, ATruncatedArchiveIsCorrupt) {
  const std::string bytes = Generated("pingtan_2023.docx");
  ReadResult r = ReadDocx(bytes.substr(0, bytes.size() / 2));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "corrupt_docx");
  EXPECT_NE(r.error_message.find("truncated or damaged"), std::string::npos) << r.error_message;
}

TEST(DocxReader, AZipWithoutAWordDocumentIsNotADocx) {
  ReadResult r = ReadDocx(Zip({{"xl/workbook.xml", "<workbook/>"}}));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "not_docx");
  ReadResult bad = ReadDocx(Zip({{"word/document.xml", "<w:document><w:body><w:p>"}}));
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.error_kind, "corrupt_docx");
}

}  // namespace
}  // namespace gongkai
