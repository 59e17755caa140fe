#include "extractors/extractor.h"

#include "core/utf8.h"
#include "extractors/aligner.h"
#include "extractors/tokenizer.h"

namespace gongkai {
namespace {

// Headings are short lines (a paragraph that mentions a table's name is not its heading).
constexpr std::size_t kMaxHeadingBytes = 40 * 3;

// Normalised text of a line if it is short enough to be a heading, else "" (computed once).
class HeadingCandidates {
 public:
  explicit HeadingCandidates(const std::vector<std::string>& lines)
      : lines_(lines), norm_(lines.size()), done_(lines.size(), 0) {}
  bool IsHeading(int i, const std::vector<std::string>& keywords) {
    if (!done_[i]) {
      done_[i] = 1;
      const std::string& line = lines_[i];
      if (line.size() <= kMaxHeadingBytes + 16 && line.find('\t') == std::string::npos) {
        std::string_view text = utf8::TrimView(line);
        if (!text.empty() && text.size() <= kMaxHeadingBytes)
          AppendNormalizedLabel(text, &norm_[i]);
      }
    }
    if (norm_[i].empty()) return false;
    for (const auto& k : keywords)
      if (HasKeyWords(norm_[i], k)) return true;
    return false;
  }

  bool StartsWithAny(int i, const std::vector<std::string>& prefixes) {
    static const std::vector<std::string> kNone;
    IsHeading(i, kNone);  // computes norm_[i]
    std::string_view text = norm_[i];
    while (!text.empty() && text.front() == '#') text.remove_prefix(1);
    for (const auto& p : prefixes)
      if (text.compare(0, p.size(), p) == 0) return true;
    return false;
  }

  // A heading keyword "a+b" names key words that must all occur, in order ("行政复议+行政诉讼"
  // finds "因政府信息公开工作被申请行政复议、提起行政诉讼情况"): tables are found by their
  // heading's key words, not by the exact sentence.
  static bool HasKeyWords(const std::string& text, const std::string& keyword) {
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

 private:
  const std::vector<std::string>& lines_;
  std::vector<std::string> norm_;
  std::vector<char> done_;
};

}  // namespace

namespace {

int FindEndHeading(HeadingCandidates& h, const Template& tmpl, int from, int n) {
  for (int i = from; i < n; ++i)
    if (h.IsHeading(i, tmpl.end_headings)) return i;
  return -1;
}

// Sections 五 and 六 under other titles ("五、下一步工作打算"): the first top-level numbered
// heading after the last table ends it (numbering 五、 / 五. / ## 五、, normalised to "五.").
int FindNextNumberedHeading(HeadingCandidates& h, int from, int n) {
  static const std::vector<std::string> kNumbers = {"五.", "六.", "七.", "八."};
  for (int i = from; i < n; ++i)
    if (h.StartsWithAny(i, kNumbers)) return i;
  return -1;
}

std::vector<Section> FindSections(HeadingCandidates& h, int n, const Template& tmpl) {
  std::vector<Section> out;
  int from = 0;
  for (const auto& table : tmpl.tables) {
    for (int i = from; i < n; ++i) {
      if (!h.IsHeading(i, table.headings)) continue;
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
    int end = FindEndHeading(h, tmpl, out[s].first, n);
    if (end < 0) end = FindNextNumberedHeading(h, out[s].first, n);
    if (end >= 0) out[s].last = end;
  }
  return out;
}

}  // namespace

std::vector<Section> FindSections(const std::vector<std::string>& lines, const Template& tmpl) {
  HeadingCandidates h(lines);
  return FindSections(h, static_cast<int>(lines.size()), tmpl);
}

Extraction Extract(const std::vector<std::string>& lines, const Template& tmpl) {
  Extraction ex;
  ex.cells.reserve(tmpl.CellCount());
  HeadingCandidates h(lines);
  const int n = static_cast<int>(lines.size());
  auto sections = FindSections(h, n, tmpl);
  const int after = sections.empty() ? 0 : sections.back().first;
  ex.end_heading_found = FindEndHeading(h, tmpl, after, n) >= 0 ||
                         (!sections.empty() && FindNextNumberedHeading(h, after, n) >= 0);
  for (const auto& table : tmpl.tables) {
    const Section* sec = nullptr;
    for (const auto& s : sections)
      if (s.table == &table) sec = &s;
    if (!sec) {
      Finding f;
      f.kind = "table_missing";
      f.severity = Severity::kError;
      f.table = table.code;
      f.message = "no heading for table " + table.label + " found; its cells are absent";
      ex.findings.push_back(std::move(f));
      continue;
    }
    AlignTable(table, Tokenize(lines, sec->first, sec->last), lines, &ex.cells, &ex.findings);
  }
  return ex;
}

}  // namespace gongkai
