#include "core/arena.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gongkai {
namespace {

TEST(Arena, PiecesComeBackByPositionAndViewAcrossManyChunks) {
  Arena arena(10);  // 1 KiB chunks
  std::vector<std::string> texts;
  std::vector<std::uint32_t> at;
  std::vector<std::string_view> views;
  for (int i = 0; i < 500; ++i) {
    texts.push_back("路径/" + std::to_string(i) + std::string(static_cast<std::size_t>(i % 37), 'x'));
    at.push_back(arena.Append(texts.back()));
    views.push_back(arena.View(at.back(), texts.back().size()));
  }
  EXPECT_GT(arena.chunk_count(), 10u);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(arena.View(at[i], texts[i].size()), texts[i]) << i;
    EXPECT_EQ(views[i], texts[i]) << i;  // earlier views did not move
    // A piece never spans two chunks: its offset plus its length stays within one.
    EXPECT_LE((at[i] & 1023u) + texts[i].size(), 1024u) << i;
  }
}

TEST(Arena, APieceLongerThanAChunkGetsAChunkOfItsOwnAndTheNextPieceANewOne) {
  Arena arena(10);
  const std::string small = "表三", big(3000, 'b');
  const auto a = arena.Append(small);
  const auto b = arena.Append(big);
  const auto c = arena.Append(small);
  EXPECT_EQ(arena.View(a, small.size()), small);
  EXPECT_EQ(arena.View(b, big.size()), big);
  EXPECT_EQ(arena.View(c, small.size()), small);
  EXPECT_EQ(b, 1u << 10);  // chunk 1, offset 0
  EXPECT_EQ(c, 2u << 10);  // chunk 2: nothing follows an oversized piece in its chunk
  EXPECT_EQ(arena.chunk_count(), 3u);
}

TEST(Arena, KeepOfNothingIsEmptyAndAllocatesNothing) {
  Arena arena;
  EXPECT_TRUE(arena.Keep("").empty());
  EXPECT_EQ(arena.chunk_count(), 0u);
  EXPECT_EQ(arena.Keep("本级"), "本级");
  EXPECT_EQ(arena.chunk_count(), 1u);
}

TEST(Arena, ClearReusesTheStandardChunksAndFreesOversizedOnes) {
  Arena arena(10);
  for (int i = 0; i < 100; ++i) arena.Keep(std::string(100, static_cast<char>('a' + i % 26)));
  arena.Keep(std::string(5000, 'z'));
  const std::size_t chunks = arena.chunk_count();
  ASSERT_GE(chunks, 11u);
  arena.Clear();
  EXPECT_EQ(arena.chunk_count(), chunks - 1);  // the oversized chunk is gone
  EXPECT_EQ(arena.Append("again"), 0u);         // filling the first kept chunk from its start
  for (int i = 0; i < 90; ++i) arena.Keep(std::string(100, 'q'));
  EXPECT_EQ(arena.chunk_count(), chunks - 1);  // no new chunk while kept ones are free
  const std::string big(2000, 'o');
  const auto at = arena.Append(big);  // longer than a chunk: put before the next kept one
  EXPECT_EQ(arena.View(at, big.size()), big);
  EXPECT_EQ(arena.chunk_count(), chunks);
}

}  // namespace
}  // namespace gongkai
