#include "pipeline/place.h"

#include <string.h>

#include <algorithm>

#include "pipeline/hash.h"

namespace gongkai {
namespace {

// Bump when the placement rules change: every report is re-placed on the next run.
constexpr const char* kPlaceVersion = "place-2";

constexpr std::size_t kMinNameBytes = 6;        // two CJK characters (礼县)
constexpr std::size_t kMinInnerNameBytes = 9;   // a name not at the unit's start: three

// Tails after the division chain that make the unit the division's own government.
constexpr const char* kGovernmentTails[] = {"", "人民政府", "政府", "办事处", "人民政府办事处"};

struct Element {
  std::size_t begin = 0, end = 0;
  std::vector<int> hits;  // division indices
  bool weak = false;      // only bare stems
  bool alias = false;
};

bool IsCharStart(unsigned char c) { return (c & 0xC0) != 0x80; }

// text.find(word, from), by the word's last byte (memchr) and a comparison of the rest:
// string_view::find stops at every byte equal to the word's first one, and a CJK name shares
// its lead byte with most of the text around it (its last byte, a continuation byte, with few).
std::size_t FindFrom(std::string_view text, std::string_view word, std::size_t from) {
  const std::size_t m = word.size();
  if (from > text.size() || text.size() - from < m) return std::string_view::npos;
  if (m == 0) return from;
  const char* s = text.data();
  const char last = word[m - 1];
  for (std::size_t i = from + m - 1; i < text.size();) {
    const void* hit = memchr(s + i, last, text.size() - i);
    if (!hit) break;
    const std::size_t end = static_cast<const char*>(hit) - s;  // the word's last byte
    if (memcmp(s + end + 1 - m, word.data(), m - 1) == 0) return end + 1 - m;
    i = end + 1;
  }
  return std::string_view::npos;
}

// Does [s, e) of text straddle the edge of an ordinary word (共和 in 中华人民共和国)?
bool InsideOrdinaryWord(std::string_view text, std::size_t s, std::size_t e,
                        const std::vector<std::string>& words) {
  for (const auto& w : words) {
    std::size_t from = s >= w.size() ? s - w.size() + 1 : 0;
    for (std::size_t a = FindFrom(text, w, from); a != std::string_view::npos && a < e;
         a = FindFrom(text, w, a + 1)) {
      std::size_t b = a + w.size();
      if ((a < s && b > s) || (a < e && b > e)) return true;
    }
  }
  return false;
}

// Is [s, e) of text strictly inside a longer division name written there, in full or short
// form (宁县 in 武宁县, 城区 in 新城区, 海城 in 海城区)? Then it names nothing of its own.
bool InsideLongerName(std::string_view text, std::size_t s, std::size_t e, const Divisions& d) {
  const std::size_t max = d.max_name_bytes();
  for (std::size_t b = s + 1; b-- > 0 && s - b + (e - s) <= max;) {
    if (!IsCharStart(static_cast<unsigned char>(text[b]))) continue;
    for (std::size_t f = e; f <= text.size() && f - b <= max; ++f) {
      if (f < text.size() && !IsCharStart(static_cast<unsigned char>(text[f]))) continue;
      if (b == s && f == e) continue;
      if (const auto* hits = d.Lookup(text.substr(b, f - b)))
        for (const auto& h : *hits)
          if (h.form != NameForm::kStem) return true;
    }
  }
  return false;
}

// A clean occurrence of `name` in `text`: not straddling an ordinary word, not inside a longer
// division name.
bool Names(std::string_view text, const std::string& name, const Gazetteer& g) {
  for (std::size_t at = FindFrom(text, name, 0); at != std::string_view::npos;
       at = FindFrom(text, name, at + 1))
    if (!InsideOrdinaryWord(text, at, at + name.size(), g.ordinary_words) &&
        !InsideLongerName(text, at, at + name.size(), *g.divisions))
      return true;
  return false;
}

class Chain {
 public:
  Chain(std::string_view unit, const Gazetteer& g) : unit_(unit), g_(g), d_(*g.divisions) {}

  // The chain starting at `start`; `inner` restricts the first element to full or short names
  // of three characters or more, not straddling an ordinary word.
  std::vector<Element> Read(std::size_t start, bool inner) const {
    std::vector<Element> chain;
    std::size_t pos = start;
    while (pos < unit_.size()) {
      Element e;
      if (!Longest(pos, chain.empty() ? nullptr : &chain.back(), inner && chain.empty(), &e))
        break;
      chain.push_back(std::move(e));
      pos = chain.back().end;
    }
    while (!chain.empty() && chain.back().weak) chain.pop_back();
    return chain;
  }

 private:
  bool Longest(std::size_t pos, const Element* prev, bool inner, Element* out) const {
    std::size_t max_len = std::min(unit_.size() - pos, std::max(d_.max_name_bytes(), kAliasMax));
    for (std::size_t len = max_len; len >= kMinNameBytes; --len) {
      if (pos + len < unit_.size() && !IsCharStart(static_cast<unsigned char>(unit_[pos + len])))
        continue;
      if (inner && len < kMinInnerNameBytes) break;
      std::string_view name = unit_.substr(pos, len);
      std::vector<std::pair<int, NameForm>> hits;
      bool alias = false;
      auto a = g_.aliases.find(name);
      if (a != g_.aliases.end()) {
        const Division* d = d_.Find(a->second);
        if (d) hits.emplace_back(static_cast<int>(d - d_.all().data()), NameForm::kFull);
        alias = true;
      } else if (const auto* found = d_.Lookup(name)) {
        for (const auto& h : *found)
          if (!inner || h.form != NameForm::kStem) hits.emplace_back(h.index, h.form);
      }
      if (prev) {  // each element inside one of the element before
        hits.erase(std::remove_if(hits.begin(), hits.end(),
                                  [&](const auto& h) {
                                    for (int p : prev->hits)
                                      if (Divisions::IsAncestor(d_.all()[p], d_.all()[h.first]))
                                        return false;
                                    return true;
                                  }),
                   hits.end());
      }
      if (hits.empty()) continue;
      if (inner && InsideOrdinaryWord(unit_, pos, pos + len, g_.ordinary_words)) continue;
      // 东莞市 is a prefecture and, in the data, its own county: the higher one is named.
      std::vector<int> kept;
      bool weak = true;
      for (const auto& [i, form] : hits) {
        bool has_ancestor = false;
        for (const auto& other : hits)
          has_ancestor = has_ancestor || Divisions::IsAncestor(d_.all()[other.first], d_.all()[i]);
        if (has_ancestor || std::find(kept.begin(), kept.end(), i) != kept.end()) continue;
        kept.push_back(i);
        weak = weak && form == NameForm::kStem;
      }
      out->begin = pos;
      out->end = pos + len;
      out->hits = std::move(kept);
      out->weak = weak && !alias;
      out->alias = alias;
      return true;
    }
    return false;
  }

  static constexpr std::size_t kAliasMax = 60 * 3;
  std::string_view unit_;
  const Gazetteer& g_;
  const Divisions& d_;
};

// The candidates whose county, else prefecture, else province the text names: the one left,
// or -1. At each level a full or short name counts before a bare stem, so that 梨树县 in the text
// names 梨树县 and not also 梨树区 (whose stem 梨树 it holds).
int SettleByText(const std::vector<int>& candidates, std::string_view text, const Gazetteer& g) {
  const Divisions& d = *g.divisions;
  for (std::size_t level : {6u, 4u, 2u}) {
    for (bool stems : {false, true}) {
      std::vector<int> named;
      for (int c : candidates) {
        const Division& x = d.all()[c];
        if (x.code.size() <= level) continue;
        const Division* a = d.Find(x.code.substr(0, level));
        if (!a || a->pseudo) continue;
        int ai = static_cast<int>(a - d.all().data());
        bool hit = false;
        for (const auto& [name, form] : d.NamesOf(ai))
          hit = hit || ((form == NameForm::kStem) == stems && Names(text, name, g));
        if (hit) named.push_back(c);
      }
      if (named.size() == 1) return named.front();
      if (named.size() > 1) return -1;
    }
  }
  return -1;
}

Finding PlaceFinding(const char* kind, int line, const std::string& title, std::string msg) {
  Finding f;
  f.kind = kind;
  f.severity = Severity::kWarning;
  f.line = line;
  f.raw = title;
  f.message = std::move(msg);
  return f;
}

}  // namespace

Placement Place(std::string_view unit, const Lines& lines,
                const std::string& title, int title_line, const Gazetteer& g) {
  Placement p;
  const Divisions& d = *g.divisions;
  Chain reader(unit, g);
  std::vector<Element> chain = reader.Read(0, false);
  bool inner = false;
  for (std::size_t s = 1; chain.empty() && s < unit.size(); ++s) {
    if (!IsCharStart(static_cast<unsigned char>(unit[s]))) continue;
    chain = reader.Read(s, true);
    inner = !chain.empty();
  }
  if (chain.empty()) {
    p.findings.push_back(PlaceFinding("division_unknown", title_line, title,
                                      "the unit " + std::string(unit) +
                                          " names no division and no alias of units.yaml"));
    return p;
  }
  const Element& last = chain.back();
  std::string_view tail = unit.substr(last.end);
  bool government = !inner && std::find(std::begin(kGovernmentTails), std::end(kGovernmentTails),
                                        tail) != std::end(kGovernmentTails);
  bool alias = std::any_of(chain.begin(), chain.end(), [](const Element& e) { return e.alias; });
  p.unit_kind = !government ? "department" : last.alias ? "other" : "government";

  int chosen = last.hits.size() == 1 ? last.hits.front() : -1;
  std::string placed_by = alias ? "alias" : "title";
  if (chosen < 0) {
    std::string text = title;
    if (!lines.empty()) {  // "title\nline 1\n…\nline n": the buffer without its last '\n'
      text += '\n';
      text.append(lines.Text(), 0, lines.Text().size() - 1);
    }
    // The shared name itself is no evidence of where it is: 延寿镇 holds the stem of 延寿县,
    // 光明街道 that of 光明区. Every occurrence of it is blanked out before the search.
    const std::string shared(unit.substr(last.begin, last.end - last.begin));
    for (std::size_t at = FindFrom(text, shared, 0); at != std::string::npos;
         at = FindFrom(text, shared, at + shared.size()))
      text.replace(at, shared.size(), shared.size(), '\n');
    chosen = SettleByText(last.hits, text, g);
    placed_by = "text";
  }
  if (chosen < 0) {
    std::vector<int> sorted = last.hits;
    std::sort(sorted.begin(), sorted.end(),
              [&](int a, int b) { return d.all()[a].code < d.all()[b].code; });
    for (int c : sorted) {
      if (!p.candidates.empty()) p.candidates += "; ";
      p.candidates += d.all()[c].code + " " + d.FullName(d.all()[c]);
    }
    p.findings.push_back(PlaceFinding(
        "division_ambiguous", title_line, title,
        std::string(unit.substr(last.begin, last.end - last.begin)) + " names " +
            std::to_string(sorted.size()) +
            " divisions and neither the title nor the text settles which: " + p.candidates));
    return p;
  }
  const Division& x = d.all()[chosen];
  p.division_code = x.code;
  p.county_code = d.CountyOf(x);
  p.prefecture_code = d.PrefectureOf(x);
  p.province_code = d.ProvinceOf(x);
  if (const Division* c = p.county_code.empty() ? nullptr : d.Find(p.county_code))
    p.county_name = c->name;
  p.placed_by = placed_by;
  return p;
}

std::string PlacementFingerprint(const GazetteerSources& g) {
  std::string all = std::string(kPlaceVersion) + "\n" + g.divisions_version + "\n" +
                    std::to_string(g.divisions_digest) + "\n" + g.units_text;
  return Sha256Hex(all).substr(0, 16);
}

}  // namespace gongkai
