#include "pipeline/identify.h"

#include <string.h>

#include <algorithm>

#include "core/utf8.h"
#include "extractors/extractor.h"

namespace gongkai {
namespace {

constexpr int kTitleSearchLines = 20;
constexpr std::size_t kMaxTitleBytes = 60 * 3;

bool IsTitle(const std::string& norm) {
  return norm.size() <= kMaxTitleBytes && norm.find("政府信息公开") != std::string::npos &&
         norm.find("报告") != std::string::npos;
}

// Position of the first "(19|20)dd年" in s, or npos.
std::size_t FindYear(const std::string& s, int* year) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    bool digits = true;
    for (int k = 0; k < 4; ++k) digits = digits && s[i + k] >= '0' && s[i + k] <= '9';
    if (!digits || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) continue;
    if (s.compare(i + 4, 3, "年") != 0) continue;
    int y = std::stoi(s.substr(i, 4));
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

IdentifyResult Identify(const std::vector<std::string>& lines, const Gazetteer& gazetteer,
                        const std::vector<Template>& templates) {
  IdentifyResult r;
  auto fail = [&](const char* kind, std::string msg) {
    r.ok = false;
    r.error_kind = kind;
    r.error_message = std::move(msg);
    return r;
  };

  // Title: the first short line naming 政府信息公开…报告; a preceding short line without a year
  // is its first half ("昌乐县红河镇" / "2020年政府信息公开工作年度报告").
  std::string title, prev;
  int title_line = 0, seen = 0;
  for (std::size_t i = 0; i < lines.size() && seen < kTitleSearchLines; ++i) {
    std::string norm = NormalizeLabel(lines[i]);
    if (norm.empty()) continue;
    ++seen;
    if (IsTitle(norm)) {
      int y;
      title = (FindYear(norm, &y) == 0 && !prev.empty() && prev.size() <= kMaxTitleBytes / 2 &&
               prev.find("。") == std::string::npos)
                  ? prev + norm
                  : norm;
      title_line = static_cast<int>(i) + 1;
      break;
    }
    prev = norm;
  }
  if (title.empty())
    return fail("not_a_report",
                "no title naming 政府信息公开…报告 in the first " +
                    std::to_string(kTitleSearchLines) + " lines");
  r.identity.title = title;
  int year = 0;
  std::size_t ypos = FindYear(title, &year);
  if (ypos == std::string::npos) return fail("not_a_report", "the title has no year: " + title);
  r.identity.year = year;

  std::string unit = title.substr(0, ypos);
  if (unit.empty()) {
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
  std::string rest = unit;
  // 广州市番禺区市桥街道 -> 番禺区 / 市桥街道
  for (std::size_t len; (len = CountyPrefix(rest)) > 0; rest.erase(0, len)) {
    r.identity.county = rest.substr(0, len);
    r.identity.county_source = "title";
  }
  unit = rest;
  for (const char* township : {"镇人民政府", "乡人民政府"})
    if (EndsWith(unit, township)) unit.resize(unit.size() - std::string("人民政府").size());
  if (unit.empty()) return fail("not_a_report", "the title names no unit: " + title);
  r.identity.unit = unit;

  if (!r.identity.county) {
    auto it = gazetteer.counties_of_unit.find(unit);
    if (it != gazetteer.counties_of_unit.end() && it->second.size() == 1) {
      r.identity.county = it->second.front();
      r.identity.county_source = "gazetteer";
    } else if (it != gazetteer.counties_of_unit.end()) {
      r.findings.push_back(MakeFinding("county_ambiguous", Severity::kWarning, title_line, title,
                                       "the gazetteer lists " + unit + " under " +
                                           std::to_string(it->second.size()) + " counties"));
    } else {
      r.findings.push_back(MakeFinding("county_unknown", Severity::kWarning, title_line, title,
                                       "no county in the title and " + unit +
                                           " is not in the gazetteer"));
    }
  }

  // Edition: the year decides; phrases only one edition prints confirm or overrule it.
  // Only the tables are searched: narrative may quote any phrase.
  int from = 0, to = static_cast<int>(lines.size());
  if (!templates.empty()) {
    auto sections = FindSections(lines, templates.front());
    if (!sections.empty()) from = sections.front().first, to = sections.back().last;
  }
  std::string all;
  for (int i = from; i < to; ++i) AppendNormalizedLabel(lines[i], &all);
  const Template* by_year = nullptr;
  const Template* by_text = nullptr;
  int editions_seen = 0;
  for (const auto& t : templates) {
    if (year >= t.first_year && year <= t.last_year) by_year = &t;
    bool hit = false;
    for (const auto& phrase : t.signature)
      hit = hit || memmem(all.data(), all.size(), phrase.data(), phrase.size()) != nullptr;
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
