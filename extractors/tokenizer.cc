#include "extractors/tokenizer.h"

#include <algorithm>
#include <cstring>

#include "core/utf8.h"

namespace gongkai {
namespace {

// A physical row: its cells are cells[begin, end) of the section's one token list.
struct PhysicalRow {
  Layout layout;
  std::size_t begin, end;
};

// A segment as positions in the section's token array, until the array is copied into the
// store: labels [begin, labels), values [labels, end).
struct Cut {
  Layout layout;
  int unit, fields, line;
  std::size_t begin, labels, end;
};

// A section's rows, cuts and joined cell text while it is read: per thread, reused from section to section and
// report to report (no allocation once they have grown to the largest section).
struct Scratch {
  std::vector<PhysicalRow> rows;
  std::vector<Cut> cuts;
  std::string joined;
};

// Makes tokens into scratch.cells; normalised labels that differ from their text are kept in the
// store.
class TokenMaker {
 public:
  TokenMaker(TokenStore* store, std::vector<Token>* cells) : store_(store), cells_(cells) {}

  // `trimmed` is utf8::TrimView of the cell's text.
  void Add(std::string_view trimmed, int line, int field) {
    Token& t = cells_->emplace_back();
    t.text = trimmed;
    t.cell = ClassifyTrimmedCell(trimmed);
    if (t.IsText()) t.norm = Norm(trimmed);
    t.line = line;
    t.field = field;
  }

  std::string_view Norm(std::string_view text) {
    std::string_view norm = NormalizedLabelView(text, &scratch_);
    return norm.data() == text.data() ? text : store_->Keep(norm);
  }

  std::string_view Keep(std::string_view text) { return store_->Keep(text); }

 private:
  TokenStore* store_;
  std::vector<Token>* cells_;
  std::string scratch_;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits and ASCII spaces only, and at least one digit.
bool DigitsAmongSpaces(std::string_view s) {
  bool any = false;
  for (char c : s) {
    if (c == ' ') continue;
    if (!IsDigit(c)) return false;
    any = true;
  }
  return any;
}

// "-3-", "- 3 -", "—3—", "第3页", "3/12": page furniture in PDF text. ASCII spaces anywhere
// are ignored; a frame's inside, or both sides of the slash, are digits. `trimmed` starts and
// ends with no white space, so each shape is told by its first and last bytes.
bool IsPageNumber(std::string_view trimmed) {
  if (trimmed.empty()) return false;
  const char first = trimmed[0];
  if (IsDigit(first)) {  // "3/12"
    const std::size_t slash = trimmed.find('/');
    return slash != std::string_view::npos && DigitsAmongSpaces(trimmed.substr(0, slash)) &&
           DigitsAmongSpaces(trimmed.substr(slash + 1));
  }
  auto framed = [&](std::string_view open, std::string_view close) {
    return trimmed.size() >= open.size() + close.size() &&
           trimmed.compare(0, open.size(), open) == 0 &&
           trimmed.compare(trimmed.size() - close.size(), close.size(), close) == 0 &&
           DigitsAmongSpaces(trimmed.substr(open.size(),
                                            trimmed.size() - open.size() - close.size()));
  };
  if (first == '-') return framed("-", "-");
  if (static_cast<unsigned char>(first) == 0xE2)
    return trimmed.compare(0, 3, "—") == 0 ? framed("—", "—") : framed("–", "–");
  return first == '\xE7' && framed("第", "页");  // 第 is E7 AC AC
}

// Calls add(field, part) for each tab-separated part of the line.
template <typename Add>
void SplitTabs(std::string_view line, Add&& add) {
  std::size_t start = 0;
  for (int f = 0;; ++f) {
    std::size_t tab = line.find('\t', start);
    add(f, line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
}

// Calls add(field, word) for each word of the line, split at Unicode white space: views into
// the line, trimmed by construction. (Lines come from decode, so they are valid UTF-8; a
// malformed byte would simply stay inside its word.)
template <typename Add>
void SplitWords(std::string_view line, Add&& add) {
  std::size_t i = 0, start = 0;
  bool in_word = false;
  int f = 0;
  const std::size_t n = line.size();
  while (i < n) {
    const std::size_t at = i;
    const unsigned char c = static_cast<unsigned char>(line[i]);
    bool space;
    if (!utf8::MayStartSpace(c)) {  // a word byte (CJK, ASCII letters and digits): no decoding
      space = false;
      ++i;
    } else if (c < 0x80) {
      space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
      ++i;
    } else {
      space = utf8::IsSpace(utf8::Next(line, i));
    }
    if (space) {
      if (in_word) add(f++, line.substr(start, at - start));
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      start = at;
    }
  }
  if (in_word) add(f, line.substr(start));
}

// A tika cell's text continues on untabbed lines ("商业" / "企业"). Numbers are never joined
// across lines: a line that reads as a number or a mark is a cell of its own (a stray line then
// shows as one value too many), and so is anything after a number other than its unit. Both
// texts are trimmed.
bool ContinuesCell(std::string_view cell_so_far, std::string_view line) {
  CellText next = ClassifyTrimmedCell(line);
  if (next.kind == CellText::Kind::kNumber || next.kind == CellText::Kind::kNotApplicable)
    return false;
  CellText prev = ClassifyTrimmedCell(cell_so_far);
  if (prev.kind == CellText::Kind::kNumber)
    return line == "件" || line == "元" || line == "万元" || line == "万";
  return prev.kind != CellText::Kind::kNotApplicable;
}

// The rule line under a Markdown header: |---|:-:|.
bool IsMarkdownRule(std::string_view trimmed) {
  return trimmed.find_first_not_of("|-: ") == std::string_view::npos;
}

// "| a | b |" -> add(0, "a"), add(1, "b") (the outer marks bound the row).
template <typename Add>
void SplitMarkdownRow(std::string_view trimmed, Add&& add) {
  std::string_view body = trimmed.substr(1);
  if (!body.empty() && body.back() == '|') body.remove_suffix(1);
  std::size_t start = 0;
  for (int f = 0;; ++f) {
    std::size_t bar = body.find('|', start);
    add(f, body.substr(start, bar == std::string_view::npos ? std::string_view::npos
                                                               : bar - start));
    if (bar == std::string_view::npos) return;
    start = bar + 1;
  }
}

// Reads lines [first, last) into physical rows (scratch->rows) of cells (*cells).
void ReadRows(const Lines& lines, int first, int last, TokenMaker& make, Scratch* scratch,
              std::vector<Token>* cells) {
  std::vector<PhysicalRow>* rows = &scratch->rows;
  bool block_open = false;  // a cells-layout row is being collected
  // The open block's last cell: a view into its line until a wrapped line is joined to it, then
  // collected as text; classified once when it is complete, so that 80,000 continuation lines
  // cost linear time. Both are trimmed (a join of trimmed texts is).
  std::string_view pending_view;
  std::string& joined = scratch->joined;
  bool is_joined = false;
  int pending_line = 0, pending_field = -1;
  auto start_row = [&](Layout layout) {
    if (!rows->empty()) rows->back().end = cells->size();
    rows->push_back({layout, cells->size(), cells->size()});
  };
  auto close_cell = [&] {
    if (pending_field < 0) return;
    make.Add(is_joined ? make.Keep(joined) : pending_view, pending_line, pending_field);
    pending_field = -1;
  };
  auto open_cell = [&](std::string_view trimmed, int line_no) {
    close_cell();
    pending_view = trimmed;
    is_joined = false;
    pending_line = line_no;
    pending_field = static_cast<int>(cells->size() - rows->back().begin);
  };
  for (int i = first; i < last; ++i) {
    const std::string_view raw = lines[i];
    const int line_no = i + 1;
    // The line's tab shape from at most one scan: a leading tab, and whether any other tab.
    const bool leading_tab = !raw.empty() && raw[0] == '\t';
    const bool more_tabs =
        raw.size() > 1 && std::memchr(raw.data() + 1, '\t', raw.size() - 1) != nullptr;
    const bool has_tabs = leading_tab || more_tabs;
    const bool one_cell = leading_tab && !more_tabs;  // "\tcell": the cells layout
    // A cell line's text after its tab (TrimView of the line is the same text).
    const std::string_view text = one_cell ? raw.substr(1) : raw;
    const std::string_view trimmed = text.empty() ? text : utf8::TrimView(text);
    if (trimmed.empty() && !one_cell) {  // a lone tab is an empty cell
      close_cell();
      block_open = false;
      continue;
    }
    if (IsPageNumber(trimmed)) continue;
    auto add = [&](int f, std::string_view part) {  // an empty field needs no trim
      make.Add(part.empty() ? part : utf8::TrimView(part), line_no, f);
    };
    if (one_cell) {
      if (!block_open) {
        close_cell();
        start_row(Layout::kCells);
      }
      block_open = true;
      open_cell(trimmed, line_no);
    } else if (block_open && !has_tabs) {
      if (ContinuesCell(is_joined ? std::string_view(joined) : pending_view, trimmed)) {
        if (!is_joined) joined.assign(pending_view.data(), pending_view.size());
        is_joined = true;
        joined.append(trimmed.data(), trimmed.size());  // wrapped text of the cell
      } else {
        open_cell(trimmed, line_no);  // a number on a line of its own: a cell of its own
      }
    } else if (!has_tabs && trimmed[0] == '|') {
      close_cell();
      block_open = false;
      if (IsMarkdownRule(trimmed)) continue;  // the rule under the header
      start_row(Layout::kMarkdown);
      SplitMarkdownRow(trimmed, add);
    } else {
      close_cell();
      block_open = false;
      start_row(has_tabs ? Layout::kFields : Layout::kWords);
      if (has_tabs) SplitTabs(raw, add);
      else SplitWords(raw, [&](int f, std::string_view word) { make.Add(word, line_no, f); });
    }
  }
  close_cell();
  if (!rows->empty()) rows->back().end = cells->size();
}

}  // namespace

bool Segment::HasValue() const {
  for (const auto& v : values)
    if (!v.IsBlank()) return true;
  return false;
}

std::vector<Token>* TokenStore::NewTokens(std::size_t expected) {
  if (tokens_.empty()) tokens_.reserve(8);
  std::vector<Token>* t = &tokens_.emplace_back();
  t->reserve(expected);
  return t;
}

std::vector<Segment> Tokenize(const Lines& lines, int first, int last, TokenStore* store) {
  thread_local Scratch scratch;
  // The tokens are read straight into the store's array (a cells-layout section has about a
  // token a line); the rows and cuts into per-thread buffers.
  std::vector<Token>& cells =
      *store->NewTokens(2 * static_cast<std::size_t>(std::max(0, last - first)) + 16);
  std::vector<PhysicalRow>& rows = scratch.rows;
  rows.clear();
  TokenMaker make(store, &cells);
  ReadRows(lines, first, last, make, &scratch, &cells);
  // Each row is cut into segments "labels, then values" in place: a segment's tokens are moved
  // down to cells[begin, w), labels first, so that every segment is one run of the array and
  // the segments follow one another (blank cells before a label are dropped).
  std::vector<Cut>& cuts = scratch.cuts;
  cuts.clear();
  std::size_t w = 0;
  for (std::size_t u = 0; u < rows.size(); ++u) {
    const PhysicalRow& row = rows[u];
    const int fields = static_cast<int>(row.end - row.begin);
    std::size_t begin = w, labels = w;  // the open segment: labels [begin, labels), values to w
    bool has_value = false;             // a number or mark among its values
    auto cut = [&] {
      if (w == begin) return;
      cuts.push_back({row.layout, static_cast<int>(u), fields, cells[begin].line, begin, labels,
                      w});
      begin = labels = w;
      has_value = false;
    };
    for (std::size_t k = row.begin; k < row.end; ++k) {
      const Token& t = cells[k];  // k >= w: not overwritten before it is moved
      if (t.IsText()) {
        // A label after numbers starts the next row, except in PDF words, where numbers
        // between two labels of one line belong to the label ("保留 4 位小数").
        if (has_value && row.layout != Layout::kWords) cut();
        for (std::size_t v = labels; v < w; ++v) {  // values before a label are label text
          if (cells[v].IsBlank()) continue;
          Token& l = cells[labels++];
          l = cells[v];
          l.cell = CellText{};
          l.cell.kind = CellText::Kind::kText;
          l.norm = make.Norm(l.text);
        }
        if (labels != k) cells[labels] = t;
        w = ++labels;
        has_value = false;
      } else {
        has_value = has_value || !t.IsBlank();
        if (w != k) cells[w] = t;
        ++w;
      }
    }
    cut();
  }
  cells.resize(w);  // no reallocation: the segments point into it from here on
  const Token* kept = cells.data();
  std::vector<Segment> out(cuts.size());
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    const Cut& c = cuts[i];
    Segment& seg = out[i];
    seg.layout = c.layout;
    seg.unit = c.unit;
    seg.fields = c.fields;
    seg.line = c.line;
    seg.labels = TokenSpan(kept + c.begin, kept + c.labels);
    seg.values = TokenSpan(kept + c.labels, kept + c.end);
  }
  if (scratch.joined.capacity() > (std::size_t{1} << 20)) std::string().swap(scratch.joined);
  return out;
}

}  // namespace gongkai
