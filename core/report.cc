#include "core/report.h"

#include <cmath>
#include <deque>
#include <mutex>
#include <unordered_map>

#include "core/rule_program.h"

namespace gongkai {

const CellCoord kNoCoord{};

const CellCoord* InternCoord(std::string_view table, std::string_view row, std::string_view col,
                             std::string_view measure) {
  if (table.empty() && row.empty() && col.empty() && measure.empty()) return &kNoCoord;
  static std::mutex mu;
  static std::deque<CellCoord> coords;  // a deque never moves what it holds
  static std::unordered_map<std::string, const CellCoord*> by_key;
  std::string key;
  key.reserve(table.size() + row.size() + col.size() + measure.size() + 3);
  key.append(table).append(1, '\0').append(row).append(1, '\0').append(col).append(1, '\0');
  key.append(measure);
  std::lock_guard<std::mutex> lock(mu);
  auto it = by_key.find(key);
  if (it != by_key.end()) return it->second;
  coords.push_back(CellCoord{std::string(table), std::string(row), std::string(col),
                             std::string(measure)});
  return by_key.emplace(std::move(key), &coords.back()).first->second;
}

void RuleResult::Assess() {
  if (!lhs || !rhs) return;
  diff = *lhs - *rhs;
  status = std::fabs(*diff) < 1e-6 ? RuleStatus::kPass : RuleStatus::kFail;
}

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
