// The PDF reader: a generated PDF (table split over two pages, a running header on every page)
// comes back cell-exact; a scan is no_text_layer; a damaged cross-reference table is rebuilt
// by poppler when the objects are intact and a failure with its reason when they are not.
#include "readers/pdf_reader.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

std::string Generated(const std::string& name) {
  return testing::ReadFileOrDie(testing::FixturePath("generated/" + name));
}

void ExpectPingtanCells(const std::string& bytes, const std::string& name) {
  auto result = testing::ProcessText(bytes, name);
  ASSERT_TRUE(result.ok) << result.failure.error_kind << ": " << result.failure.message;
  EXPECT_EQ(result.record.encoding, "PDF");
  EXPECT_EQ(result.record.identity.unit, "平潭综合实验区");
  auto expected = testing::ReadExpected("pingtan_2023");
  EXPECT_EQ(result.record.cells.size(), expected.size());
  EXPECT_EQ(testing::AsExpected(result.record.cells), expected);
}

TEST(PdfReader, AGeneratedPdfWithATableOverTwoPagesComesBackCellExact) {
  ExpectPingtanCells(Generated("pingtan_2023.pdf"), "pingtan_2023.pdf");
}

TEST(PdfReader, RunningHeadersAndPageNumbersAreDropped) {
  ReadResult gen = ReadPdf(Generated("pingtan_2023.pdf"));
  ASSERT_TRUE(gen.ok);
  ReadResult huaian =
      ReadPdf(testing::ReadFileOrDie(testing::FixturePath("originals/huaian_szf_2024.pdf")));
  ASSERT_TRUE(huaian.ok);
  int header = 0, footer = 0, page_numbers = 0, rows = 0;
  for (const auto& b : gen.doc.blocks) {  // chromium's date + title, file URL + "2/6"
    header += b.text.find("平潭综合实验区政务公开专栏") != std::string::npos;
    footer += b.text.find("file://") != std::string::npos;
  }
  for (const auto& b : huaian.doc.blocks) {
    page_numbers += b.text == "-1-" || b.text == "-2-" || b.text == "- 1 -";
    rows += b.text.rfind("一、本年新收政府信息公开申请数量", 0) == 0;
  }
  EXPECT_EQ(header, 0);
  EXPECT_EQ(footer, 0);
  EXPECT_EQ(page_numbers, 0);
  EXPECT_EQ(rows, 1);
}

TEST(PdfReader, AScanWithoutTextLayerIsAFailureWithItsReason) {
  ReadResult r = ReadPdf(Generated("scanned.pdf"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "no_text_layer");
  auto result = testing::ProcessText(Generated("scanned.pdf"), "scanned.pdf");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.failure.error_kind, "no_text_layer");
}

TEST(PdfReader, ABrokenXrefWithIntactObjectsIsRebuiltAndReadExactly) {
  const std::string pdf = Generated("pingtan_2023.pdf");
  const std::size_t xref = pdf.rfind("\nxref\n");
  const std::size_t trailer = pdf.rfind("trailer");
  const std::size_t start = pdf.rfind("startxref");
  ASSERT_NE(xref, std::string::npos);
  ASSERT_NE(trailer, std::string::npos);
  ASSERT_NE(start, std::string::npos);
  // The table is garbage and startxref points past the end of the file.
  const std::string bytes = pdf.substr(0, xref) + "\nxref\n0 3\ngarbage\n" +
                            pdf.substr(trailer, start - trailer) + "startxref\n12345678\n%%EOF\n";
  ExpectPingtanCells(bytes, "broken_xref.pdf");
}

TEST(PdfReader, ABrokenXrefWithTheObjectsLostIsCorrupt) {
  const std::string bytes = Generated("pingtan_2023.pdf");
  ReadResult r = ReadPdf(bytes.substr(0, bytes.size() / 2));  // xref, trailer, catalog gone
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "corrupt_pdf");
  ReadResult garbage = ReadPdf("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nxref\nnonsense\n%%EOF");
  EXPECT_FALSE(garbage.ok);
  EXPECT_EQ(garbage.error_kind, "corrupt_pdf");
}

}  // namespace
}  // namespace gongkai
