#include "extractors/validator.h"

#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

namespace gongkai {
namespace {

using Key = std::tuple<std::string, std::string, std::string>;

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, sep)) out.push_back(part);
  return out;
}

std::string FormatNumber(double v) {
  std::ostringstream os;
  os.precision(15);
  os << v;
  return os.str();
}

class RuleEvaluator {
 public:
  explicit RuleEvaluator(const std::vector<Cell>& cells) {
    for (const auto& c : cells) cells_[{c.table, c.row, c.col}] = &c;
  }

  // Sums one side. `expr` lists the cells used; nullopt value when the side is not assessable.
  std::optional<double> Side(const std::string& table, const std::vector<std::string>& terms,
                             const std::string& row, const std::string& col, RuleSpec::Over over,
                             std::string* expr) const {
    double sum = 0;
    bool assessable = true;
    for (const auto& term : terms) {
      std::vector<Key> chosen;
      for (const auto& alt : Split(term, '|')) {
        std::vector<Key> keys;
        bool printed = true;
        for (const auto& code : Split(alt, '+')) {
          Key k = KeyFor(table, code, row, col, over);
          keys.push_back(k);
          printed = printed && cells_.count(k);
        }
        if (printed || chosen.empty()) chosen = keys;
        if (printed) break;
      }
      for (const auto& k : chosen) {
        if (!expr->empty()) *expr += " + ";
        *expr += std::get<0>(k) + "." + std::get<1>(k) + "." + std::get<2>(k);
        auto it = cells_.find(k);
        if (it == cells_.end() || it->second->state != CellState::kNumber) {
          assessable = false;
        } else {
          sum += *it->second->value;
        }
      }
    }
    if (!assessable) return std::nullopt;
    return sum;
  }

  bool HasAny(const std::string& table, const std::string& code, bool is_row) const {
    for (const auto& [k, c] : cells_)
      if (std::get<0>(k) == table && (is_row ? std::get<1>(k) : std::get<2>(k)) == code)
        return true;
    return false;
  }

 private:
  static Key KeyFor(const std::string& table, const std::string& code, const std::string& row,
                    const std::string& col, RuleSpec::Over over) {
    switch (over) {
      case RuleSpec::Over::kRows: return {table, row, code};
      case RuleSpec::Over::kCols: return {table, code, col};
      case RuleSpec::Over::kNone: {
        auto dot = code.find('.');
        return {table, code.substr(0, dot), code.substr(dot + 1)};
      }
    }
    return {};
  }

  std::map<Key, const Cell*> cells_;
};

}  // namespace

std::vector<RuleResult> Validate(const Template& tmpl, const std::vector<Cell>& cells,
                                 std::vector<Finding>* findings) {
  RuleEvaluator eval(cells);
  std::vector<RuleResult> out;
  for (const auto& rule : tmpl.rules) {
    const TableSpec* table = tmpl.FindTable(rule.table);
    if (!table) continue;
    std::vector<std::string> subjects;
    if (rule.over == RuleSpec::Over::kRows) {
      for (const auto& r : table->rows)
        if (eval.HasAny(table->code, r.code, true)) subjects.push_back(r.code);
    } else if (rule.over == RuleSpec::Over::kCols) {
      for (const auto& c : table->columns)
        if (eval.HasAny(table->code, c.code, false)) subjects.push_back(c.code);
    } else {
      subjects.push_back("");
    }
    for (const auto& subject : subjects) {
      RuleResult r;
      r.rule_key = rule.key;
      r.subject = subject;
      const std::string& row = rule.over == RuleSpec::Over::kRows ? subject : "";
      const std::string& col = rule.over == RuleSpec::Over::kCols ? subject : "";
      r.lhs = eval.Side(table->code, rule.lhs, row, col, rule.over, &r.lhs_terms);
      r.rhs = eval.Side(table->code, rule.rhs, row, col, rule.over, &r.rhs_terms);
      if (r.lhs && r.rhs) {
        r.diff = *r.lhs - *r.rhs;
        r.status = std::fabs(*r.diff) < 1e-6 ? RuleStatus::kPass : RuleStatus::kFail;
      }
      if (r.status == RuleStatus::kFail) {
        Finding f;
        f.kind = "rule_failed";
        f.severity = Severity::kWarning;
        f.table = table->code;
        if (rule.over == RuleSpec::Over::kRows) f.row = subject;
        if (rule.over == RuleSpec::Over::kCols) f.col = subject;
        f.raw = r.lhs_terms + " = " + r.rhs_terms;
        f.message = rule.key + (subject.empty() ? "" : " [" + subject + "]") + ": " +
                    FormatNumber(*r.lhs) + " != " + FormatNumber(*r.rhs) + " (" + rule.label +
                    ")";
        findings->push_back(std::move(f));
      }
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace gongkai
