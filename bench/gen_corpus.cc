// Writes a synthetic national-scale corpus: N reports, both editions, all three export layouts,
// mostly-zero values with some counts and 万元 amounts, unit names spread over counties, and a
// gazetteer (units.yaml) of real size, the same for every N. Deterministic from --seed.
// Usage: gongkai_gen_corpus --n N --out DIR [--seed S]
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

#include "config/config.h"
#include "tests/support/synth.h"

using namespace gongkai;
using testing::SynthReport;

namespace {

const char* kSyllables[] = {"东", "西", "南", "北", "安", "平", "宁", "兴", "昌", "乐", "河", "山",
                            "清", "水", "林", "泉", "新", "丰", "阳", "和", "永", "德", "华", "云",
                            "金", "石", "龙", "凤", "桥", "塘", "湖", "溪", "松", "柏", "白", "红"};
constexpr int kSyllableCount = sizeof(kSyllables) / sizeof(kSyllables[0]);

std::string Name(std::uint64_t k, int syllables) {
  std::string s;
  for (int i = 0; i < syllables; ++i) {
    s += kSyllables[k % kSyllableCount];
    k /= kSyllableCount;
  }
  return s;
}

// Mostly zeros; one report in four has activity: some application counts (kept consistent with
// the template's arithmetic by ConsistentValues) and a money amount.
SynthReport Values(const Template& tmpl, std::mt19937_64& rng) {
  SynthReport r;
  if (rng() % 4 == 0) {
    r = testing::ConsistentValues(tmpl, static_cast<unsigned>(rng()));
  } else {
    r = testing::ConsistentValues(tmpl, static_cast<unsigned>(rng()));
    for (auto& [key, raw] : r.raw) r.Set(key, "0");
    if (rng() % 3 == 0)
      for (const auto& key : r.money) r.Set(key, std::to_string(rng() % 100000 / 100.0).substr(0, 6));
  }
  r.SetMoneyUnit(rng() % 2 ? testing::MoneyUnit::kInCell : testing::MoneyUnit::kInHeader);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  long n = 1000;
  unsigned seed = 1;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--n")) n = std::atol(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed")) seed = static_cast<unsigned>(std::atol(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--out")) out = argv[i + 1];
  }
  if (out.empty()) {
    std::fprintf(stderr, "usage: gongkai_gen_corpus --n N --out DIR [--seed S]\n");
    return 2;
  }
  const auto templates = LoadTemplates(std::string(GONGKAI_SOURCE_DIR) + "/config/templates");
  std::filesystem::create_directories(out + "/reports");
  std::mt19937_64 rng(seed);
  // The gazetteer is the same whatever N (real size: China has 2,844 county-level divisions and
  // ~38,600 townships), so that runs at different N load the same reference data and memory
  // can be compared between them. The reports use the first `units` of its units (~2 reports
  // per unit, one per year), spread over the counties.
  constexpr long kCounties = 2844, kGazetteerUnits = 38600;
  const long units = std::min(kGazetteerUnits, std::max(1L, n / 2));
  const long counties = kCounties;
  std::ofstream gaz(out + "/units.yaml");
  gaz << "counties:\n";
  for (long c = 0; c < counties; ++c) {
    gaz << "  " << Name(c * 7919 + 17, 3) << "县: [";
    for (long u = c; u < kGazetteerUnits; u += counties)
      gaz << (u == c ? "" : ", ") << Name(u * 104729 + 3, 4) << (u % 3 ? "镇" : "乡");
    gaz << "]\n";
  }
  const Layout layouts[] = {Layout::kCells, Layout::kFields, Layout::kWords};
  std::uint64_t bytes = 0;
  for (long i = 0; i < n; ++i) {
    const long u = i % units;
    const int year = 2019 + static_cast<int>(i / units) % 6;
    const Template& tmpl = year >= 2021 ? templates.back() : templates.front();
    SynthReport r = Values(tmpl, rng);
    r.year = year;
    r.edition = tmpl.edition;
    const std::string unit = Name(u * 104729 + 3, 4) + (u % 3 ? "镇" : "乡");
    r.title_unit = (rng() % 5 == 0 ? Name((u % counties) * 7919 + 17, 3) + "县" : "") + unit;
    testing::RenderStyle style;
    style.wrap_labels = rng() % 2;
    style.stray_fields = rng() % 2;
    std::string text = testing::Render(tmpl, r, layouts[i % 3], style);
    char name[64];
    std::snprintf(name, sizeof name, "/reports/%03ld/r%07ld.txt", i / 1000, i);
    std::filesystem::create_directories(std::filesystem::path(out + name).parent_path());
    std::ofstream(out + name, std::ios::binary) << text;
    bytes += text.size();
  }
  std::printf("%ld reports of %ld units; gazetteer of %ld units in %ld counties; %.1f MB -> %s\n",
              n, units, kGazetteerUnits, counties, bytes / 1e6, out.c_str());
  return 0;
}
