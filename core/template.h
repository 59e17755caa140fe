// The report template of one edition, as data: tables, rows, columns, measures, label aliases
// and the template's own arithmetic. Built by config/ from YAML; read-only afterwards.
#ifndef GONGKAI_CORE_TEMPLATE_H_
#define GONGKAI_CORE_TEMPLATE_H_

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct RuleProgram;  // the rules compiled to cell ids (validator.h)
struct CellCoord;    // a cell's interned coordinate (core/report.h)

struct ColumnSpec {
  std::string code, label;
  std::vector<std::string> header_aliases;  // normalised (see NormalizeLabel)
  std::string measure = "件";
  bool money = false;   // amounts: 元 / 万元 are converted to `measure`
  bool is_signed = false;  // may be negative (本年增/减)
};

struct RowSpec {
  std::string code, label, group;
  std::vector<std::string> aliases;  // normalised keywords
  std::vector<std::string> cols;     // column codes of this row, in order
  std::vector<int> col_index;        // their indices into TableSpec::columns (BuildAliasIndex)
  bool optional = false;   // no finding when the report does not print it
  bool unlabeled = false;  // the table's only data row, printed without a label
};

// An extra column some reports print (法人或其他组织小计): recognised, checked, not stored.
struct SubtotalSpec {
  bool enabled = false;
  std::string label;
  std::vector<std::string> header_aliases;
  std::vector<std::string> parts;  // column codes it sums
  std::vector<int> positions;      // where it may stand among the values (0-based)
};

struct TableSpec {
  std::string code, label;
  std::vector<std::string> headings;  // normalised keywords of the section heading
  std::vector<ColumnSpec> columns;
  std::vector<RowSpec> rows;
  SubtotalSpec subtotal;
  // Row aliases by their last two bytes (BuildAliasIndex, which also fills each row's
  // col_index), so that MatchRow can search back from the end of the text.
  struct AliasRef {
    int row, alias;
  };
  std::unordered_multimap<unsigned, AliasRef> alias_index;
  std::vector<std::uint64_t> alias_pairs;  // bit set of the keys alias_index holds
  void BuildAliasIndex();
  bool MayEndAlias(unsigned key) const {
    return !alias_pairs.empty() && (alias_pairs[key >> 6] >> (key & 63) & 1);
  }

  // Dense cell ids: (row r, column c) of this table is first_cell_id + r * columns + c, over
  // every row and column in template order (Template::NumberCells; the rule programme's ids).
  int first_cell_id = -1;
  // The id of `row` × `col` when both are this table's own specs (elements of rows and
  // columns) and the table is numbered; else -1.
  int CellId(const RowSpec& row, const ColumnSpec& col) const;
  // The interned coordinate of each (row, column), at CellId - first_cell_id (NumberCells).
  std::vector<const CellCoord*> coords;
  // The interned coordinate of `row` × `col` (from coords when the table is numbered and both
  // are its own specs, else interned now).
  const CellCoord* Coord(const RowSpec& row, const ColumnSpec& col) const;

  const ColumnSpec* FindColumn(const std::string& col_code) const;
  const RowSpec* FindRow(const std::string& row_code) const;
  int RowIndex(const std::string& row_code) const;  // -1 if absent
};

struct RuleSpec {
  enum class Over { kNone, kRows, kCols };
  std::string key, table, label;
  Over over = Over::kNone;
  // Each term: alternatives separated by '|', each a '+'-joined list of codes
  // (column codes for kRows, row codes for kCols, "row.col" for kNone).
  std::vector<std::string> lhs, rhs;
};

struct Template {
  int edition = 0;
  int first_year = 0, last_year = 0;
  std::vector<std::string> signature;     // normalised phrases only this edition prints
  std::vector<std::string> end_headings;  // normalised keywords ending the last table
  std::vector<TableSpec> tables;
  std::vector<RuleSpec> rules;
  std::string source_text;  // the YAML it was read from (part of the extractor fingerprint)
  std::shared_ptr<const RuleProgram> rule_program;  // set by config/ after parsing

  const TableSpec* FindTable(const std::string& table_code) const;
  std::size_t CellCount() const;  // cells of all non-optional rows
  // Sets every table's first_cell_id (tables in order, rows × columns each) and interns its
  // coordinates (TableSpec::coords); returns the number of ids. config/ calls it once the
  // tables are final, before compiling the rules.
  int NumberCells();
};

// Label normalisation shared by template aliases and report text: drops whitespace and quotes,
// folds full-width ASCII to ASCII, reads 、 and ． as '.'.
std::string NormalizeLabel(std::string_view text);
void AppendNormalizedLabel(std::string_view text, std::string* out);  // appends NormalizeLabel()
// NormalizeLabel(text) without a copy when it equals text (the common case): then text
// itself, else the normalised text in *scratch (valid until *scratch changes).
std::string_view NormalizedLabelView(std::string_view text, std::string* scratch);
// Does NormalizeLabel(text) contain `phrase`? The same as searching the normalised text, without
// building it when the phrase starts with a non-ASCII character the normalisation keeps as it is
// (the match then begins at that character in `text`, which must be valid UTF-8 — decode's
// output is); else the normalised text is built and searched.
bool NormalizedContains(std::string_view text, std::string_view phrase);

}  // namespace gongkai

#endif  // GONGKAI_CORE_TEMPLATE_H_
