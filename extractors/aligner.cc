#include "extractors/aligner.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "core/utf8.h"
#include "extractors/cell_reader.h"
#include "extractors/label_match.h"
#include "extractors/value_lines.h"

namespace gongkai {
namespace {

std::string LineText(const Lines& lines, int line) {
  if (line < 1 || line > static_cast<int>(lines.size())) return "";
  return utf8::Trim(lines[line - 1]);
}

class TableAligner {
 public:
  TableAligner(const TableSpec& t, const Lines& lines,
               std::vector<Cell>* cells, std::vector<Finding>* findings)
      : t_(t), lines_(lines), cells_(cells), findings_(findings),
        first_cell_(cells->size()), placed_(t.rows.size()), state_(t.rows.size(), kAbsent) {}

  void Run(const std::vector<Segment>& input) {
    std::vector<Segment> joined;
    const std::vector<Segment>& segments =
        JoinWrappedValueLines(t_, input, &joined) ? joined : input;  // copied only when joined
    std::string evidence, own;
    std::vector<const Segment*> header;
    bool after_data = true;
    std::size_t min_cols = SIZE_MAX;
    for (const RowSpec& r : t_.rows) min_cols = std::min(min_cols, r.cols.size());
    for (const Segment& seg : segments) {
      own.clear();
      AppendLabels(seg, &own);
      evidence += own;
      bool data = seg.HasValue();
      RowMatch m;
      if (data) {
        m = MatchRow(t_, evidence);
      } else if (seg.layout != Layout::kWords && seg.values.size() >= min_cols) {
        m = MatchRow(t_, own);  // (a row with fewer cells than any row's columns is no data row)
        const bool unlabeled_blank = own.empty() && m.row >= 0 && t_.rows[m.row].unlabeled;
        // A row of explicit empty cells is a data row only when its own label names the row
        // (or the table's unlabelled row) and it has a cell for every column.
        data = m.row >= 0 && (!own.empty() || unlabeled_blank) &&
               seg.values.size() >= t_.rows[m.row].cols.size() &&
               (!t_.rows[m.row].unlabeled || own.empty());
      }
      if (!data) {
        if (seg.Positional()) {
          if (after_data) header.clear(), header_fields_ = 0;
          header.push_back(&seg);
          header_fields_ = std::max(header_fields_, seg.fields);
          after_data = false;
          frame_cols_ = nullptr;
        }
        if (!seen_data_) table_header_ += own;
        continue;
      }
      seen_data_ = true;
      after_data = true;
      HandleDataRow(seg, m, evidence, header);
      evidence.clear();
    }
    ReportMissingRows();
  }

 private:
  void AddFinding(const char* kind, Severity sev, const std::string& row, const std::string& col,
                  int line, std::string message) {
    Finding f;
    f.kind = kind;
    f.severity = sev;
    f.table = t_.code;
    f.row = row;
    f.col = col;
    f.line = line;
    f.raw = LineText(lines_, line);
    f.message = std::move(message);
    findings_->push_back(std::move(f));
  }

  void HandleDataRow(const Segment& seg, const RowMatch& m, const std::string& evidence,
                     const std::vector<const Segment*>& header) {
    if (m.ambiguous) {
      AddFinding("ambiguous_label", Severity::kError, "", "", seg.line,
                 "the row label matches more than one template row");
      return;
    }
    if (m.row < 0) {  // decided when the next row is placed (a garbled label, see Repair)
      unknown_.push_back({seg, evidence, header});
      return;
    }
    Repair(m.row);
    last_row_ = m.row;
    PlaceRow(seg, m.row, evidence, header);
  }

  // A row whose label matches no alias (PDF text where a vertical merged label interleaves and
  // garbles it: "2.其他法律行政止公开") is placed only when everything else is certain: it is
  // the only such row between two placed rows, exactly one template row is missing between
  // them, its values fit that row, and its label shares more characters with that row's label
  // than with any other row still missing. Anything less certain is unknown_label.
  void Repair(int next_row) {
    std::vector<Pending> pending = std::move(unknown_);
    unknown_.clear();
    if (pending.empty()) return;
    std::vector<int> gap, missing;
    for (int i = 0; i < static_cast<int>(t_.rows.size()); ++i) {
      const RowSpec& r = t_.rows[i];
      if (state_[i] != kAbsent) continue;
      missing.push_back(i);
      if (i > last_row_ && i < next_row && !r.optional) gap.push_back(i);
    }
    if (pending.size() == 1 && last_row_ >= 0 && gap.size() == 1 &&
        ClosestRow(t_, pending[0].evidence, missing) == gap[0]) {
      const Pending& p = pending[0];
      AddFinding("label_repaired", Severity::kWarning, t_.rows[gap[0]].code, "", p.seg.line,
                 "a garbled label between " + t_.rows[last_row_].label + " and the next row, "
                 "closest to " + t_.rows[gap[0]].label + ": placed there");
      PlaceRow(p.seg, gap[0], p.evidence, p.header);
      return;
    }
    for (const Pending& p : pending)
      AddFinding("unknown_label", Severity::kError, "", "", p.seg.line,
                 "numbers under a label that matches no template row");
  }

  void PlaceRow(const Segment& seg, int row_index, const std::string& evidence,
                const std::vector<const Segment*>& header) {
    const RowSpec& row = t_.rows[row_index];
    if (state_[row_index] == kConflicted) return;
    if (seg.Positional() &&
        (!frame_cols_ || (frame_cols_ != &row.cols && *frame_cols_ != row.cols))) {
      frame_ = HeaderFrame(t_, row.cols, header);  // the same header and columns: the same frame
      frame_cols_ = &row.cols;
    }
    static const std::vector<int> kNoFrame;
    const std::vector<int>& frame = seg.Positional() ? frame_ : kNoFrame;
    std::string why;
    if (!Place(seg, row, frame, &why)) {
      AddFinding("value_count", Severity::kError, row.code, "", seg.line, why);
      return;
    }
    // The row's cells are read straight into the output, after the rows placed before it (a
    // cell's id is TableSpec::CellId: the table's first id, then rows x columns).
    const std::size_t begin = cells_->size();
    const int first_id = t_.first_cell_id < 0 ? -1
                         : t_.first_cell_id + row_index * static_cast<int>(t_.columns.size());
    for (std::size_t i = 0; i < row.cols.size(); ++i)
      MakeCell(row, row.col_index[i], first_id, *placed_tokens_[i], seg.line, evidence);
    const CellRange read{begin, cells_->size()};
    if (state_[row_index] == kPlaced) {
      if (SameValues(placed_[row_index], read)) {
        AddFinding("duplicate_row", Severity::kInfo, row.code, "", seg.line,
                   "row printed twice with the same values; kept once");
      } else {
        AddFinding("duplicate_row", Severity::kError, row.code, "", seg.line,
                   "row printed twice with different values; neither is stored");
        Drop(row_index);
      }
      cells_->erase(cells_->begin() + static_cast<std::ptrdiff_t>(begin), cells_->end());
      return;
    }
    placed_[row_index] = read;
    state_[row_index] = kPlaced;
  }

  // A placed row's cells leave the output (removed at the end, in ReportMissingRows).
  void Drop(int row_index) {
    state_[row_index] = kConflicted;
    dropped_ = dropped_ || placed_[row_index].begin != placed_[row_index].end;
  }

  // Chooses which token fills each column (kBlank for a blank position) into placed_tokens_;
  // false (with a reason) when not certain.
  bool Place(const Segment& seg, const RowSpec& row, const std::vector<int>& frame,
             std::string* why) {
    present_.clear();  // reused row after row: no allocation
    for (const auto& v : seg.values)
      if (!v.IsBlank()) present_.push_back(&v);
    if (DeclaredSubtotal() == -1 && present_.size() == row.cols.size()) {  // the common case
      placed_tokens_.assign(present_.begin(), present_.end());
      return true;
    }
    auto placed = PlaceUncommon(seg, row, frame, present_, why);
    if (placed) placed_tokens_.assign(placed->begin(), placed->end());
    return placed.has_value();
  }

  std::optional<std::vector<const Token*>> PlaceUncommon(const Segment& seg, const RowSpec& row,
                                                         const std::vector<int>& frame,
                                                         const std::vector<const Token*>& present,
                                                         std::string* why) {
    static const Token kBlank;
    const std::size_t n = row.cols.size();
    const int declared = DeclaredSubtotal();
    if (declared != -1) {  // the header has one column more than the template row
      if (declared >= 0 && present.size() == n + 1)
        return PlaceWithSubtotal(seg, row, present, why);
      if (declared == kUncertain) {
        *why = "the header declares " + t_.subtotal.label + " but not where it stands";
        return std::nullopt;
      }
      *why = std::to_string(present.size()) + " values for the " + std::to_string(n + 1) +
             " columns of the header (with " + t_.subtotal.label + ")";
      return std::nullopt;
    }
    if (present.size() == n) return present;
    if (present.size() < n) {
      std::optional<std::vector<const Token*>> by_count, by_frame;
      // In a tab-separated row, positions are certain only while the row has exactly the
      // header's fields: a lost or doubled field shifts every later value.
      if (seg.Positional() && seg.fields != header_fields_) {
        *why = std::to_string(present.size()) + " values for " + std::to_string(n) +
               " columns in a row of " + std::to_string(seg.fields) +
               " fields under a header of " + std::to_string(header_fields_) +
               ": the blank cells' positions are not certain";
        return std::nullopt;
      }
      if (seg.layout != Layout::kWords && seg.values.size() == n) {
        by_count.emplace();
        for (const auto& v : seg.values) by_count->push_back(&v);
      }
      if (!frame.empty()) {
        std::vector<const Token*> out(n, &kBlank);
        bool fits = true;
        for (const Token* v : present) {
          bool placed = false;
          for (std::size_t i = 0; i < n; ++i)
            if (frame[i] == v->field) out[i] = v, placed = true;
          fits = fits && placed;
        }
        if (fits) by_frame = std::move(out);
      }
      if (by_count && by_frame) {
        for (std::size_t i = 0; i < n; ++i)
          if ((*by_count)[i]->text != (*by_frame)[i]->text) {
            *why = "the cells after the label and the header's columns place the values "
                   "differently";
            return std::nullopt;
          }
      }
      if (by_frame) return by_frame;
      if (by_count) return by_count;
      *why = std::to_string(present.size()) + " values for " + std::to_string(n) +
             " columns and no certain position for the blank cells";
      return std::nullopt;
    }
    return PlaceWithSubtotal(seg, row, present, why);
  }

  // Position of the subtotal column the table's header declares (SubtotalPosition,
  // label_match.h): -1 when none, kUncertain when it cannot tell where.
  static constexpr int kUncertain = -2;
  // The header text is complete once the first data row is seen: computed once from then on.
  int DeclaredSubtotal() {
    if (!seen_data_) return SubtotalPosition(t_, table_header_, kUncertain);
    if (declared_ == kUnknown) declared_ = SubtotalPosition(t_, table_header_, kUncertain);
    return declared_;
  }

  std::optional<std::vector<const Token*>> PlaceWithSubtotal(
      const Segment& seg, const RowSpec& row, const std::vector<const Token*>& present,
      std::string* why) {
    const std::size_t n = row.cols.size();
    const SubtotalSpec& st = t_.subtotal;
    *why = std::to_string(present.size()) + " values for " + std::to_string(n) + " columns";
    if (present.size() != n + 1) return std::nullopt;
    const int declared = DeclaredSubtotal();
    if (declared >= 0)
      for (const Token* v : present)
        if (v->cell.kind != CellText::Kind::kNumber) return std::nullopt;
    auto reading = [&](int p, bool* adds_up) {
      std::vector<const Token*> vals;
      for (std::size_t i = 0; i < present.size(); ++i)
        if (static_cast<int>(i) != p) vals.push_back(present[i]);
      double sub = DecimalToDouble(present[p]->cell.digits), parts = 0;
      for (const auto& code : st.parts)
        for (std::size_t i = 0; i < n; ++i)
          if (row.cols[i] == code) parts += DecimalToDouble(vals[i]->cell.digits);
      double natural = DecimalToDouble(vals.front()->cell.digits);
      double total = DecimalToDouble(vals.back()->cell.digits);
      *adds_up = std::fabs(sub - parts) < 1e-9 && std::fabs(total - natural - sub) < 1e-9;
      return vals;
    };
    std::string extra = st.label;
    if (declared >= 0) {
      bool ok;
      auto vals = reading(declared, &ok);
      if (!ok)
        AddFinding("subtotal_mismatch", Severity::kWarning, row.code, "", seg.line,
                   extra + " does not equal the sum of its parts");
      return vals;
    }
    // The column count comes from the table's header, never from the row: arithmetic may
    // confirm a placement but never create one. Only when every value is the same (a row of
    // zeros printed one cell too wide) does each reading give the same cells.
    for (const Token* v : present)
      if (v->text != present.front()->text) {
        *why += "; the header declares no " + (extra.empty() ? "extra" : extra) + " column";
        return std::nullopt;
      }
    AddFinding("extra_column", Severity::kInfo, row.code, "", seg.line,
               std::to_string(n + 1) + " equal values for " + std::to_string(n) +
                   " columns: every reading gives the same cells");
    return std::vector<const Token*>(present.begin(), present.begin() + n);
  }

  // Appends the cell to the output, or adds the finding why it cannot be read.
  void MakeCell(const RowSpec& row, int col_index, int first_id, const Token& tok, int row_line,
                const std::string& evidence) {
    const ColumnSpec& col = t_.columns[col_index];
    CellRejection why;
    if (!ReadCell(t_, row, col, first_id < 0 ? -1 : first_id + col_index, tok, row_line, evidence,
                  cells_, &why))
      AddFinding(why.kind, Severity::kError, row.code, col.code, why.line,
                 why.message + ": '" + std::string(tok.text) + "'");
  }

  struct CellRange {
    std::size_t begin = 0, end = 0;  // [begin, end) of *cells_
  };

  bool SameValues(const CellRange& a, const CellRange& b) const {
    if (a.end - a.begin != b.end - b.begin) return false;
    const std::vector<Cell>& c = *cells_;
    for (std::size_t i = 0; i < a.end - a.begin; ++i) {
      const Cell &x = c[a.begin + i], &y = c[b.begin + i];
      if (x.at->col != y.at->col || x.state != y.state || x.value != y.value) return false;
    }
    return true;
  }

  void ReportMissingRows() {
    Repair(static_cast<int>(t_.rows.size()));
    // An optional row that sums up rows printed in its place (2019's 三（六）其他处理 for 2021's
    // 三（六）其他处理 1.…3.; their labels start with its label) cannot stand beside them: a
    // row read there is a damaged label of one of them.
    const int n = static_cast<int>(t_.rows.size());
    for (int a = 0; a < n; ++a) {
      const RowSpec& alt = t_.rows[a];
      if (!alt.optional || state_[a] != kPlaced) continue;
      for (int p = 0; p < n; ++p) {
        const RowSpec& part = t_.rows[p];
        if (p != a && state_[p] == kPlaced &&
            part.label.compare(0, alt.label.size(), alt.label) == 0) {
          const CellRange& r = placed_[a];
          AddFinding("alternative_rows", Severity::kError, alt.code, "",
                     r.begin == r.end ? 0 : (*cells_)[r.begin].line,
                     "a row read as " + alt.label + " beside " + part.label +
                         ", which it stands for; neither is kept in its place");
          Drop(a);
          break;
        }
      }
    }
    for (int r = 0; r < n; ++r) {
      const RowSpec& row = t_.rows[r];
      if (state_[r] != kAbsent || row.optional) continue;
      AddFinding("row_missing", Severity::kWarning, row.code, "", 0,
                 "template row not found in the report: " + row.label);
    }
    if (!dropped_) return;
    // Conflicted rows' cells leave the output; the others keep their order.
    std::vector<char> keep(cells_->size() - first_cell_, 1);
    for (int r = 0; r < n; ++r)
      if (state_[r] == kConflicted)
        for (std::size_t i = placed_[r].begin; i < placed_[r].end; ++i) keep[i - first_cell_] = 0;
    std::size_t out = first_cell_;
    for (std::size_t i = first_cell_; i < cells_->size(); ++i)
      if (keep[i - first_cell_]) {
        if (out != i) (*cells_)[out] = std::move((*cells_)[i]);
        ++out;
      }
    cells_->erase(cells_->begin() + static_cast<std::ptrdiff_t>(out), cells_->end());
  }

  const TableSpec& t_;
  const Lines& lines_;
  std::vector<Cell>* cells_;
  std::vector<Finding>* findings_;
  // The table's cells go straight into *cells_ from first_cell_ on, each row's in the order it
  // was first placed. Per template row (index into t_.rows): where its cells are, and whether
  // it is placed, conflicted (read twice with different values, or beside the rows it stands
  // for: its cells are removed at the end) or absent.
  std::size_t first_cell_;
  enum RowState : char { kAbsent, kPlaced, kConflicted };
  std::vector<CellRange> placed_;
  std::vector<RowState> state_;
  bool dropped_ = false;  // a conflicted row has cells in *cells_
  static constexpr int kUnknown = -3;
  int declared_ = kUnknown;  // DeclaredSubtotal() once the header is complete
  std::string table_header_;
  bool seen_data_ = false;
  struct Pending {
    Segment seg;
    std::string evidence;
    std::vector<const Segment*> header;
  };
  std::vector<Pending> unknown_;  // data rows with no matching label since the last placed row
  int last_row_ = -1;             // template index of the last row placed
  int header_fields_ = 0;  // fields of the widest tab-separated header row above the data
  const std::vector<std::string>* frame_cols_ = nullptr;  // frame_ is for these columns
  std::vector<int> frame_;
  std::vector<const Token*> present_, placed_tokens_;  // Place's, kept from row to row
};

}  // namespace

void AlignTable(const TableSpec& table, const std::vector<Segment>& segments,
                const Lines& lines, std::vector<Cell>* cells,
                std::vector<Finding>* findings) {
  TableAligner(table, lines, cells, findings).Run(segments);
}

}  // namespace gongkai
