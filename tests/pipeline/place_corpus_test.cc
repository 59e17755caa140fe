// Every row of the corpus's expected placements (tests/fixtures/expected/places.csv, a copy of
// ../shared/corpus/expected/places.csv), for every layout the report is kept in.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "pipeline/runner.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {
namespace fs = std::filesystem;

struct Expected {
  std::string file, unit, division, county, prefecture, province;
};

std::vector<Expected> Places() {
  std::vector<Expected> out;
  std::istringstream in(testing::ReadFileOrDie(testing::FixturePath("expected/places.csv")));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string c; std::getline(cells, c, ',');) f.push_back(c);
    if (f.size() >= 6) out.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return out;
}

// seeds/<file>.txt and real/<file>.<layout>.txt
std::vector<std::string> Layouts(const std::string& file) {
  std::vector<std::string> out;
  for (const char* dir : {"seeds", "real"})
    for (const auto& e : fs::directory_iterator(testing::FixturePath(dir))) {
      std::string name = e.path().filename().string();
      if (name.rfind(file + ".", 0) == 0) out.push_back(e.path().string());
    }
  return out;
}

TEST(PlaceCorpus, EveryExpectedPlacementInEveryLayout) {
  auto places = Places();
  ASSERT_EQ(places.size(), 8u);
  int checked = 0;
  for (const auto& want : places) {
    auto files = Layouts(want.file);
    EXPECT_FALSE(files.empty()) << want.file;
    for (const auto& path : files) {
      auto r = testing::ProcessText(testing::ReadFileOrDie(path));
      ASSERT_TRUE(r.ok) << path;
      const Identity& id = r.record.identity;
      EXPECT_EQ(id.unit, want.unit) << path;
      EXPECT_EQ((std::vector<std::string>{id.division_code, id.county_code, id.prefecture_code,
                                          id.province_code}),
                (std::vector<std::string>{want.division, want.county, want.prefecture,
                                          want.province}))
          << path;
      EXPECT_NE(id.placed_by, "unplaced") << path;
      for (const auto& f : r.record.findings)
        EXPECT_TRUE(f.kind != "division_ambiguous" && f.kind != "division_unknown") << path;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 11);  // 5 seeds + 3 real reports in 2 layouts each
}

TEST(PlaceCorpus, HowEachIsPlaced) {
  auto kind_and_how = [](const char* rel) {
    auto r = testing::ProcessText(testing::ReadFileOrDie(testing::FixturePath(rel)));
    return std::vector<std::string>{r.record.identity.unit_kind, r.record.identity.placed_by};
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(kind_and_how("seeds/000_0f2f3fa0c9be7e04.txt"), (V{"government", "title"}));
  EXPECT_EQ(kind_and_how("seeds/002_7da94f88d5ce056c.txt"), (V{"government", "title"}));
  EXPECT_EQ(kind_and_how("seeds/004_7e630d27dccc3614.txt"), (V{"government", "text"}));
  EXPECT_EQ(kind_and_how("real/sh_bgt_2019.tika.txt"), (V{"department", "title"}));
  EXPECT_EQ(kind_and_how("real/pingtan_2023.tsv.txt"), (V{"other", "alias"}));
  EXPECT_EQ(kind_and_how("real/huaian_szf_2024.pdf.txt"), (V{"government", "title"}));
}

}  // namespace
}  // namespace gongkai
