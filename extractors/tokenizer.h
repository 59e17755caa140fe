// tokenizer: a report section's lines in, row segments out. This is the only place that knows
// the export layouts:
//   cells  - one cell per tab-indented line, rows separated by blank lines, wrapped cell text on
//            following untabbed lines (DOCX/web exports); a number is never joined across
//            lines: an untabbed line that reads as a number is a cell of its own;
//   fields - one table row per line, tab-separated, stray empty fields possible;
//   markdown - one table row per line between '|' marks ("| 规章 | 0 | 0 |"), the |---| rule
//            line skipped; otherwise read like fields (a cell keeps its position);
//   words  - PDF text: a row's label and numbers on one line separated by spaces, labels wrapped
//            over several lines, page numbers (-3-) between.
// Each physical row is split into segments "label tokens, then value tokens"; values keep their
// field index so the aligner can map tab layouts with stray empties onto header columns.
// A token's text is a view into the report's lines (decode's one buffer), or into the
// TokenStore when it is not a substring of them (a cell wrapped over lines; a normalised label
// that differs from its text); the tokens themselves are in the store too: segments must not
// outlive the lines nor the store. The segments of one Tokenize call lie one after another in
// one array, each its labels then its values: a segment's values end where the next segment's
// labels (or, when it has none, its values) begin.
#ifndef GONGKAI_EXTRACTORS_TOKENIZER_H_
#define GONGKAI_EXTRACTORS_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/arena.h"
#include "core/lines.h"
#include "core/template.h"
#include "extractors/cell_value.h"

namespace gongkai {

enum class Layout { kCells, kFields, kWords, kMarkdown };

struct Token {
  std::string_view text;  // trimmed cell text
  std::string_view norm;  // NormalizeLabel(text), for text tokens only
  CellText cell;     // its classification
  int line = 0;      // 1-based source line
  int field = 0;     // index of the cell within its physical row
  bool IsText() const { return cell.kind == CellText::Kind::kText; }
  bool IsBlank() const { return cell.kind == CellText::Kind::kBlank; }
};

// A run of tokens that lie one after another in a TokenStore (read-only, like a std::span).
class TokenSpan {
 public:
  TokenSpan() = default;
  TokenSpan(const Token* first, const Token* last) : first_(first), last_(last) {}
  const Token* begin() const { return first_; }
  const Token* end() const { return last_; }
  std::size_t size() const { return static_cast<std::size_t>(last_ - first_); }
  bool empty() const { return first_ == last_; }
  const Token& operator[](std::size_t i) const { return first_[i]; }
  const Token& front() const { return *first_; }
  const Token& back() const { return last_[-1]; }

 private:
  const Token* first_ = nullptr;
  const Token* last_ = nullptr;
};

// What a report's segments point into besides its lines: the text of tokens that is not a
// substring of the lines (Keep(text) gives a view that stays valid while the store lives), in a
// per-report arena of 16 KiB chunks, and the tokens themselves, one array per Tokenize call.
// Not thread-safe: one report's extraction at a time.
class TokenStore {
 public:
  std::string_view Keep(std::string_view text) { return text_.Keep(text); }
  // A new, empty token array (reserved for `expected` tokens) that lives as long as the store:
  // Tokenize fills it, and its segments point into it once it no longer grows.
  std::vector<Token>* NewTokens(std::size_t expected);

 private:
  Arena text_;
  std::vector<std::vector<Token>> tokens_;
};

struct Segment {
  Layout layout = Layout::kWords;
  int unit = 0;                 // index of the physical row it came from
  TokenSpan labels;             // text tokens
  TokenSpan values;             // tokens after the last label: numbers, marks, blanks
  int line = 0;                 // line of the first token
  int fields = 0;               // cells of the whole physical row (tab layouts: its tab fields)
  bool HasValue() const;        // any number or not-applicable mark
  // A layout that keeps every cell at its position in the row (tab-separated or Markdown).
  bool Positional() const { return layout == Layout::kFields || layout == Layout::kMarkdown; }
};

// lines[i] is source line i+1; tokenizes lines [first, last). Text not in the lines goes to
// *store.
std::vector<Segment> Tokenize(const Lines& lines, int first, int last, TokenStore* store);
std::vector<Segment> Tokenize(Lines&&, int, int, TokenStore*) = delete;  // views would dangle

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_TOKENIZER_H_
