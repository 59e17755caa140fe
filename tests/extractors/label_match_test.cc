// MatchRow (extractors/label_match.h): the one-pass search that visits character starts only
// finds exactly what the search at every byte found, for every table of both editions, on every
// alias, on pairs of aliases, on aliases behind stray bytes and on every normalised line of the
// real and seed reports.
#include "extractors/label_match.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

// MatchRow before 2026-12-01: every byte position is a possible alias start.
RowMatch ReferenceMatchRow(const TableSpec& t, const std::string& evidence) {
  RowMatch m;
  std::size_t best_end = 0, best_len = 0;
  const std::size_t n = evidence.size();
  for (std::size_t pos = 0; pos + 1 < n; ++pos) {
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      for (const std::string& alias : t.rows[r].aliases) {
        if (alias.size() < 2 || alias.size() > n - pos ||
            evidence.compare(pos, alias.size(), alias) != 0)
          continue;
        std::size_t end = pos + alias.size();
        const int row = static_cast<int>(r);
        if (end > best_end || (end == best_end && alias.size() > best_len)) {
          m.row = row;
          m.ambiguous = false;
          best_end = end;
          best_len = alias.size();
        } else if (end == best_end && alias.size() == best_len && m.row != row) {
          m.ambiguous = true;
        }
      }
  }
  if (m.row < 0)
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      if (t.rows[i].unlabeled) m.row = static_cast<int>(i);
  return m;
}

void ExpectSame(const TableSpec& t, const std::string& evidence, std::size_t* matched) {
  const RowMatch got = MatchRow(t, evidence), want = ReferenceMatchRow(t, evidence);
  ASSERT_EQ(got.row, want.row) << t.code << ": " << evidence;
  ASSERT_EQ(got.ambiguous, want.ambiguous) << t.code << ": " << evidence;
  if (got.row >= 0 && !t.rows[static_cast<std::size_t>(got.row)].unlabeled) ++*matched;
}

TEST(MatchRow, FindsWhatASearchAtEveryByteFinds) {
  std::vector<std::string> lines;
  for (const char* dir : {"real", "seeds"})
    for (const auto& e : std::filesystem::directory_iterator(testing::FixturePath(dir))) {
      std::istringstream in(testing::ReadFileOrDie(e.path().string()));
      for (std::string line; std::getline(in, line);)
        if (line.size() < 400) lines.push_back(NormalizeLabel(line));
    }
  ASSERT_GT(lines.size(), 1000u);
  std::size_t matched = 0;
  for (int edition : {2019, 2021}) {
    for (const TableSpec& t : testing::ProjectTemplate(edition).tables) {
      std::vector<std::string> aliases;
      for (const auto& r : t.rows) aliases.insert(aliases.end(), r.aliases.begin(), r.aliases.end());
      for (const auto& a : aliases) {
        ExpectSame(t, a, &matched);
        ExpectSame(t, "1." + a, &matched);
        ExpectSame(t, "\x80" + a + "\xE4", &matched);  // a stray continuation byte, a cut lead byte
        ExpectSame(t, a.substr(1), &matched);           // starting inside a character
        for (const auto& b : aliases) ExpectSame(t, a + b, &matched);
      }
      for (const auto& line : lines) ExpectSame(t, line, &matched);
    }
  }
  EXPECT_GT(matched, 1000u);  // the comparison saw real matches, not only misses
}

}  // namespace
}  // namespace gongkai
