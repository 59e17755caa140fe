#include "pipeline/read_file.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

TEST(ReadWholeFile, ReturnsEveryByteAsWritten) {
  testing::TempDir dir;
  std::string bytes("报告\0\r\n\xFF", 10);
  bytes += std::string(70000, 'x');  // more than one read's worth on some systems
  testing::WriteFile(dir / "a.txt", bytes);
  std::string out = "stale";
  ASSERT_TRUE(ReadWholeFile(dir / "a.txt", &out));
  EXPECT_EQ(out.size(), 70010u);
  EXPECT_EQ(out, bytes);
}

TEST(ReadWholeFile, AnEmptyFileIsReadAsEmpty) {
  testing::TempDir dir;
  testing::WriteFile(dir / "empty.txt", "");
  std::string out = "stale";
  EXPECT_TRUE(ReadWholeFile(dir / "empty.txt", &out));
  EXPECT_EQ(out, "");
}

TEST(ReadWholeFile, AMissingFileOrAFolderIsNotRead) {
  testing::TempDir dir;
  std::string out = "stale";
  EXPECT_FALSE(ReadWholeFile(dir / "missing.txt", &out));
  EXPECT_EQ(out, "");
  EXPECT_FALSE(ReadWholeFile(dir.path(), &out));
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace gongkai
