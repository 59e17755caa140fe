// validate: the template's own arithmetic (its rule catalogue) applied to one report's cells.
// Every rule instance yields a RuleResult (pass / fail / not assessable when a cell on either
// side is blank, not applicable or absent); every failure is also appended as a Finding. Cells
// are never changed.
#ifndef GONGKAI_EXTRACTORS_VALIDATOR_H_
#define GONGKAI_EXTRACTORS_VALIDATOR_H_

#include <memory>
#include <vector>

#include "core/report.h"
#include "core/rule_program.h"
#include "core/template.h"

namespace gongkai {

// Requires tmpl.rule_program (config/ compiles it once per template, core/rule_program.h; throws
// std::logic_error without it): the results point at its instances, so the template must
// outlive them.
std::vector<RuleResult> Validate(const Template& tmpl, const std::vector<Cell>& cells,
                                 std::vector<Finding>* findings);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_VALIDATOR_H_
