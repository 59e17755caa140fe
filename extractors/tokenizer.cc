#include "extractors/tokenizer.h"

#include <algorithm>

#include "core/utf8.h"

namespace gongkai {
namespace {

// A physical row: its cells are cells[begin, end) of the section's one token list.
struct PhysicalRow {
  Layout layout;
  std::size_t begin, end;
};

// Makes tokens; normalised labels that differ from their text are kept in the store.
class TokenMaker {
 public:
  explicit TokenMaker(TokenStore* store) : store_(store) {}

  Token Make(std::string_view text, int line, int field) {
    Token t;
    t.text = utf8::TrimView(text);
    t.cell = ClassifyCell(t.text);
    if (t.IsText()) t.norm = Norm(t.text);
    t.line = line;
    t.field = field;
    return t;
  }

  std::string_view Norm(std::string_view text) {
    std::string_view norm = NormalizedLabelView(text, &scratch_);
    return norm.data() == text.data() ? text : store_->Keep(norm);
  }

  std::string_view Keep(std::string_view text) { return store_->Keep(text); }

 private:
  TokenStore* store_;
  std::string scratch_;
};

// "-3-", "- 3 -", "—3—", "第3页", "3/12": page furniture in PDF text.
bool IsPageNumber(std::string_view trimmed) {
  if (trimmed.empty() || (trimmed[0] != '-' && static_cast<unsigned char>(trimmed[0]) != 0xE2 &&
                          trimmed.compare(0, 3, "第") != 0 &&
                          trimmed.find('/') == std::string_view::npos))
    return false;  // none of the shapes below can match
  std::string s;
  for (char c : trimmed)
    if (c != ' ') s += c;
  auto strip = [&](const std::string& p) {
    if (s.size() >= 2 * p.size() && s.compare(0, p.size(), p) == 0 &&
        s.compare(s.size() - p.size(), p.size(), p) == 0) {
      s = s.substr(p.size(), s.size() - 2 * p.size());
      return true;
    }
    return false;
  };
  bool framed = strip("-") || strip("—") || strip("–") ||
                (s.rfind("第", 0) == 0 && s.size() > 6 && s.compare(s.size() - 3, 3, "页") == 0 &&
                 (s = s.substr(3, s.size() - 6), true));
  if (!framed) {
    std::size_t slash = s.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == s.size()) return false;
    s.erase(slash, 1);
  }
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

void SplitTabs(std::string_view line, std::vector<std::string_view>* out) {
  out->clear();
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out->push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
}

// Words as views into the line, split at Unicode white space. (Lines come from decode, so they
// are valid UTF-8; a malformed byte would simply stay inside its word.)
void SplitWords(std::string_view line, std::vector<std::string_view>* out) {
  out->clear();
  std::size_t i = 0, start = 0;
  bool in_word = false;
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
      if (in_word) out->push_back(line.substr(start, at - start));
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      start = at;
    }
  }
  if (in_word) out->push_back(line.substr(start));
}

// A tika cell's text continues on untabbed lines ("商业" / "企业"). Numbers are never joined
// across lines: a line that reads as a number or a mark is a cell of its own (a stray line then
// shows as one value too many), and so is anything after a number other than its unit.
bool ContinuesCell(std::string_view cell_so_far, std::string_view line) {
  CellText next = ClassifyCell(line);
  if (next.kind == CellText::Kind::kNumber || next.kind == CellText::Kind::kNotApplicable)
    return false;
  CellText prev = ClassifyCell(cell_so_far);
  if (prev.kind == CellText::Kind::kNumber)
    return line == "件" || line == "元" || line == "万元" || line == "万";
  return prev.kind != CellText::Kind::kNotApplicable;
}

// "| a | b |" -> "a", "b" (the outer marks bound the row); false for the rule line |---|:-:|.
bool SplitMarkdownRow(std::string_view trimmed, std::vector<std::string_view>* out) {
  out->clear();
  if (trimmed.find_first_not_of("|-: ") == std::string_view::npos) return false;
  std::string_view body = trimmed.substr(1);
  if (!body.empty() && body.back() == '|') body.remove_suffix(1);
  std::size_t start = 0;
  while (true) {
    std::size_t bar = body.find('|', start);
    out->push_back(body.substr(start, bar == std::string_view::npos ? std::string_view::npos
                                                                     : bar - start));
    if (bar == std::string_view::npos) return true;
    start = bar + 1;
  }
}

void ReadRows(const Lines& lines, int first, int last, TokenMaker& make,
              std::vector<PhysicalRow>* rows, std::vector<Token>* cells) {
  std::vector<std::string_view> parts;
  bool block_open = false;  // a cells-layout row is being collected
  // The open block's last cell: a view into its line until a wrapped line is joined to it, then
  // collected as text; classified once when it is complete, so that 80,000 continuation lines
  // cost linear time.
  std::string_view pending_view;
  std::string joined;
  bool is_joined = false;
  int pending_line = 0, pending_field = -1;
  auto start_row = [&](Layout layout) {
    if (!rows->empty()) rows->back().end = cells->size();
    rows->push_back({layout, cells->size(), cells->size()});
  };
  auto close_cell = [&] {
    if (pending_field < 0) return;
    std::string_view text = is_joined ? make.Keep(joined) : pending_view;
    cells->push_back(make.Make(text, pending_line, pending_field));
    pending_field = -1;
  };
  auto open_cell = [&](std::string_view text, int line_no) {
    close_cell();
    pending_view = text;
    is_joined = false;
    pending_line = line_no;
    pending_field = static_cast<int>(cells->size() - rows->back().begin);
  };
  for (int i = first; i < last; ++i) {
    const std::string_view raw = lines[i];
    const int line_no = i + 1;
    std::string_view trimmed = utf8::TrimView(raw);
    std::size_t tabs = 0;
    for (std::size_t at = raw.find('\t'); at != std::string_view::npos; at = raw.find('\t', at + 1))
      ++tabs;
    bool leading_tab = !raw.empty() && raw[0] == '\t';
    if (trimmed.empty() && !(leading_tab && tabs == 1)) {  // a lone tab is an empty cell
      close_cell();
      block_open = false;
      continue;
    }
    if (IsPageNumber(trimmed)) continue;
    if (leading_tab && tabs == 1) {
      if (!block_open) {
        close_cell();
        start_row(Layout::kCells);
      }
      block_open = true;
      open_cell(utf8::TrimView(raw.substr(1)), line_no);
    } else if (block_open && tabs == 0) {
      if (ContinuesCell(is_joined ? std::string_view(joined) : pending_view, trimmed)) {
        if (!is_joined) joined.assign(pending_view.data(), pending_view.size());
        is_joined = true;
        joined.append(trimmed.data(), trimmed.size());  // wrapped text of the cell
      } else {
        open_cell(trimmed, line_no);  // a number on a line of its own: a cell of its own
      }
    } else if (tabs == 0 && trimmed[0] == '|') {
      close_cell();
      block_open = false;
      if (!SplitMarkdownRow(trimmed, &parts)) continue;  // the rule under the header
      start_row(Layout::kMarkdown);
      for (std::size_t f = 0; f < parts.size(); ++f)
        cells->push_back(make.Make(parts[f], line_no, static_cast<int>(f)));
    } else {
      close_cell();
      block_open = false;
      start_row(tabs > 0 ? Layout::kFields : Layout::kWords);
      if (tabs > 0) SplitTabs(raw, &parts);
      else SplitWords(raw, &parts);
      for (std::size_t f = 0; f < parts.size(); ++f)
        cells->push_back(make.Make(parts[f], line_no, static_cast<int>(f)));
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

std::vector<Segment> Tokenize(const Lines& lines, int first, int last, TokenStore* store) {
  std::vector<Segment> out;
  TokenMaker make(store);
  std::vector<PhysicalRow> rows;
  std::vector<Token> cells;
  cells.reserve(static_cast<std::size_t>(std::max(0, last - first)) * 4);
  ReadRows(lines, first, last, make, &rows, &cells);
  out.reserve(rows.size() + rows.size() / 4);
  for (std::size_t u = 0; u < rows.size(); ++u) {
    const PhysicalRow& row = rows[u];
    const int fields = static_cast<int>(row.end - row.begin);
    Segment seg;
    seg.layout = row.layout;
    seg.unit = static_cast<int>(u);
    seg.fields = fields;
    auto flush = [&] {
      if (seg.labels.empty() && seg.values.empty()) return;
      seg.line = !seg.labels.empty() ? seg.labels.front().line : seg.values.front().line;
      out.push_back(std::move(seg));
      seg = Segment{};
      seg.layout = row.layout;
      seg.unit = static_cast<int>(u);
      seg.fields = fields;
    };
    for (std::size_t k = row.begin; k < row.end; ++k) {
      Token& t = cells[k];
      const std::size_t left = row.end - k;  // at most this many more tokens
      if (t.IsText()) {
        // A label after numbers starts the next row, except in PDF words, where numbers
        // between two labels of one line belong to the label ("保留 4 位小数").
        if (seg.HasValue() && row.layout != Layout::kWords) flush();
        if (seg.labels.empty()) seg.labels.reserve(left + seg.values.size());
        for (Token& v : seg.values) {
          if (v.IsBlank()) continue;
          v.cell = CellText{};
          v.cell.kind = CellText::Kind::kText;
          v.norm = make.Norm(v.text);
          seg.labels.push_back(std::move(v));
        }
        seg.values.clear();
        seg.labels.push_back(std::move(t));
      } else {
        if (seg.values.empty()) seg.values.reserve(left);
        seg.values.push_back(std::move(t));
      }
    }
    flush();
  }
  return out;
}

}  // namespace gongkai
