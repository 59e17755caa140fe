#include "extractors/value_lines.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

struct Joined {
  Lines lines;
  TokenStore store;
  std::vector<Segment> in, out;
  bool joined = false;
};

void Join(const std::string& table, const std::vector<std::string>& text, Joined* j) {
  j->lines = Lines(text);
  j->in = Tokenize(j->lines, 0, static_cast<int>(j->lines.size()), &j->store);
  j->joined = JoinWrappedValueLines(*testing::ProjectTemplate(2021).FindTable(table), j->in, &j->out);
}

TEST(ValueLines, ARunOfBareNumberLinesIsJoinedOnlyWhenItHoldsTheUnlabelledRow) {
  Joined j;  // table 四's unlabelled row: 15 values, wrapped 5 + 5 + 5 (page number between)
  Join("t4", {"72 64 178 37 351", "13 4 8 1 26", "-5-", "12 1 1 6 20"}, &j);
  ASSERT_TRUE(j.joined);
  ASSERT_EQ(j.out.size(), 1u);
  ASSERT_EQ(j.out[0].values.size(), 15u);
  EXPECT_EQ(j.out[0].values[0].text, "72");
  EXPECT_EQ(j.out[0].values[5].text, "13");
  EXPECT_EQ(j.out[0].values[14].text, "20");
  EXPECT_EQ(j.out[0].values[14].line, 4);

  Joined short_run;  // 14 values: nothing is joined, every line stays a segment of its own
  Join("t4", {"72 64 178 37 351", "13 4 8 1 26", "12 1 1 6"}, &short_run);
  ASSERT_TRUE(short_run.joined);
  ASSERT_EQ(short_run.out.size(), 3u);
  EXPECT_EQ(short_run.out[2].values.size(), 4u);
}

TEST(ValueLines, NothingToJoinLeavesTheInputAlone) {
  Joined one_line;  // a single bare line: nothing to join
  Join("t4", {"72 64 178 37 351 13 4 8 1 26 12 1 1 6 20"}, &one_line);
  EXPECT_FALSE(one_line.joined);
  EXPECT_TRUE(one_line.out.empty());
  Joined no_row;  // table 二 has no unlabelled row
  Join("t2", {"1 2 3", "4 5 6"}, &no_row);
  EXPECT_FALSE(no_row.joined);
}

}  // namespace
}  // namespace gongkai
