// The template's rule catalogue compiled to dense cell ids: every (table, row, column) of an
// edition gets an id, every rule instance (per row, per column or once) its two sides as lists of
// alternatives of cell ids. Built once per template (config/ or the first Validate), read-only
// afterwards; the validator evaluates it per report without parsing anything.
#ifndef GONGKAI_CORE_RULE_PROGRAM_H_
#define GONGKAI_CORE_RULE_PROGRAM_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/template.h"

namespace gongkai {

// The rule catalogue compiled once per template: every term resolved to dense cell ids.
struct RuleProgram {
  struct Alternative {
    std::vector<int> ids;
    std::string text;  // "t3.new.natural + t3.new.commercial"
  };
  struct Term {
    std::vector<Alternative> alternatives;
  };
  struct Instance {
    const RuleSpec* spec;
    const TableSpec* table;
    std::string subject;
    int subject_row = -1, subject_col = -1;  // which cells must exist for the subject to apply
    std::vector<Term> lhs, rhs;
    std::string lhs_text, rhs_text;  // the sides when each term's first alternative is printed
  };
  std::unordered_map<std::string, int> id_of;  // "table\0row\0col" -> id
  std::vector<int> row_of_id, col_of_id;       // per id: index into row_keys / col_keys
  int n_row_keys = 0, n_col_keys = 0;
  std::vector<Instance> instances;
};

// Resolves the template's rules to cell ids once, so validating a report does no parsing.
std::shared_ptr<const RuleProgram> CompileRules(const Template& tmpl);

}  // namespace gongkai

#endif  // GONGKAI_CORE_RULE_PROGRAM_H_
