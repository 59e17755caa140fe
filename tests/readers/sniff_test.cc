// Formats are told by their first bytes, not their names.
#include "readers/sniff.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

TEST(Sniff, FormatsByTheirFirstBytes) {
  EXPECT_EQ(Sniff("\xEF\xBB\xBF  <!DOCTYPE html><html></html>"), Format::kHtml);
  EXPECT_EQ(Sniff("<div class=\"a\">x</div>"), Format::kHtml);
  EXPECT_EQ(Sniff("<某单位>2023年度报告\n一、总体情况"), Format::kText);
  EXPECT_EQ(Sniff("某单位2023年度政府信息公开工作年度报告 <p>"), Format::kText);
  EXPECT_EQ(Sniff("%PDF-1.7\n%\xE2\xE3\xCF\xD3"), Format::kPdf);
  EXPECT_EQ(Sniff(std::string("PK\x03\x04\x14\x00", 6) + "word/document.xml"), Format::kDocx);
  EXPECT_EQ(Sniff(std::string("PK\x03\x04\x14\x00", 6) + "xl/workbook.xml"), Format::kText);
  EXPECT_EQ(Sniff("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), Format::kLegacy);
}

TEST(Sniff, DiscoveryTakesOnlyDocumentsNotAnyZipOrOleFile) {
  EXPECT_TRUE(LooksLikeReportFile("<html><body><p>x</p></body></html>"));
  EXPECT_TRUE(LooksLikeReportFile("%PDF-1.4\n"));
  EXPECT_TRUE(LooksLikeReportFile(std::string("PK\x03\x04", 4) + "....word/document.xml"));
  EXPECT_FALSE(LooksLikeReportFile(std::string("PK\x03\x04", 4) + "....xl/workbook.xml"));
  EXPECT_FALSE(LooksLikeReportFile("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"));
  EXPECT_FALSE(LooksLikeReportFile("# notes\n"));
}

}  // namespace
}  // namespace gongkai
