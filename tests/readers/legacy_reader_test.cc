// Old .doc/.wps files: converted by LibreOffice when it is installed (then cell-exact), else a
// failure that names what is missing.
#include "readers/legacy_reader.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

std::string Generated(const std::string& name) {
  return testing::ReadFileOrDie(testing::FixturePath("generated/" + name));
}

TEST(LegacyDoc, WithoutLibreOfficeTheFailureNamesWhatIsMissing) {
  ReadResult r = ReadLegacyDoc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "/nonexistent/soffice");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_kind, "converter_missing");
  EXPECT_NE(r.error_message.find("LibreOffice"), std::string::npos);
}

TEST(LegacyDoc, AnOldWordFileIsConvertedByLibreOfficeAndCellExact) {
  const std::string doc = Generated("pingtan_2023.doc");
  if (FindInPath("soffice").empty()) {
    auto result = testing::ProcessText(doc, "pingtan_2023.doc");
    ASSERT_FALSE(result.ok);
    EXPECT_EQ(result.failure.error_kind, "converter_missing");
    return;
  }
  auto result = testing::ProcessText(doc, "pingtan_2023.doc");
  ASSERT_TRUE(result.ok) << result.failure.error_kind << ": " << result.failure.message;
  EXPECT_EQ(result.record.encoding, "DOC");
  EXPECT_EQ(testing::AsExpected(result.record.cells), testing::ReadExpected("pingtan_2023"));
}

}  // namespace
}  // namespace gongkai
