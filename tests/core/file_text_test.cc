#include "core/file_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "core/divisions.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// Bytes of every value, longer than the 64 KiB piece, so that pieces end mid-file.
std::string Bytes(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + i / 7) & 0xff);
  return s;
}

TEST(FileText, ReadsEveryByteOfEmptySmallAndLargeFiles) {
  testing::TempDir dir;
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{65536}, std::size_t{200001}}) {
    const std::string want = Bytes(n), path = dir / ("f" + std::to_string(n));
    Write(path, want);
    std::string got = "left over";
    ASSERT_TRUE(ReadFileText(path, &got)) << n;
    EXPECT_EQ(got, want) << n;
    std::string pieces;
    std::size_t calls = 0, longest = 0;
    ASSERT_TRUE(ForEachFilePiece(path, [&](std::string_view p) {
      pieces.append(p);
      ++calls;
      longest = std::max(longest, p.size());
    }));
    EXPECT_EQ(pieces, want) << n;
    EXPECT_LE(longest, 65536u);
    if (n == 0) EXPECT_EQ(calls, 0u);
    if (n == 200001) EXPECT_GE(calls, 4u);
  }
}

TEST(FileText, AMissingFileOrAFolderIsFalseAndLeavesNothing) {
  testing::TempDir dir;
  std::string got = "left over";
  EXPECT_FALSE(ReadFileText(dir / "missing", &got));
  EXPECT_EQ(got, "");
  got = "left over";
  EXPECT_FALSE(ReadFileText(dir.path(), &got));
  EXPECT_EQ(got, "");
  int calls = 0;
  EXPECT_FALSE(ForEachFilePiece(dir / "missing", [&](std::string_view) { ++calls; }));
  EXPECT_FALSE(ForEachFilePiece(dir.path(), [&](std::string_view) { ++calls; }));
  EXPECT_EQ(calls, 0);
}

// The fingerprint hashes the division files piece by piece; Load() hashes the whole texts.
TEST(FileText, TheDivisionFingerprintEqualsWhatLoadGives) {
  const std::string vendored = testing::SourceDir() + "/data/divisions";
  const Divisions loaded = Divisions::Load(vendored);
  const Divisions::Fingerprint f = Divisions::ReadFingerprint(vendored);
  EXPECT_EQ(f.version, loaded.version());
  EXPECT_EQ(f.digest, loaded.digest());
  EXPECT_EQ(f.version, "2.7.0");

  testing::TempDir dir;  // a changed byte in the last file changes the digest
  for (const char* name : {"provinces.csv", "cities.csv", "areas.csv", "streets.csv", "VERSION"}) {
    std::string text;
    ASSERT_TRUE(ReadFileText(vendored + "/" + name, &text)) << name;
    if (std::string(name) == "streets.csv") text[text.size() - 2] ^= 1;
    Write(dir / name, text);
  }
  EXPECT_NE(Divisions::ReadFingerprint(dir.path()).digest, f.digest);
  std::remove((dir / "areas.csv").c_str());
  try {
    Divisions::ReadFingerprint(dir.path());
    FAIL() << "no error for a missing file";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read " + dir.path() + "/areas.csv");
  }
}

}  // namespace
}  // namespace gongkai
