// Synthetic reports: a value for every cell of a template, rendered as a whole report text in
// one of the three export layouts the real reports use (tokenizer.h). The tables are built from
// the template data (groups, labels, columns), so a round trip render -> ProcessText checks the
// extractor against the template rather than against a hand-written fixture.
#ifndef GONGKAI_TESTS_SUPPORT_SYNTH_H_
#define GONGKAI_TESTS_SUPPORT_SYNTH_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/template.h"
#include "extractors/tokenizer.h"

namespace gongkai::testing {

// Where a money column states its unit.
enum class MoneyUnit {
  kInCell,    // "18.26万元"
  kInHeader,  // "18.26" under 采购总金额（单位：万元）
  kNowhere,   // "18.26" under a bare 采购总金额: ambiguous (元 or 万元?)
};

struct SynthReport {
  std::string title_unit = "东木镇";  // may carry a county prefix: "昌乐县红河镇"
  int year = 2020;
  int edition = 2019;
  // Key "t3.new.natural" -> the cell as written (ASCII digits; "" = blank cell). Every cell of
  // every non-optional template row has an entry.
  std::map<std::string, std::string> raw;
  // The same keys -> the value the warehouse should hold (counts; money in 万元); nullopt = blank.
  std::map<std::string, std::optional<double>> value;
  std::set<std::string> money;  // keys of money cells (measure 万元)
  MoneyUnit money_unit = MoneyUnit::kInCell;

  // Sets one cell from its number as plain ASCII text ("12", "-3", "18.26"; "" = blank); a money
  // cell gets "万元" appended when money_unit is kInCell.
  void Set(const std::string& key, const std::string& number);
  // Changes where money states its unit, rewriting the money cells.
  void SetMoneyUnit(MoneyUnit unit);
};

std::string CellKey(const std::string& table, const std::string& row, const std::string& col);

// Every cell a distinct non-zero value, none equal to a narrative number (NarrativeNumbers).
// Money gets a fractional amount. The values do not satisfy the template's arithmetic.
SynthReport DistinctValues(const Template& tmpl, unsigned seed);

// Values that satisfy every rule of the template (table 三 row totals, balance and results
// total; table 四 totals). Zeros occur.
SynthReport ConsistentValues(const Template& tmpl, unsigned seed);

// Blanks every `every`-th cell (in key order, starting at `offset`); money cells stay filled.
void BlankEvery(SynthReport* r, int every, int offset = 0);

// The numbers the narrative paragraphs print (dates, phone, hotline, counts), as written.
std::vector<std::string> NarrativeNumbers(const SynthReport& r);

struct RenderStyle {
  bool fullwidth_digits = false;  // cell digits as ０-９ and ．(the decoder folds them)
  bool wrap_labels = false;       // long labels over several lines (kCells, kWords)
  bool stray_fields = false;      // kFields: stray empty fields, kept in step with the header
  bool page_numbers = true;       // kWords: "-3-" lines between rows
};

// The whole report text: title, narrative, tables 二/三/四 in `layout`, closing sections.
// In Layout::kWords a blank cell cannot be represented: its number is simply left out.
std::string Render(const Template& tmpl, const SynthReport& r, Layout layout,
                   const RenderStyle& style);

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_SUPPORT_SYNTH_H_
