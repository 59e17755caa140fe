#include "core/report.h"

#include "core/rule_program.h"

namespace gongkai {

const char* CellStateName(CellState s) {
  switch (s) {
    case CellState::kNumber: return "number";
    case CellState::kBlank: return "blank";
    case CellState::kNotApplicable: return "na";
  }
  return "?";
}

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "?";
}

const char* RuleStatusName(RuleStatus s) {
  switch (s) {
    case RuleStatus::kPass: return "pass";
    case RuleStatus::kFail: return "fail";
    case RuleStatus::kNotAssessable: return "not_assessable";
  }
  return "?";
}

const std::string& RuleResult::rule_key() const {
  return instance ? instance->spec->key : key_text;
}

const std::string& RuleResult::subject() const {
  return instance ? instance->subject : subject_text;
}

// An instance whose choices do not fit the 2-bit codes (never with the shipped templates) has
// its sides' texts stored by the validator.
std::string RuleResult::lhs_terms() const {
  if (!instance || !instance->compact) return lhs_text;
  return lhs_alts == 0 ? instance->lhs_text : SideText(instance->lhs, lhs_alts);
}

std::string RuleResult::rhs_terms() const {
  if (!instance || !instance->compact) return rhs_text;
  return rhs_alts == 0 ? instance->rhs_text : SideText(instance->rhs, rhs_alts);
}

}  // namespace gongkai
