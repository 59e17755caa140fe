// document: what every format reader (readers/) ends in, whatever the file was: a sequence of
// paragraphs and tables, each table a grid of cells with spans resolved. A cell covered by a
// row or column span is present and empty, so a value's column is its grid position and never
// a guess. Render() turns the model into the tab-separated-rows text layout the tokenizer
// already reads (one table row per line, every grid cell a field, empty cells kept), so the
// aligner learns nothing new.
#ifndef GONGKAI_CORE_DOCUMENT_H_
#define GONGKAI_CORE_DOCUMENT_H_

#include <string>
#include <vector>

namespace gongkai {

struct DocTable {
  // grid[r][c]: the text of the cell whose top-left corner is (r, c); "" for an empty or
  // span-covered position. Every row has the same number of columns. Line breaks inside a
  // cell are kept as '\n'.
  std::vector<std::vector<std::string>> grid;
  std::size_t Cols() const { return grid.empty() ? 0 : grid.front().size(); }
};

struct DocBlock {
  enum class Kind { kParagraph, kTable };
  Kind kind = Kind::kParagraph;
  std::string text;  // a paragraph; line breaks inside it kept as '\n'
  DocTable table;
};

struct Document {
  std::vector<DocBlock> blocks;
  void AddParagraph(std::string text);  // trimmed; empty paragraphs are dropped
  void AddTable(DocTable table);        // tables without any text are dropped
  bool HasText() const;
};

// Builds a grid from rows of cells with colspan/rowspan (HTML, DOCX): a cell goes to the first
// column of its row not covered by a rowspan from above; the positions it spans stay "".
class TableBuilder {
 public:
  void StartRow();
  void AddCell(std::string text, int colspan = 1, int rowspan = 1);
  DocTable Finish();  // pads rows to the widest one

 private:
  std::vector<std::vector<std::string>> grid_;
  std::vector<std::vector<char>> taken_;
  std::size_t row_ = 0, col_ = 0;
  bool started_ = false;
  void Ensure(std::size_t row, std::size_t col);
};

// One line per paragraph line and per table row (cells joined by tabs; a cell's own line
// breaks become spaces; tabs inside text become spaces), a blank line between blocks.
std::vector<std::string> Render(const Document& doc);

// Trims white space at both ends (ASCII, NBSP, the full-width space U+3000: utf8::IsSpace).
std::string TrimText(const std::string& s);

}  // namespace gongkai

#endif  // GONGKAI_CORE_DOCUMENT_H_
