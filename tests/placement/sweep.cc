// The placement sweep (issue 10): every county, prefecture and township of the national
// division data (data/divisions), named in the forms report titles use, placed with the
// project's gazetteer and no body text. Prints, per form, how many titles were placed exactly,
// refused (not placed, with a finding) and placed wrong; exits 1 when any title is placed wrong
// or a title whose chain settles the place is refused. A title settles its place when it names
// the full chain (province, prefecture, county, township) or a name no other division shares.
//
//   gongkai_place_sweep [--max-townships N]   (default: every township)
//   gongkai_place_sweep --unit UNIT [BODY-LINE]   (one title placed, for a look)
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "pipeline/place.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

struct Tally {
  int exact = 0, refused = 0, wrong = 0, refused_settled = 0;
  std::vector<std::string> examples;  // the first wrong / wrongly refused titles
};

// How many divisions this name can stand for, in any form (full, short, stem): a title naming
// only it settles the place when that is one.
int Sharing(const Divisions& d, const std::string& name) {
  const auto* hits = d.Lookup(name);
  return hits ? static_cast<int>(hits->size()) : 0;
}

class Sweep {
 public:
  explicit Sweep(const Gazetteer& g) : g_(g), d_(*g.divisions) {}

  // `settled`: the title names this division beyond doubt, so refusing it is a fault too.
  void Check(const std::string& form, const std::string& unit, const Division& want,
             const std::string& kind, bool settled, const std::vector<std::string>& text = {}) {
    Placement p = Place(unit, text, unit + "2023年政府信息公开工作年度报告", 1, g_);
    Tally& t = tallies_[form];
    if (p.placed_by == "unplaced") {
      ++t.refused;
      if (settled) {
        ++t.refused_settled;
        Note(t, "refused: " + unit + " (want " + want.code + ")");
      }
    } else if (p.division_code == want.code && p.unit_kind == kind) {
      ++t.exact;
    } else {
      ++t.wrong;
      Note(t, "wrong: " + unit + " -> " + p.division_code + " " + p.unit_kind + " (want " +
                  want.code + " " + kind + ")");
    }
  }

  int Print() const {
    std::printf("| title form | titles | placed exactly | refused | refused though settled | "
                "placed wrong |\n|---|---|---|---|---|---|\n");
    int faults = 0;
    for (const auto& [form, t] : tallies_) {
      std::printf("| %s | %d | %d | %d | %d | %d |\n", form.c_str(),
                  t.exact + t.refused + t.wrong, t.exact, t.refused, t.refused_settled, t.wrong);
      faults += t.wrong + t.refused_settled;
    }
    for (const auto& [form, t] : tallies_)
      for (const auto& e : t.examples) std::printf("  %s: %s\n", form.c_str(), e.c_str());
    return faults;
  }

 private:
  static void Note(Tally& t, const std::string& s) {
    if (t.examples.size() < 8) t.examples.push_back(s);
  }
  const Gazetteer& g_;
  const Divisions& d_;
  std::map<std::string, Tally> tallies_;
};

int Main(int argc, char** argv) {
  long max_townships = -1;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--max-townships") max_townships = std::atol(argv[i + 1]);
  const Gazetteer& g = testing::ProjectContext().gazetteer.Get();
  const Divisions& d = *g.divisions;
  if (argc >= 3 && std::string(argv[1]) == "--unit") {  // one title (and body line), explained
    std::vector<std::string> text;
    if (argc >= 4) text.push_back(argv[3]);
    Placement p = Place(argv[2], text, std::string(argv[2]) + "年度报告", 1, g);
    std::printf("%s %s %s %s\n", p.division_code.c_str(), p.unit_kind.c_str(),
                p.placed_by.c_str(), p.candidates.c_str());
    return 0;
  }
  Sweep sweep(g);
  long townships = 0;
  for (const Division& div : d.all()) {
    if (div.pseudo) continue;
    const Division* parent = d.Find(div.parent_code);
    // The chain above, pseudo-prefectures left out: 山东省潍坊市 for 昌乐县.
    std::string chain = parent ? d.FullName(*parent) : "";
    bool unique = Sharing(d, div.name) == 1;
    // 东莞市 is a prefecture and, in the data, also its own county: the title names the
    // prefecture, so the county-level record is not a place of its own.
    if (parent && parent->name == div.name) continue;
    switch (div.level) {
      case DivisionLevel::kProvince:
        sweep.Check("province government", div.name + "人民政府", div, "government", true);
        sweep.Check("province department", div.name + "人民政府办公厅", div, "department", true);
        break;
      case DivisionLevel::kPrefecture:
        sweep.Check("prefecture, full chain", chain + div.name + "人民政府", div, "government",
                    true);
        sweep.Check("prefecture, bare name", div.name + "人民政府", div, "government", unique);
        break;
      case DivisionLevel::kCounty:
        sweep.Check("county, full chain", chain + div.name + "人民政府", div, "government", true);
        sweep.Check("county, bare name", div.name + "人民政府", div, "government", unique);
        // Prefecture and county, the province left out (淮安市洪泽区人民政府), and the
        // prefecture in a short form people write (凉山州木里藏族自治县).
        if (parent && parent->level == DivisionLevel::kPrefecture && !parent->pseudo) {
          sweep.Check("county, prefecture + name", parent->name + div.name + "人民政府", div,
                      "government", true);
          const int pi = static_cast<int>(parent - d.all().data());
          for (const auto& [name, form] : d.NamesOf(pi))
            if (form == NameForm::kShort)
              sweep.Check("county, prefecture short form + name", name + div.name + "人民政府",
                          div, "government", true);
        }
        sweep.Check("county department, full chain", chain + div.name + "财政局", div,
                    "department", true);
        sweep.Check("county department, bare name", div.name + "财政局", div, "department",
                    unique);
        break;
      case DivisionLevel::kTownship:
        if (max_townships >= 0 && townships >= max_townships) break;
        ++townships;
        sweep.Check("township, full chain", chain + div.name + "人民政府", div, "government",
                    true);
        // County and township only (昌乐县红河镇), settled when no other township of that
        // county shares the name.
        if (parent) {
          sweep.Check("township, county + name", parent->name + div.name, div, "government",
                      false);
        }
        sweep.Check("township, bare name", div.name + "人民政府", div, "government", unique);
        {  // a short form (阿什里乡 for 阿什里哈萨克族乡) after its county's name
          const int ti = static_cast<int>(&div - d.all().data());
          for (const auto& [name, form] : d.NamesOf(ti))
            if (form == NameForm::kShort && parent)
              sweep.Check("township, county + short form", parent->name + name + "人民政府", div,
                          "government", false);
        }
        // A shared name, its county named in the body (后河镇 ... 卫辉市): settled when no other
        // division of that name lies in a county of that name.
        // (Not when the county's name holds the township's: blanked out with it, it is no
        // evidence — 河北衡水高新技术产业开发区 and its 高新技术产业开发区.)
        if (parent && !unique && parent->name.find(div.name) == std::string::npos) {
          int same = 0;
          for (const auto& h : *d.Lookup(div.name)) {
            const Division* c = d.Find(d.CountyOf(d.all()[h.index]));
            same += c && c->name == parent->name;
          }
          sweep.Check("township, shared name + county in text", div.name + "人民政府", div,
                      "government", same == 1,
                      {"本镇隶属" + parent->name + "，现将年度报告公布如下。"});
        }
        break;
    }
  }
  return sweep.Print() == 0 ? 0 : 1;
}

}  // namespace
}  // namespace gongkai

int main(int argc, char** argv) { return gongkai::Main(argc, argv); }
