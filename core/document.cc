#include "core/document.h"

#include <algorithm>

#include "core/utf8.h"

namespace gongkai {
namespace {

std::string OneLine(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += (c == '\n' || c == '\t' || c == '\r') ? ' ' : c;
  return TrimText(out);
}

}  // namespace

std::string TrimText(const std::string& s) { return utf8::Trim(s); }

void Document::AddParagraph(std::string text) {
  text = TrimText(text);
  if (text.empty()) return;
  DocBlock b;
  b.text = std::move(text);
  blocks.push_back(std::move(b));
}

void Document::AddTable(DocTable table) {
  bool any = false;
  for (const auto& row : table.grid)
    for (const auto& cell : row) any = any || !cell.empty();
  if (!any) return;
  DocBlock b;
  b.kind = DocBlock::Kind::kTable;
  b.table = std::move(table);
  blocks.push_back(std::move(b));
}

bool Document::HasText() const { return !blocks.empty(); }

void TableBuilder::Ensure(std::size_t row, std::size_t col) {
  if (grid_.size() <= row) {
    grid_.resize(row + 1);
    taken_.resize(row + 1);
  }
  if (grid_[row].size() <= col) {
    grid_[row].resize(col + 1);
    taken_[row].resize(col + 1, 0);
  }
}

void TableBuilder::StartRow() {
  row_ = started_ ? row_ + 1 : 0;  // a row made earlier by a rowspan keeps its covered marks
  started_ = true;
  Ensure(row_, 0);
  col_ = 0;
}

void TableBuilder::AddCell(std::string text, int colspan, int rowspan) {
  if (!started_) StartRow();
  const std::size_t r = row_;
  colspan = std::clamp(colspan, 1, 1000);
  rowspan = std::clamp(rowspan, 1, 1000);
  Ensure(r, col_);
  while (col_ < taken_[r].size() && taken_[r][col_]) {
    ++col_;
    Ensure(r, col_);
  }
  for (int dr = 0; dr < rowspan; ++dr)
    for (int dc = 0; dc < colspan; ++dc) {
      Ensure(r + dr, col_ + dc);
      taken_[r + dr][col_ + dc] = 1;
    }
  grid_[r][col_] = TrimText(text);
  col_ += colspan;
}

DocTable TableBuilder::Finish() {
  DocTable t;
  if (started_ && grid_.size() > row_ + 1) grid_.resize(row_ + 1);  // rowspans past the end
  std::size_t cols = 0;
  for (const auto& row : grid_) cols = std::max(cols, row.size());
  for (auto& row : grid_) row.resize(cols);
  t.grid = std::move(grid_);
  grid_.clear();
  taken_.clear();
  col_ = row_ = 0;
  started_ = false;
  return t;
}

std::vector<std::string> Render(const Document& doc) {
  std::vector<std::string> lines;
  for (const DocBlock& b : doc.blocks) {
    if (!lines.empty()) lines.emplace_back();
    if (b.kind == DocBlock::Kind::kParagraph) {
      std::size_t start = 0;
      while (start <= b.text.size()) {
        std::size_t nl = b.text.find('\n', start);
        std::string line = OneLine(b.text.substr(start, nl == std::string::npos ? nl : nl - start));
        if (!line.empty()) lines.push_back(std::move(line));
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
      continue;
    }
    for (const auto& row : b.table.grid) {
      std::string line;
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c) line += '\t';
        line += OneLine(row[c]);
      }
      // A one-column row gets a trailing tab, so that it still reads as a table row.
      if (row.size() == 1) line += '\t';
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

}  // namespace gongkai
