#include "extractors/extractor.h"

#include <optional>

#include "extractors/aligner.h"
#include "extractors/tokenizer.h"

namespace gongkai {

Extraction Extract(const Lines& lines, const Template& tmpl,
                   SectionIndex* index) {
  std::optional<SectionIndex> own;
  if (!index) index = &own.emplace(lines);
  Extraction ex;
  TokenStore store;  // text of this report's tokens that is not in its lines
  ex.cells.reserve(tmpl.CellCount());
  const std::vector<Section>& sections = index->Sections(tmpl);
  const int after = sections.empty() ? 0 : sections.back().first;
  ex.end_heading_found = index->FindEndHeading(tmpl, after) >= 0 ||
                         (!sections.empty() && index->FindNextNumberedHeading(after) >= 0);
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
    AlignTable(table, Tokenize(lines, sec->first, sec->last, &store), lines, &ex.cells, &ex.findings);
  }
  return ex;
}

}  // namespace gongkai
