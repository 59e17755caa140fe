#include "extractors/sections.h"

#include <algorithm>

#include "core/utf8.h"

namespace gongkai {
namespace {

// Headings are short lines (a paragraph that mentions a table's name is not its heading).
constexpr std::size_t kMaxHeadingBytes = 40 * 3;

// A heading keyword "a+b" names key words that must all occur, in order ("行政复议+行政诉讼"
// finds "因政府信息公开工作被申请行政复议、提起行政诉讼情况"): tables are found by their
// heading's key words, not by the exact sentence.
bool HasKeyWords(std::string_view text, const std::string& keyword) {
  std::size_t from = 0, start = 0;
  while (true) {
    std::size_t plus = keyword.find('+', start);
    std::string_view word = std::string_view(keyword).substr(
        start, plus == std::string::npos ? std::string::npos : plus - start);
    std::size_t at = text.find(word, from);
    if (at == std::string::npos) return false;
    if (plus == std::string::npos) return true;
    from = at + word.size();
    start = plus + 1;
  }
}

bool SameHeadings(const Template& a, const Template& b) {
  if (a.end_headings != b.end_headings || a.tables.size() != b.tables.size()) return false;
  for (std::size_t t = 0; t < a.tables.size(); ++t)
    if (a.tables[t].headings != b.tables[t].headings) return false;
  return true;
}

}  // namespace

SectionIndex::SectionIndex(const Lines& lines)
    : lines_(lines), heading_sized_(lines.size(), -1) {}

std::string_view SectionIndex::Labels(int from, int to) {
  to = std::max(from, to);
  if (prefix_start_.empty()) {
    prefix_.reserve(lines_.Text().size());
    prefix_start_.reserve(std::min<std::size_t>(lines_.size(), 64) + 1);
    prefix_start_.push_back(0);
  }
  for (std::size_t i = prefix_start_.size() - 1; i < static_cast<std::size_t>(to); ++i) {
    AppendNormalizedLabel(lines_[i], &prefix_);
    prefix_start_.push_back(prefix_.size());
  }
  return std::string_view(prefix_).substr(prefix_start_[from],
                                          prefix_start_[to] - prefix_start_[from]);
}

std::string_view SectionIndex::Label(int i) {
  // Lines in order extend the prefix (identify reads the opening lines one by one).
  const std::size_t built = prefix_start_.empty() ? 0 : prefix_start_.size() - 1;
  if (static_cast<std::size_t>(i) <= built) return Labels(i, i + 1);
  if (single_at_.empty()) {
    single_.reserve(lines_.Text().size());
    single_at_.assign(lines_.size(), {std::string::npos, 0});
  }
  auto& at = single_at_[i];
  if (at.first == std::string::npos) {
    at.first = single_.size();
    AppendNormalizedLabel(lines_[i], &single_);
    at.second = single_.size() - at.first;
  }
  return std::string_view(single_).substr(at.first, at.second);
}

// The lines [from, to) as one text: their labels are its label ('\n' is dropped).
bool SectionIndex::LabelsContain(int from, int to, std::string_view phrase) {
  std::string_view text;
  if (from < to) {
    const std::size_t begin = lines_[from].data() - lines_.Text().data();
    const std::string_view last = lines_[to - 1];
    text = std::string_view(lines_.Text()).substr(
        begin, last.data() + last.size() - lines_.Text().data() - begin);
  }
  return NormalizedContains(text, phrase);
}

// A heading is a short line without a tab; its label is the label of the trimmed line, which is
// the line's label (every white space that trimming removes, NormalizeLabel removes too).
std::string_view SectionIndex::Norm(int i) {
  return HeadingSized(i) ? Label(i) : std::string_view();
}

bool SectionIndex::HeadingSized(int i) {
  if (heading_sized_[i] < 0) {
    const std::string_view line = lines_[i];
    bool sized = false;
    if (line.size() <= kMaxHeadingBytes + 16 && line.find('\t') == std::string::npos) {
      std::string_view text = utf8::TrimView(line);
      sized = !text.empty() && text.size() <= kMaxHeadingBytes;
    }
    heading_sized_[i] = sized;
  }
  return heading_sized_[i];
}

// A line's label holds a keyword's first word only if NormalizedContains says so on the line
// itself: most lines are rejected without normalising them.
bool SectionIndex::IsHeading(int i, const std::vector<std::string>& keywords) {
  if (!HeadingSized(i)) return false;
  for (const auto& k : keywords) {
    const std::string_view first = std::string_view(k).substr(0, k.find('+'));
    if (NormalizedContains(lines_[i], first) && HasKeyWords(Label(i), k)) return true;
  }
  return false;
}

bool SectionIndex::StartsWithAny(int i, const std::vector<std::string>& prefixes) {
  std::string_view text = Norm(i);
  while (!text.empty() && text.front() == '#') text.remove_prefix(1);
  for (const auto& p : prefixes)
    if (text.compare(0, p.size(), p) == 0) return true;
  return false;
}

int SectionIndex::FindEndHeading(const Template& tmpl, int from) {
  for (int i = from; i < size(); ++i)
    if (IsHeading(i, tmpl.end_headings)) return i;
  return -1;
}

// Sections 五 and 六 under other titles ("五、下一步工作打算"): the first top-level numbered
// heading after the last table ends it (numbering 五、 / 五. / ## 五、, normalised to "五.").
int SectionIndex::FindNextNumberedHeading(int from) {
  static const std::vector<std::string> kNumbers = {"五.", "六.", "七.", "八."};
  for (int i = from; i < size(); ++i)
    if (StartsWithAny(i, kNumbers)) return i;
  return -1;
}

int SectionIndex::EndAfter(const Template& tmpl, int from) {
  int end = FindEndHeading(tmpl, from);
  return end >= 0 ? end : FindNextNumberedHeading(from);
}

const std::vector<Section>& SectionIndex::Sections(const Template& tmpl) {
  for (const auto& c : cache_)
    if (c.first == &tmpl) return c.second;
  // The search reads only the tables' headings and the end headings: another edition with the
  // same ones has the same sections (each of its own table).
  for (const auto& c : cache_) {
    if (!SameHeadings(*c.first, tmpl)) continue;
    std::vector<Section> out = c.second;
    for (Section& sec : out) sec.table = &tmpl.tables[sec.table - c.first->tables.data()];
    cache_.emplace_back(&tmpl, std::move(out));
    return cache_.back().second;
  }
  std::vector<Section> out;
  const int n = size();
  int from = 0;
  for (const auto& table : tmpl.tables) {
    for (int i = from; i < n; ++i) {
      if (!IsHeading(i, table.headings)) continue;
      out.push_back({&table, i + 1, n});
      from = i + 1;
      break;
    }
  }
  // Each section ends where the next one (or the first heading after the tables) begins.
  for (std::size_t s = 0; s < out.size(); ++s) {
    if (s + 1 < out.size()) {
      out[s].last = out[s + 1].first - 1;
      continue;
    }
    int end = EndAfter(tmpl, out[s].first);
    if (end >= 0) out[s].last = end;
  }
  cache_.emplace_back(&tmpl, std::move(out));
  return cache_.back().second;
}

std::vector<Section> FindSections(const Lines& lines, const Template& tmpl) {
  SectionIndex index(lines);
  return index.Sections(tmpl);
}

}  // namespace gongkai
