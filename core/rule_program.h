// The template's rule catalogue compiled to dense cell ids: every (table, row, column) of an
// edition gets an id, every rule instance (per row, per column or once) its two sides as lists of
// alternatives of cell ids. Built once per template (config/ or the first Validate), read-only
// afterwards; the validator evaluates it per report without parsing anything.
#ifndef GONGKAI_CORE_RULE_PROGRAM_H_
#define GONGKAI_CORE_RULE_PROGRAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/labels_zh.h"
#include "core/report.h"
#include "core/template.h"

namespace gongkai {

// One rule applied to one subject (a row, a column, or once), with its texts precompiled: what
// a RuleResult points at (core/report.h) instead of copying them per report.
struct RuleInstance {
  struct Alternative {
    std::vector<int> ids;
    std::string text;  // "t3.new.natural + t3.new.commercial"
  };
  struct Term {
    std::vector<Alternative> alternatives;
  };
  const RuleSpec* spec;
  const TableSpec* table;
  std::string subject;
  int subject_row = -1, subject_col = -1;  // which cells must exist for the subject to apply
  std::vector<Term> lhs, rhs;
  std::string lhs_text, rhs_text;  // the sides when each term's first alternative is printed
  std::string lhs_zh, rhs_zh;      // the same in Chinese labels (TermsLabelZh)
  std::string label_zh;            // the rule's label (the first template rule with its key)
  // The Chinese message's fixed texts for these sides (core/labels_zh.h RuleMessagePartsZh).
  RuleMessageZhParts message_zh;
  // Whether a RuleResult can name the alternatives chosen (at most 32 terms a side, at most 4
  // alternatives a term: 2 bits each); when not, the validator stores the side's text.
  bool compact = true;
  // A side whose every term has one alternative (most rules): all its cell ids in order, so that
  // the validator sums them without choosing (that alternative is each term's chosen one).
  bool lhs_flat = false, rhs_flat = false;
  std::vector<int> lhs_ids, rhs_ids;
};

// The rule catalogue compiled once per template: every term resolved to dense cell ids.
struct RuleProgram {
  using Alternative = RuleInstance::Alternative;
  using Term = RuleInstance::Term;
  using Instance = RuleInstance;
  std::unordered_map<std::string, int> id_of;  // "table\0row\0col" -> id
  std::vector<int> row_of_id, col_of_id;       // per id: index into row_keys / col_keys
  std::vector<const CellCoord*> coord_of_id;  // per id: its coordinate (TableSpec::coords)
  int n_row_keys = 0, n_col_keys = 0;
  std::vector<Instance> instances;

  // The id of a report's cell: Cell::id when it is this programme's id of the cell's
  // coordinate (an index and one pointer comparison), else found by the codes; -1 when the
  // template has no such cell.
  int IdOf(const Cell& cell) const;
  int IdOf(std::string_view table, std::string_view row, std::string_view col) const;
};

// A side's text for the alternatives `alts` (2 bits per term, RuleResult::lhs_alts), e.g.
// "t3.new.natural + t3.new.commercial".
std::string SideText(const std::vector<RuleInstance::Term>& terms, std::uint64_t alts);

// Resolves the template's rules to cell ids once, so validating a report does no parsing.
std::shared_ptr<const RuleProgram> CompileRules(const Template& tmpl);

}  // namespace gongkai

#endif  // GONGKAI_CORE_RULE_PROGRAM_H_
