#include "extractors/extractor.h"

#include "extractors/aligner.h"
#include "extractors/tokenizer.h"
#include "extractors/utf8.h"

namespace gongkai {
namespace {

// Headings are short lines (a paragraph that mentions a table's name is not its heading).
constexpr std::size_t kMaxHeadingBytes = 40 * 3;

bool IsHeading(const std::string& line, const std::vector<std::string>& keywords) {
  std::string text = utf8::Trim(line);
  if (text.empty() || text.size() > kMaxHeadingBytes) return false;
  if (text.find('\t') != std::string::npos) return false;
  std::string norm = NormalizeLabel(text);
  for (const auto& k : keywords)
    if (norm.find(k) != std::string::npos) return true;
  return false;
}

}  // namespace

int FindEndHeading(const std::vector<std::string>& lines, const Template& tmpl, int from) {
  for (int i = from; i < static_cast<int>(lines.size()); ++i)
    if (IsHeading(lines[i], tmpl.end_headings)) return i;
  return -1;
}

std::vector<Section> FindSections(const std::vector<std::string>& lines, const Template& tmpl) {
  std::vector<Section> out;
  const int n = static_cast<int>(lines.size());
  int from = 0;
  for (const auto& table : tmpl.tables) {
    for (int i = from; i < n; ++i) {
      if (!IsHeading(lines[i], table.headings)) continue;
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
    int end = FindEndHeading(lines, tmpl, out[s].first);
    if (end >= 0) out[s].last = end;
  }
  return out;
}

Extraction Extract(const std::vector<std::string>& lines, const Template& tmpl) {
  Extraction ex;
  auto sections = FindSections(lines, tmpl);
  ex.end_heading_found = FindEndHeading(lines, tmpl, sections.empty() ? 0 : sections.back().first) >= 0;
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
