#include "extractors/narrative.h"

#include <string.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "core/rule_program.h"
#include "core/utf8.h"
#include "extractors/extractor.h"

namespace gongkai {
namespace {

// One kind of statement: an anchor phrase, the acts its clause must name (any; empty: none
// needed), the acts it must not name, and the table figure it is compared with.
struct Statement {
  const char* rule_key;
  const char* anchor;
  std::vector<std::string_view> acts;
  std::vector<std::string_view> other_acts;
  const char* table;
  const char* row;
  std::vector<const char*> totals;  // summed; each the 总计 column, or its parts when blank
};

const std::vector<std::string_view> kReceive = {"收到", "受理", "接收", "新收"};
const std::vector<std::string_view> kProcess = {"办理", "答复", "办结", "处理"};
const std::vector<std::string_view> kSeparators = {"，", "。", "；", "：", ",", ";", ":"};

const std::vector<Statement>& Statements() {
  static const std::vector<Statement> s = {
      {"narrative.applications_received", "政府信息公开申请", kReceive, kProcess, "t3", "new",
       {"total"}},
      {"narrative.applications_processed", "政府信息公开申请", kProcess, kReceive, "t3", "total",
       {"total"}},
      {"narrative.review_total", "行政复议", {}, {}, "t4", "all", {"rev_total"}},
      {"narrative.litigation_total", "行政诉讼", {}, {}, "t4", "all", {"lit_total", "lar_total"}},
  };
  return s;
}

bool Contains(std::string_view text, const std::vector<std::string_view>& words) {
  for (auto w : words)
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

// Start of the clause that ends at `end` (after the last separator before it): the largest
// end of a separator starting before `end`, found scanning back from `end` (a separator starting
// earlier than best - its size cannot end later, so the scan stops there).
std::size_t ClauseStart(std::string_view text, std::size_t end) {
  std::size_t longest = 0;
  for (auto sep : kSeparators) longest = std::max(longest, sep.size());
  std::size_t start = 0;
  for (std::size_t p = std::min(end, text.size()); p-- > 0 && p + longest > start;) {
    const char c = text[p];  // every separator starts with one of these bytes
    if (c != '\xEF' && c != '\xE3' && c != ',' && c != ';' && c != ':') continue;
    for (auto sep : kSeparators)
      if (p + sep.size() <= text.size() && p + sep.size() > start &&
          text.compare(p, sep.size(), sep) == 0)
        start = p + sep.size();
  }
  return start;
}

// text.find(word, from), through memmem (which skips instead of stopping at every byte that
// starts the word's first character).
std::size_t FindFrom(std::string_view text, std::string_view word, std::size_t from) {
  if (from > text.size()) return std::string_view::npos;
  const void* at = memmem(text.data() + from, text.size() - from, word.data(), word.size());
  return at ? static_cast<const char*>(at) - text.data() : std::string_view::npos;
}

bool StartsWith(std::string_view text, std::size_t at, std::string_view word) {
  return text.compare(at, word.size(), word) == 0;
}

// The number right after `at` ("(申请|案件)?(共计|共|合计)? *digits *(件|起)"), and where the
// statement ends; nullopt when the text does not say a count there.
std::optional<double> CountAt(std::string_view text, std::size_t* at) {
  std::size_t i = *at;
  for (std::string_view skip : {"申请", "案件"})
    if (StartsWith(text, i, skip)) i += skip.size();
  for (std::string_view skip : {"共计", "合计", "总计", "共"})
    if (StartsWith(text, i, skip)) {
      i += skip.size();
      break;
    }
  while (i < text.size() && text[i] == ' ') ++i;
  std::size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits || i - digits > 9) return std::nullopt;
  double value = std::stod(std::string(text.substr(digits, i - digits)));
  while (i < text.size() && text[i] == ' ') ++i;
  for (std::string_view unit : {"件", "起"})
    if (StartsWith(text, i, unit)) {
      *at = i + unit.size();
      return value;
    }
  return std::nullopt;
}

std::string Format(double v) {
  std::ostringstream os;
  os.precision(15);
  os << v;
  return os.str();
}

// Finds a report's cells by their codes: the first cell of a coordinate (one printed twice is
// read by its first), nullptr when the template has no such cell (its compiled rules do not
// know the codes) or the report lacks it. A statement needs one or two cells, so they are looked
// for when asked, not indexed.
class CellsById {
 public:
  CellsById(const Template& tmpl, const std::vector<Cell>& cells)
      : program_(tmpl.rule_program.get()), cells_(cells) {}
  const Cell* Find(std::string_view table, std::string_view row, const std::string& col) const {
    // The template must know the codes.
    if (program_ && program_->IdOf(table, row, col) < 0) return nullptr;
    for (const auto& c : cells_)
      if (c.col() == col && c.row() == row && c.table() == table) return &c;
    return nullptr;
  }

 private:
  const RuleProgram* program_;
  const std::vector<Cell>& cells_;
};

// The 总计 cell as reported, else the sum of the printed parts of the same group (the row's
// applicant columns for 表三; the columns sharing the prefix before '_' for 表四).
std::optional<double> TableFigure(const std::vector<Cell>& cells, const CellsById& index,
                                  const Statement& st, std::string* terms) {
  const std::string_view table = st.table, row = st.row;
  double sum = 0;
  for (const char* total : st.totals) {
    std::string col = total;
    if (!terms->empty()) *terms += " + ";
    *terms += std::string(st.table) + "." + st.row + "." + col;
    const Cell* c = index.Find(table, row, col);
    if (c && c->state == CellState::kNumber) {
      sum += *c->value;
      continue;
    }
    std::string group = col == "total" ? "" : col.substr(0, col.find('_') + 1);
    bool any = false;
    for (const auto& p : cells) {
      if (p.table() != table || p.row() != row || p.col() == col) continue;
      if (!group.empty() && p.col().rfind(group, 0) != 0) continue;
      if (p.state != CellState::kNumber) continue;
      sum += *p.value;
      any = true;
    }
    if (!any) return std::nullopt;
    *terms += " (blank: sum of its parts)";
  }
  return sum;
}

// Where an anchor may start a statement within one run of prose lines [first, end) (the lines
// between the tables' sections): a line holding it whole, found by searching the run's text from
// that line on (lines never hold '\n', so a hit lies within one line; the search goes on from a
// line only once the lines before it are done with), or a line whose end holds the anchor's
// first part when the next line, in the same run, starts with the rest (the anchor wrapped: the
// statement reads the line and the next line's first 16 bytes). Lines asked in order.
class AnchorLines {
 public:
  AnchorLines(const Lines& lines, std::string_view anchor) : lines_(lines), anchor_(anchor) {
    for (std::size_t k = FirstSplit(); k < anchor_.size(); ++k)
      split_end_[static_cast<unsigned char>(anchor_[k - 1])] = true;
  }

  // Line n of the run ending before line `end`.
  bool MayStart(std::size_t n, std::size_t end) {
    if (!searched_ || hit_ < n) {
      hit_ = NextWhole(n, end);
      searched_ = true;
    }
    if (hit_ == n) return true;
    if (n + 1 >= end) return false;  // the next line is not prose
    const std::string_view line = lines_[n], next = lines_[n + 1];
    if (line.empty() || !split_end_[static_cast<unsigned char>(line.back())]) return false;
    // The anchor's first k bytes end the line, the rest (at most 16 bytes) starts the next.
    for (std::size_t k = FirstSplit(); k < anchor_.size(); ++k)
      if (k <= line.size() && line.back() == anchor_[k - 1] &&
          line.substr(line.size() - k) == anchor_.substr(0, k) &&
          next.substr(0, anchor_.size() - k) == anchor_.substr(k))
        return true;
    return false;
  }

 private:
  // The first line in [n, end) holding the anchor whole, else `end`: only the run's text is
  // searched, not the tables after it.
  std::size_t NextWhole(std::size_t n, std::size_t end) const {
    if (n >= end) return end;
    const char* from = lines_[n].data();
    const char* to = lines_[end - 1].data() + lines_[end - 1].size();
    const char* at = static_cast<const char*>(
        memmem(from, to - from, anchor_.data(), anchor_.size()));
    if (!at) return end;
    while (lines_[n].data() + lines_[n].size() < at) ++n;
    return n;
  }

  std::size_t FirstSplit() const { return anchor_.size() > 16 ? anchor_.size() - 16 : 1; }

  const Lines& lines_;
  std::string_view anchor_;
  bool split_end_[256] = {};  // the last bytes of the anchor's first parts
  std::size_t hit_ = 0;
  bool searched_ = false;
};

// The runs of lines outside the tables' sections (a section's heading line counts as the
// table's), in order: [first, end) each.
std::vector<std::pair<std::size_t, std::size_t>> ProseRuns(const std::vector<Section>& sections,
                                                           std::size_t n_lines) {
  std::vector<std::pair<std::size_t, std::size_t>> tables;
  tables.reserve(sections.size());
  for (const auto& sec : sections) {
    const std::size_t lo = static_cast<std::size_t>(std::max(0, sec.first - 1));
    const std::size_t hi = std::min(n_lines, static_cast<std::size_t>(std::max(0, sec.last)));
    if (lo < hi) tables.emplace_back(lo, hi);
  }
  std::sort(tables.begin(), tables.end());
  std::vector<std::pair<std::size_t, std::size_t>> prose;
  std::size_t at = 0;
  for (const auto& [lo, hi] : tables) {
    if (lo > at) prose.emplace_back(at, lo);
    at = std::max(at, hi);
  }
  if (at < n_lines) prose.emplace_back(at, n_lines);
  return prose;
}

}  // namespace

std::vector<RuleResult> CheckNarrative(const Lines& lines,
                                       const Template& tmpl, const std::vector<Cell>& cells,
                                       std::vector<Finding>* findings, SectionIndex* index) {
  std::optional<SectionIndex> local;
  if (!index) index = &local.emplace(lines);
  const auto prose = ProseRuns(index->Sections(tmpl), lines.size());

  std::vector<RuleResult> out;
  std::optional<CellsById> by_id;  // built when a statement is found
  for (const auto& st : Statements()) {
    AnchorLines anchor(lines, st.anchor);
    bool found = false;
    for (const auto& [run_first, run_end] : prose) {
      for (std::size_t n = run_first; n < run_end; ++n) {
        // A statement starts on its own line: its anchor is there whole, or it starts at the
        // line's end and runs on into the next line. Other lines are not copied.
        if (!anchor.MayStart(n, run_end)) continue;
        // The line, and the start of the next one for a count wrapped onto it.
        std::string text(lines[n]);
        const std::size_t own = text.size();
        if (n + 1 < run_end) text += lines[n + 1].substr(0, 16);
        std::string_view view(text);
        std::optional<double> stated;
        std::string phrase;
        for (auto at = FindFrom(view, st.anchor, 0); at != std::string_view::npos && at < own;
             at = FindFrom(view, st.anchor, at + 1)) {
          std::size_t end = at + std::string_view(st.anchor).size();
          auto value = CountAt(view, &end);
          if (!value) continue;
          std::size_t start = ClauseStart(view, at);
          std::string_view clause = view.substr(start, at - start);
          if (!st.acts.empty() && (!Contains(clause, st.acts) || Contains(clause, st.other_acts)))
            continue;
          stated = value;
          phrase = std::string(utf8::TrimView(view.substr(start, end - start)));
          break;
        }
        if (!stated) continue;
        RuleResult r;
        r.key_text = st.rule_key;
        r.lhs_text = "text: " + phrase;
        r.lhs = stated;
        if (!by_id) by_id.emplace(tmpl, cells);
        r.rhs = TableFigure(cells, *by_id, st, &r.rhs_text);
        r.line = static_cast<int>(n) + 1;
        r.Assess();
        if (r.status == RuleStatus::kFail) {
          Finding f;
          f.kind = "narrative_mismatch";
          f.severity = Severity::kWarning;
          f.table = st.table;
          f.row = st.row;
          f.col = st.totals.front();
          f.line = r.line;
          f.raw = phrase;
          f.message = std::string(st.rule_key) + ": the text says " + Format(*r.lhs) +
                      ", the table " + r.rhs_text + " = " + Format(*r.rhs);
          findings->push_back(std::move(f));
        }
        out.push_back(std::move(r));
        found = true;  // the first statement of its kind
        break;
      }
      if (found) break;
    }
  }
  return out;
}

}  // namespace gongkai
