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

}  // namespace

SectionIndex::SectionIndex(const Lines& lines)
    : lines_(lines), heading_sized_(lines.size(), -1) {}

std::string_view SectionIndex::Labels(int from, int to) {
  if (label_start_.empty()) {  // every line once, into one buffer
    const std::size_t n = lines_.size();
    labels_.reserve(lines_.Text().size());
    label_start_.reserve(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
      label_start_.push_back(labels_.size());
      AppendNormalizedLabel(lines_[i], &labels_);
    }
    label_start_.push_back(labels_.size());
  }
  to = std::max(from, to);
  return std::string_view(labels_).substr(label_start_[from],
                                          label_start_[to] - label_start_[from]);
}

// A heading is a short line without a tab; its label is the label of the trimmed line, which is
// the line's label (every white space that trimming removes, NormalizeLabel removes too).
std::string_view SectionIndex::Norm(int i) {
  if (heading_sized_[i] < 0) {
    const std::string_view line = lines_[i];
    bool sized = false;
    if (line.size() <= kMaxHeadingBytes + 16 && line.find('\t') == std::string::npos) {
      std::string_view text = utf8::TrimView(line);
      sized = !text.empty() && text.size() <= kMaxHeadingBytes;
    }
    heading_sized_[i] = sized;
  }
  return heading_sized_[i] ? Label(i) : std::string_view();
}

bool SectionIndex::IsHeading(int i, const std::vector<std::string>& keywords) {
  const std::string_view norm = Norm(i);
  if (norm.empty()) return false;
  for (const auto& k : keywords)
    if (HasKeyWords(norm, k)) return true;
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
