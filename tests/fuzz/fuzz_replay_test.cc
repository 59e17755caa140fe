// The fuzz target's function on its seed corpus and on deterministic mutations of it (cut,
// byte flips, spliced lines): no crash, no broken invariant. The open-ended run is
// scripts/fuzz.sh; inputs it once crashed on are kept in tests/fixtures/fuzz_regressions.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "readers/sniff.h"
#include "tests/fuzz/fuzz_report.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

TEST(FuzzReplay, SeedCorpusAndMutations) {
  std::vector<std::string> corpus;
  for (const char* dir : {"seeds", "real", "originals", "generated", "fuzz_regressions"})
    for (const auto& e : std::filesystem::directory_iterator(testing::FixturePath(dir)))
      corpus.push_back(testing::ReadFileOrDie(e.path().string()));
  std::mt19937 rng(20261123);
  int runs = 0, expected_runs = 0;
  for (const auto& seed : corpus) {
    // Text and HTML: 40 mutations; PDF, DOCX, DOC (slower to parse): 12.
    const int mutations = Sniff(seed) == Format::kText || Sniff(seed) == Format::kHtml ? 40 : 12;
    expected_runs += 1 + mutations;
    auto run = [&](const std::string& s) {
      fuzz::FuzzReport(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
      ++runs;
    };
    run(seed);
    for (int m = 0; m < mutations; ++m) {
      std::string s = seed;
      std::uniform_int_distribution<std::size_t> pos(0, s.size() - 1);
      switch (m % 4) {
        case 0: s.resize(pos(rng)); break;                                  // truncated
        case 1: for (int k = 0; k < 8; ++k) s[pos(rng)] ^= 1 << (k % 8); break;  // bit flips
        case 2: s.insert(pos(rng), seed.substr(pos(rng), 200)); break;      // spliced text
        case 3: for (int k = 0; k < 20; ++k) s[pos(rng)] = "\t\n 0123456789./-"[k % 15]; break;
      }
      run(s);
    }
  }
  EXPECT_EQ(runs, expected_runs);
}

}  // namespace
}  // namespace gongkai
