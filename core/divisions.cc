#include "core/divisions.h"

#include "core/file_text.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <stdexcept>

namespace gongkai {
namespace {

// The minority nationalities as they appear inside ethnic division names (凉山彝族自治州,
// 阿什里哈萨克民族乡). Not divisions: the words stripped to get a division's short form.
constexpr const char* kEthnic[] = {
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
    "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
    "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
    "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"};

// Ethnic suffix -> the level word its short forms keep.
constexpr std::pair<const char*, const char*> kEthnicSuffix[] = {
    {"自治州", "州"}, {"自治县", "县"}, {"自治旗", "旗"}, {"自治区", ""},
    {"民族乡", "乡"}, {"民族镇", "镇"}, {"民族苏木", "苏木"}};

// Level words stripped to get the stem of an ordinary province, prefecture or county name.
constexpr const char* kLevelWords[] = {"地区", "林区", "特区", "省", "市", "县", "区",
                                       "旗",   "盟",   "州"};

constexpr const char* kPseudo[] = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"};

constexpr std::size_t kMinStemBytes = 6;  // two CJK characters

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "凉山彝族" -> "凉山"; "积石山保安族东乡族撒拉族" -> "积石山"; never below two characters.
std::string_view StripEthnic(std::string_view base) {
  for (const char* e : kEthnic)  // 东乡族自治县: the nationality is the place's name
    if (base == std::string(e) + "族") return base.substr(0, base.size() - std::string_view("族").size());
  for (bool changed = true; changed;) {
    changed = false;
    for (const char* e : kEthnic) {
      std::string with_zu = std::string(e) + "族";
      std::string_view ev(e);
      for (std::string_view tail : {std::string_view(with_zu), ev}) {
        if (tail == ev && ev.size() < kMinStemBytes) continue;  // 回, 藏 ... only with 族
        if (EndsWith(base, tail) && base.size() - tail.size() >= kMinStemBytes) {
          base.remove_suffix(tail.size());
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return base;
}

std::vector<std::string_view> SplitCsvLine(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = line.find(',', start);
    std::string_view f = line.substr(start, comma == std::string_view::npos ? line.npos
                                                                            : comma - start);
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
    out.push_back(f);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

// Calls f(fields) for every data line (the header line skipped).
template <typename F>
void ForEachRow(std::string_view text, std::size_t want_fields, const char* what, F&& f) {
  std::size_t pos = 0;
  bool header = true;
  int line_no = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == text.npos ? text.npos : nl - pos);
    pos = nl == text.npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    auto fields = SplitCsvLine(line);
    if (fields.size() < want_fields || fields[0].empty() || fields[1].empty())
      throw std::runtime_error(std::string(what) + " line " + std::to_string(line_no) +
                               ": expected " + std::to_string(want_fields) + " fields");
    f(fields);
  }
}

std::uint64_t Fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string ReadAll(const std::string& path) {
  std::string text;
  if (!ReadFileText(path, &text)) throw std::runtime_error("cannot read " + path);
  return text;
}

// Fnv1a(h, the file's text), read through a fixed buffer rather than held.
std::uint64_t HashFile(std::uint64_t h, const std::string& path) {
  if (!ForEachFilePiece(path, [&](std::string_view piece) { h = Fnv1a(h, piece); }))
    throw std::runtime_error("cannot read " + path);
  return h;
}

// DIR/VERSION without its trailing newline and spaces.
std::string ReadVersion(const std::string& dir) {
  std::string version = ReadAll(dir + "/VERSION");
  while (!version.empty() && (version.back() == '\n' || version.back() == ' ')) version.pop_back();
  return version;
}

// The digest of the four CSV texts, as Parse() stores it.
std::uint64_t Digest(std::string_view provinces, std::string_view cities, std::string_view areas,
                     std::string_view streets) {
  std::uint64_t h = 14695981039346656037ull;
  for (std::string_view t : {provinces, cities, areas, streets}) h = Fnv1a(Fnv1a(h, t), "\n");
  return h;
}

}  // namespace

const char* DivisionLevelName(DivisionLevel level) {
  switch (level) {
    case DivisionLevel::kProvince: return "province";
    case DivisionLevel::kPrefecture: return "prefecture";
    case DivisionLevel::kCounty: return "county";
    case DivisionLevel::kTownship: return "township";
  }
  return "";
}

Divisions Divisions::Parse(std::string_view provinces, std::string_view cities,
                           std::string_view areas, std::string_view streets) {
  Divisions d;
  auto add = [&](DivisionLevel level, std::string_view code, std::string_view name,
                 std::string_view parent) {
    Division x;
    x.code = code;
    x.name = name;
    x.parent_code = parent;
    x.level = level;
    for (const char* p : kPseudo) x.pseudo = x.pseudo || (level == DivisionLevel::kPrefecture && name == p);
    d.Add(std::move(x));
  };
  ForEachRow(provinces, 2, "provinces.csv",
             [&](const auto& f) { add(DivisionLevel::kProvince, f[0], f[1], ""); });
  ForEachRow(cities, 3, "cities.csv",
             [&](const auto& f) { add(DivisionLevel::kPrefecture, f[0], f[1], f[2]); });
  ForEachRow(areas, 3, "areas.csv",
             [&](const auto& f) { add(DivisionLevel::kCounty, f[0], f[1], f[2]); });
  ForEachRow(streets, 3, "streets.csv",
             [&](const auto& f) { add(DivisionLevel::kTownship, f[0], f[1], f[2]); });
  for (const auto& x : d.all_)
    if (!x.parent_code.empty() && !d.Find(x.parent_code))
      throw std::runtime_error("division " + x.code + " has no parent " + x.parent_code);
  d.digest_ = Digest(provinces, cities, areas, streets);
  d.IndexNames();
  return d;
}

Divisions Divisions::Load(const std::string& dir) {
  Divisions d = Parse(ReadAll(dir + "/provinces.csv"), ReadAll(dir + "/cities.csv"),
                      ReadAll(dir + "/areas.csv"), ReadAll(dir + "/streets.csv"));
  d.version_ = ReadVersion(dir);
  return d;
}

Divisions::Fingerprint Divisions::ReadFingerprint(const std::string& dir) {
  Fingerprint f;
  // Digest() of the four texts, each hashed as it is read (in this order: the first missing
  // file is named), ~1.7 MB never held.
  std::uint64_t h = 14695981039346656037ull;
  for (const char* name : {"/provinces.csv", "/cities.csv", "/areas.csv", "/streets.csv"})
    h = Fnv1a(HashFile(h, dir + name), "\n");
  f.digest = h;
  f.version = ReadVersion(dir);
  return f;
}

void Divisions::Add(Division d) {
  if (by_code_.count(d.code)) throw std::runtime_error("division code twice: " + d.code);
  by_code_.emplace(d.code, static_cast<int>(all_.size()));
  all_.push_back(std::move(d));
}

constexpr int kFilterLog2Bits = 20;  // 128 KB: ~100,000 names set under a tenth of the bits

// The filter's bit for a name: a hash of its length, first six bytes (two CJK characters) and
// last three (mostly its level word). Cheap: no pass over the name.
std::size_t Divisions::FilterBit(std::string_view name) {
  const std::size_t n = name.size();
  std::uint64_t head = 0, tail = 0;
  if (n > 0) {
    std::memcpy(&head, name.data(), std::min<std::size_t>(n, 6));
    std::memcpy(&tail, name.data() + n - std::min<std::size_t>(n, 3), std::min<std::size_t>(n, 3));
  }
  std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ ((tail << 16 | n) * 0xC2B2AE3D27D4EB4Full);
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return static_cast<std::size_t>(h >> (64 - kFilterLog2Bits));
}

void Divisions::IndexNames() {
  std::unordered_map<std::string, int> entry_of;  // name -> entry, while building
  auto put = [&](const std::string& name, int index, NameForm form) {
    auto [e, added] = entry_of.emplace(name, static_cast<int>(names_.size()));
    if (added) {
      names_.push_back(name);
      name_hits_.emplace_back();
    }
    auto& hits = name_hits_[e->second];
    for (const auto& h : hits)
      if (h.index == index) return;  // a division keeps its first (strongest) form
    hits.push_back(NameHit{index, form});
    names_of_[index].emplace_back(name, form);
    max_name_bytes_ = std::max(max_name_bytes_, name.size());
  };
  names_of_.assign(all_.size(), {});
  for (int i = 0; i < static_cast<int>(all_.size()); ++i) {
    const Division& d = all_[i];
    if (d.pseudo) continue;
    put(d.name, i, NameForm::kFull);
    bool ethnic = false;
    for (const auto& [suffix, level_word] : kEthnicSuffix) {
      if (!EndsWith(d.name, suffix)) continue;
      ethnic = true;
      std::string_view base(d.name);
      base.remove_suffix(std::string_view(suffix).size());
      std::string stem(StripEthnic(base));
      if (stem.size() < kMinStemBytes) break;
      if (*level_word) put(stem + level_word, i, NameForm::kShort);
      if (std::string_view(suffix) == "自治县" || std::string_view(suffix) == "自治旗")
        put(stem + suffix, i, NameForm::kShort);  // 镇宁自治县
      if (d.level != DivisionLevel::kTownship) put(stem, i, NameForm::kStem);
      break;
    }
    if (ethnic || d.level == DivisionLevel::kTownship) continue;
    for (const char* w : kLevelWords) {
      if (!EndsWith(d.name, w)) continue;
      std::string stem = d.name.substr(0, d.name.size() - std::string_view(w).size());
      if (stem.size() >= kMinStemBytes) put(stem, i, NameForm::kStem);
      break;
    }
  }
  std::size_t size = 16;
  while (size < 2 * names_.size()) size *= 2;
  slots_.assign(size, 0);
  name_filter_.assign((std::size_t{1} << kFilterLog2Bits) / 64, 0);
  for (std::size_t k = 0; k < names_.size(); ++k) {
    const std::size_t bit = FilterBit(names_[k]);
    name_filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    const std::uint64_t h = std::hash<std::string_view>{}(names_[k]);
    std::size_t i = h & (size - 1);
    while (slots_[i] != 0) i = (i + 1) & (size - 1);
    slots_[i] = (h >> 32 << 32) | (k + 1);
  }
}

const Division* Divisions::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &all_[it->second];
}

const std::vector<NameHit>* Divisions::Lookup(std::string_view name) const {
  if (slots_.empty()) return nullptr;
  const std::size_t bit = FilterBit(name);
  if (!(name_filter_[bit / 64] >> (bit % 64) & 1)) return nullptr;
  const std::uint64_t h = std::hash<std::string_view>{}(name);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask; slots_[i] != 0; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot >> 32 != h >> 32) continue;
    const std::size_t k = (slot & 0xFFFFFFFFu) - 1;
    if (names_[k] == name) return &name_hits_[k];
  }
  return nullptr;
}

bool Divisions::IsAncestor(const Division& a, const Division& d) {
  return a.code.size() < d.code.size() && d.code.compare(0, a.code.size(), a.code) == 0;
}

std::string Divisions::CountyOf(const Division& d) const {
  return d.code.size() >= 6 ? d.code.substr(0, 6) : "";
}

std::string Divisions::PrefectureOf(const Division& d) const {
  if (d.code.size() < 4) return "";
  const Division* p = Find(d.code.substr(0, 4));
  return p && !p->pseudo ? p->code : "";
}

std::string Divisions::ProvinceOf(const Division& d) const { return d.code.substr(0, 2); }

std::string Divisions::FullName(const Division& d) const {
  std::string out;
  for (std::size_t len : {2, 4, 6, 9}) {
    if (len > d.code.size()) break;
    const Division* a = Find(d.code.substr(0, len));
    if (a && !a->pseudo) out += a->name;
  }
  return out;
}

}  // namespace gongkai
