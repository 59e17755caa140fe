// FileList (pipeline/file_list.h): keys in byte order, each once, with their own size and time,
// whatever order they were added in; front-coded when added in order; random access, Find and
// the cursor agree at and around the 32-entry block boundaries.
#include "pipeline/file_list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace gongkai {
namespace {

std::string Key(int i) {  // like a generated corpus: /archive/reports/NNN/rNNNNNNN.txt
  char buf[64];
  std::snprintf(buf, sizeof buf, "/archive/reports/%03d/r%07d.txt", i / 1000, i);
  return buf;
}

TEST(FileList, SortedByKeyBytesEachKeyOnceWithItsOwnSizeAndTime) {
  FileList files;
  files.Add("/r/b.txt", 2, 20);
  files.Add("/r/a.txt", 1, 10);
  files.Add("/r/报告.txt", 3, 30);  // a UTF-8 key sorts after ASCII, byte-wise
  files.Add("/r/a.txt", 1, 10);     // reached twice (a symlinked folder)
  for (int i = 0; i < 20000; ++i)   // more keys than one 1 MiB chunk holds unencoded
    files.Add("/r/deep/" + std::string(60, 'd') + std::to_string(100000 + i), 7, i);
  files.SortUnique();
  ASSERT_EQ(files.size(), 20003u);
  EXPECT_EQ(files.Path(0), "/r/a.txt");
  EXPECT_EQ(files.Path(1), "/r/b.txt");
  EXPECT_EQ(files.At(1).size, 2u);
  EXPECT_EQ(files.At(1).mtime_ns, 20);
  EXPECT_EQ(files.Path(2), "/r/deep/" + std::string(60, 'd') + "100000");
  EXPECT_EQ(files.At(20001).mtime_ns, 19999);
  EXPECT_EQ(files.Path(20002), "/r/报告.txt");
  EXPECT_EQ(files.Find("/r/b.txt"), 1u);
  EXPECT_EQ(files.Find("/r/c.txt"), files.size());
  EXPECT_EQ(files.At(20002).size, 3u);
  EXPECT_EQ(files.held_aside(), 20002u);  // all after /r/报告.txt, and /r/a.txt twice
}

TEST(FileList, KeysAddedInOrderAreFrontCodedAtAFewBytesEach) {
  FileList files;
  const std::int64_t t0 = 1764600000123456789;  // 2025-12-01, in ns
  for (int i = 0; i < 10000; ++i)
    files.Add(Key(i), 3000 + i % 500, t0 + std::int64_t{1000003} * i);
  files.SortUnique();
  ASSERT_EQ(files.size(), 10000u);
  EXPECT_EQ(files.held_aside(), 0u);
  // 36-byte keys: per file ~5 bytes of key, 2 of size, 4 of mtime difference, 2 of lengths.
  EXPECT_LT(files.encoded_bytes(), 15u * 10000);
  std::size_t n = 0;
  for (FileList::Cursor c(files); c.Next(); ++n) {
    ASSERT_EQ(c.index(), n);
    ASSERT_EQ(c.path(), Key(static_cast<int>(n)));
    ASSERT_EQ(c.size(), 3000u + n % 500);
    ASSERT_EQ(c.mtime_ns(), t0 + 1000003 * static_cast<std::int64_t>(n));
  }
  EXPECT_EQ(n, 10000u);
}

TEST(FileList, RandomAccessFindAndACursorFromAnyEntryAgreeAroundBlockBoundaries) {
  FileList files;
  for (int i = 0; i < 200; i += 2) files.Add(Key(i), i, -i);
  files.SortUnique();
  ASSERT_EQ(files.size(), 100u);
  for (std::size_t i = 0; i < 100; ++i) {
    const SourceFile f = files.At(i);
    EXPECT_EQ(f.path, Key(2 * static_cast<int>(i)));
    EXPECT_EQ(f.size, 2 * i);
    EXPECT_EQ(f.mtime_ns, -2 * static_cast<std::int64_t>(i));
    EXPECT_EQ(files.Find(Key(2 * static_cast<int>(i))), i);
    EXPECT_EQ(files.Find(Key(2 * static_cast<int>(i) + 1)), files.size());  // between two keys
    FileList::Cursor c(files, i);
    ASSERT_TRUE(c.Next());
    EXPECT_EQ(c.index(), i);
    EXPECT_EQ(c.path(), f.path);
    if (i + 1 < 100) {
      ASSERT_TRUE(c.Next());
      EXPECT_EQ(c.path(), Key(2 * static_cast<int>(i) + 2));
    } else {
      EXPECT_FALSE(c.Next());
    }
  }
  EXPECT_EQ(files.Find(""), files.size());
  EXPECT_EQ(files.Find("/archive/reports/000/r0000000.tx"), files.size());
  EXPECT_EQ(files.Find("/zzz"), files.size());
  FileList empty;
  empty.SortUnique();
  EXPECT_FALSE(FileList::Cursor(empty).Next());
  EXPECT_EQ(empty.Find("/a"), 0u);
}

TEST(FileList, ExtremeTimesAndSizesRoundTrip) {
  FileList files;
  const std::int64_t lo = std::numeric_limits<std::int64_t>::min();
  const std::int64_t hi = std::numeric_limits<std::int64_t>::max();
  const std::uint64_t big = std::numeric_limits<std::uint64_t>::max();
  files.Add("/a", 0, hi);
  files.Add("/b", big, lo);  // the difference wraps around
  files.Add("/c", 1, -1);
  files.Add("/d", 2, hi);
  files.SortUnique();
  EXPECT_EQ(files.At(0).mtime_ns, hi);
  EXPECT_EQ(files.At(1).mtime_ns, lo);
  EXPECT_EQ(files.At(1).size, big);
  EXPECT_EQ(files.At(2).mtime_ns, -1);
  EXPECT_EQ(files.At(3).mtime_ns, hi);
}

TEST(FileList, OutOfOrderKeysAndRepeatsAcrossBothPartsAreMergedOnce) {
  FileList files;
  for (int i = 0; i < 100; i += 2) files.Add(Key(i), 1, i);    // in order
  for (int i = 99; i >= 0; i -= 3) files.Add(Key(i), 2, i);    // out of order, some repeats
  files.SortUnique();
  std::vector<std::string> want;
  for (int i = 0; i < 100; ++i)
    if (i % 2 == 0 || i % 3 == 0) want.push_back(Key(i));
  std::vector<std::string> got;
  for (FileList::Cursor c(files); c.Next();) got.push_back(c.path());
  EXPECT_EQ(got, want);
  EXPECT_EQ(files.At(files.Find(Key(3))).size, 2u);  // only added out of order
  EXPECT_EQ(files.At(files.Find(Key(4))).size, 1u);
}

TEST(FileList, TooLongAKeyAndAddingAfterSortingAreRefused) {
  FileList files;
  EXPECT_THROW(files.Add("/" + std::string(70000, 'x'), 1, 1), DiscoverError);
  files.Add("/a", 1, 1);
  files.SortUnique();
  EXPECT_THROW(files.Add("/b", 1, 1), std::logic_error);
}

}  // namespace
}  // namespace gongkai
