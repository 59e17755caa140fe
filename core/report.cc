#include "core/report.h"

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

}  // namespace gongkai
