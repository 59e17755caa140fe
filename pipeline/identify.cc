#include "pipeline/identify.h"

#include <algorithm>
#include <optional>

#include "core/utf8.h"
#include "extractors/extractor.h"
#include "pipeline/place.h"

namespace gongkai {
namespace {

constexpr int kTitleSearchLines = 20;
constexpr std::size_t kMaxTitleBytes = 60 * 3;

bool IsTitle(const std::string& norm) {
  return norm.size() <= kMaxTitleBytes && norm.find("政府信息公开") != std::string::npos &&
         norm.find("报告") != std::string::npos;
}

// Position of the first "(19|20)dd年" in s, or npos.
std::size_t FindYear(std::string_view s, int* year) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    bool digits = true;
    for (int k = 0; k < 4; ++k) digits = digits && s[i + k] >= '0' && s[i + k] <= '9';
    if (!digits || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    if (s.compare(i + 4, 3, "年") != 0) continue;
    const int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
                  (s[i + 3] - '0');
    if (y < 1990 || y > 2099) continue;
    *year = y;
    return i;
  }
  return std::string::npos;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool EndsWithAt(const std::string& s, std::size_t end, const char* suffix, std::size_t* start) {
  std::size_t n = std::char_traits<char>::length(suffix);
  if (end < n || s.compare(end - n, n, suffix) != 0) return false;
  *start = end - n;
  return true;
}

// Does `rest` read as ".+(镇|乡|街道|苏木)(人民政府)?" (one byte or more before the suffix)?
bool IsTownship(const std::string& rest) {
  for (std::size_t end : {rest.size(), rest.size() - std::min(rest.size(), std::size_t{12})}) {
    if (end != rest.size() && !EndsWith(rest, "人民政府")) continue;
    std::size_t start;
    for (const char* suffix : {"镇", "乡", "街道", "苏木"})
      if (EndsWithAt(rest, end, suffix, &start) && start >= 1) return true;
  }
  return false;
}

// The regex "^(.+?(县|市|区|旗))(.+(镇|乡|街道|苏木))(人民政府)?$": the length of the shortest
// county prefix whose remainder is a township, or 0 when none.
std::size_t CountyPrefix(const std::string& unit) {
  for (std::size_t end = 4; end < unit.size(); ++end) {
    std::size_t start;
    bool county = false;
    for (const char* suffix : {"县", "市", "区", "旗"})
      county = county || (EndsWithAt(unit, end, suffix, &start) && start >= 1);
    if (county && IsTownship(unit.substr(end))) return end;
  }
  return 0;
}

// Title: the first short line naming 政府信息公开…报告. A short line before it is its first
// half when the two were split around the year ("昌乐县红河镇" / "2020年政府信息公开…",
// "…综合实验区2019年" / "政府信息公开工作年度报告") or when the title has no year and the
// line before is a bare name ("淮安市人民政府" / "政府信息公开工作年度报告"). Markdown heading
// marks ("# ") are not part of it.
std::pair<std::string, int> ReadTitle(SectionIndex& index) {
  std::string prev;
  int seen = 0;
  for (int i = 0; i < index.size() && seen < kTitleSearchLines; ++i) {
    std::string_view label = index.Label(i);
    std::size_t marks = label.find_first_not_of('#');
    label.remove_prefix(marks == std::string_view::npos ? label.size() : marks);
    if (label.empty()) continue;
    const std::string norm(label);
    ++seen;
    if (IsTitle(norm)) {
      int y = 0;
      const std::size_t at = FindYear(norm, &y);
      const bool prev_fits = !prev.empty() && prev.size() <= kMaxTitleBytes / 2 &&
                             prev.find("。") == std::string::npos &&
                             prev.find(':') == std::string::npos;
      std::size_t prev_year = FindYear(prev, &y);
      const bool prev_ends_in_year =
          prev_year != std::string::npos &&
          (prev_year + 7 == prev.size() || (prev_year + 10 == prev.size() && EndsWith(prev, "度")));
      const bool prev_is_name = prev_year == std::string::npos &&
                                prev.find_first_of("0123456789") == std::string::npos;
      bool join = prev_fits && (at == 0 || (at == std::string::npos &&
                                            (prev_ends_in_year || prev_is_name)));
      return {join ? prev + norm : norm, static_cast<int>(i) + 1};
    }
    prev = norm;
  }
  return {"", 0};
}

// The opening lines' labels (for the stated period): lines [0, k) with k the first of 60, the
// end, or a line starting 8000 label bytes in.
std::string_view Opening(SectionIndex& index) {
  int k = 0;
  while (k < index.size() && k < 60 && index.Labels(0, k).size() < 8000) ++k;
  return index.Labels(0, k);
}

// The year of the statistical period the opening text states ("统计期限自2025年1月1日起至
// 2025年12月31日止"), or 0 when it states none or a period that is not one calendar year.
int StatedPeriodYear(std::string_view opening) {
  const std::string_view text = opening;
  for (std::size_t at = text.find("年1月1日"); at != std::string::npos;
       at = text.find("年1月1日", at + 1)) {
    if (at < 4 + 3) continue;
    int year = 0;
    if (FindYear(text.substr(at - 4, 7), &year) != 0) continue;
    std::size_t from = text.rfind("自", at - 4);
    if (from == std::string::npos || at - 4 - from > 3 ||
        text.substr(from > 24 ? from - 24 : 0, 27).find("期") == std::string::npos)
      continue;
    std::size_t end = text.find("年12月31日", at);
    if (end != std::string::npos && end < at + 40 && end >= 4) {
      int end_year = 0;
      if (FindYear(text.substr(end - 4, 7), &end_year) != 0 || end_year != year) return 0;
    }
    return year;
  }
  return 0;
}

// StatedPeriodYear(Opening(index)) without normalising the opening lines when they cannot state
// a period: the opening is lines [0, k) with k <= 60, and a period needs "年1月1日" in it.
int StatedYear(const Lines& lines, SectionIndex& index) {
  if (lines.empty()) return 0;
  const std::string_view last = lines[std::min<std::size_t>(lines.size(), 60) - 1];
  const std::string_view head(lines.Text().data(),
                              last.data() + last.size() - lines.Text().data());
  if (!NormalizedContains(head, "年1月1日")) return 0;
  return StatedPeriodYear(Opening(index));
}

// "淮安市人民政府政府信息公开工作年度报告" -> "淮安市人民政府"; a trailing 年度 is not the name's.
std::string UnitOfYearlessTitle(const std::string& title) {
  std::string unit = title.substr(0, title.find("政府信息公开"));
  if (EndsWith(unit, "年度")) unit.resize(unit.size() - std::string("年度").size());
  return unit;
}

Finding MakeFinding(const char* kind, Severity sev, int line, std::string raw, std::string msg) {
  Finding f;
  f.kind = kind;
  f.severity = sev;
  f.line = line;
  f.raw = std::move(raw);
  f.message = std::move(msg);
  return f;
}

}  // namespace

IdentifyResult Identify(const Lines& lines, const Gazetteer& gazetteer,
                        const std::vector<Template>& templates, SectionIndex* index) {
  IdentifyResult r;
  auto fail = [&](const char* kind, std::string msg) {
    r.ok = false;
    r.error_kind = kind;
    r.error_message = std::move(msg);
    return r;
  };

  std::optional<SectionIndex> own;
  if (!index) index = &own.emplace(lines);
  auto [title, title_line] = ReadTitle(*index);
  if (title.empty())
    return fail("not_a_report",
                "no title naming 政府信息公开…报告 in the first " +
                    std::to_string(kTitleSearchLines) + " lines");
  r.identity.title = title;
  int year = 0;
  std::size_t ypos = FindYear(title, &year);
  const int stated = StatedYear(lines, *index);
  if (ypos == std::string::npos && stated == 0)
    return fail("not_a_report", "neither the title nor a stated period gives the year: " + title);
  if (ypos == std::string::npos) {
    year = stated;  // "本报告所列数据的统计期限自2025年1月1日起至2025年12月31日止"
  } else if (stated != 0 && stated != year) {
    r.findings.push_back(MakeFinding(
        "year_mismatch", Severity::kWarning, title_line, title,
        "the title says " + std::to_string(year) + " but the text states the period of " +
            std::to_string(stated) + "; the title's year is kept"));
  }
  r.identity.year = year;

  std::string unit = ypos == std::string::npos ? UnitOfYearlessTitle(title)
                                                : title.substr(0, ypos);
  if (unit.empty() && ypos != std::string::npos) {
    std::size_t after = ypos + 4 + 3;
    if (title.compare(after, 3, "度") == 0) after += 3;
    std::size_t end = title.find("政府信息公开", after);
    unit = title.substr(after, end == std::string::npos ? std::string::npos : end - after);
  }
  // "关于…的", 《…》 and a trailing "的" frame the name in some titles.
  if (unit.rfind("关于", 0) == 0) unit.erase(0, std::string("关于").size());
  for (const char* frame : {"《", "》", "“", "”"}) {
    std::size_t at;
    while ((at = unit.find(frame)) != std::string::npos) unit.erase(at, std::string(frame).size());
  }
  if (EndsWith(unit, "的")) unit.resize(unit.size() - std::string("的").size());
  const std::string named_unit = unit;  // with its division prefix, for placement
  std::string rest = unit;
  // 广州市番禺区市桥街道 -> 番禺区 / 市桥街道
  while (std::size_t len = CountyPrefix(rest)) rest.erase(0, len);
  unit = rest;
  for (const char* township : {"镇人民政府", "乡人民政府"})
    if (EndsWith(unit, township)) unit.resize(unit.size() - std::string("人民政府").size());
  if (unit.empty()) return fail("not_a_report", "the title names no unit: " + title);
  r.identity.unit = unit;

  Placement place = Place(named_unit, lines, title, title_line, gazetteer);
  Identity& id = r.identity;
  id.division_code = place.division_code;
  id.county_code = place.county_code;
  id.prefecture_code = place.prefecture_code;
  id.province_code = place.province_code;
  id.unit_kind = place.unit_kind;
  id.placed_by = place.placed_by;
  id.place_candidates = place.candidates;
  if (!place.county_name.empty()) {
    id.county = place.county_name;
    id.county_source = place.placed_by;
  }
  r.findings.insert(r.findings.end(), place.findings.begin(), place.findings.end());

  // Edition: the year decides; phrases only one edition prints confirm or overrule it.
  // Only the tables are searched: narrative may quote any phrase.
  int from = 0, to = static_cast<int>(lines.size());
  if (!templates.empty()) {
    const auto& sections = index->Sections(templates.front());
    if (!sections.empty()) from = sections.front().first, to = sections.back().last;
  }
  const Template* by_year = nullptr;
  const Template* by_text = nullptr;
  int editions_seen = 0;
  for (const auto& t : templates) {
    if (year >= t.first_year && year <= t.last_year) by_year = &t;
    bool hit = false;
    for (const auto& phrase : t.signature)
      hit = hit || index->LabelsContain(from, to, phrase);
    if (hit) {
      by_text = &t;
      ++editions_seen;
    }
  }
  if (editions_seen != 1) by_text = nullptr;
  r.tmpl = by_text ? by_text : by_year;
  if (!r.tmpl)
    return fail("unknown_edition", "no template edition covers " + std::to_string(year) +
                                       " and the tables match none");
  if (by_text && by_year && by_text != by_year) {
    r.findings.push_back(MakeFinding(
        "edition_mismatch", Severity::kWarning, title_line, title,
        "a " + std::to_string(year) + " report printed in the " +
            std::to_string(by_text->edition) + " template; read with that edition"));
  }
  r.identity.edition = r.tmpl->edition;
  r.ok = true;
  return r;
}

}  // namespace gongkai
