#include "tests/support/document_parts.h"

namespace gongkai::testing {

std::vector<std::string> Paragraphs(const Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (b.kind == DocBlock::Kind::kParagraph) out.push_back(b.text);
  return out;
}

std::vector<Grid> Tables(const Document& d) {
  std::vector<Grid> out;
  for (const auto& b : d.blocks)
    if (b.kind == DocBlock::Kind::kTable) out.push_back(b.table.grid);
  return out;
}

}  // namespace gongkai::testing
