#include "extractors/validator.h"

#include <cmath>
#include <sstream>
#include <unordered_map>

namespace gongkai {

namespace {

std::string FormatNumber(double v) {
  std::ostringstream os;
  os.precision(15);
  os << v;
  return os.str();
}

}  // namespace

std::vector<RuleResult> Validate(const Template& tmpl, const std::vector<Cell>& cells,
                                 std::vector<Finding>* findings) {
  std::shared_ptr<const RuleProgram> owned;
  const RuleProgram* p = tmpl.rule_program.get();
  if (!p) {
    owned = CompileRules(tmpl);
    p = owned.get();
  }
  std::vector<const Cell*> by_id(p->row_of_id.size(), nullptr);
  std::vector<char> row_seen(p->n_row_keys, 0), col_seen(p->n_col_keys, 0);
  std::string key;
  for (const auto& c : cells) {
    key.assign(c.table).append(1, '\0').append(c.row).append(1, '\0').append(c.col);
    auto it = p->id_of.find(key);
    if (it == p->id_of.end()) continue;
    by_id[it->second] = &c;
    row_seen[p->row_of_id[it->second]] = 1;
    col_seen[p->col_of_id[it->second]] = 1;
  }
  std::vector<const RuleProgram::Alternative*> chosen_alts;
  auto side = [&](const std::vector<RuleProgram::Term>& terms, const std::string& first_text,
                  std::string* expr) {
    double sum = 0;
    bool assessable = true, all_first = true;
    chosen_alts.clear();
    for (const auto& term : terms) {
      const RuleProgram::Alternative* chosen = &term.alternatives.front();
      for (const auto& alt : term.alternatives) {
        bool printed = true;
        for (int id : alt.ids) printed = printed && id >= 0 && by_id[id];
        if (printed) {
          chosen = &alt;
          break;
        }
      }
      all_first = all_first && chosen == &term.alternatives.front();
      chosen_alts.push_back(chosen);
    }
    if (all_first) {
      *expr = first_text;
    } else {
      for (const auto* chosen : chosen_alts) {
        if (!expr->empty()) *expr += " + ";
        *expr += chosen->text;
      }
    }
    for (const auto* chosen : chosen_alts) {
      for (int id : chosen->ids) {
        const Cell* c = id >= 0 ? by_id[id] : nullptr;
        if (!c || c->state != CellState::kNumber) assessable = false;
        else sum += *c->value;
      }
    }
    return assessable ? std::optional<double>(sum) : std::nullopt;
  };

  std::vector<RuleResult> out;
  out.reserve(p->instances.size());
  for (const auto& in : p->instances) {
    if (in.subject_row >= 0 && !row_seen[in.subject_row]) continue;  // row not printed
    if (in.subject_col >= 0 && !col_seen[in.subject_col]) continue;
    RuleResult r;
    r.rule_key = in.spec->key;
    r.subject = in.subject;
    r.lhs = side(in.lhs, in.lhs_text, &r.lhs_terms);
    r.rhs = side(in.rhs, in.rhs_text, &r.rhs_terms);
    if (r.lhs && r.rhs) {
      r.diff = *r.lhs - *r.rhs;
      r.status = std::fabs(*r.diff) < 1e-6 ? RuleStatus::kPass : RuleStatus::kFail;
    }
    if (r.status == RuleStatus::kFail) {
      Finding f;
      f.kind = "rule_failed";
      f.severity = Severity::kWarning;
      f.table = in.table->code;
      if (in.spec->over == RuleSpec::Over::kRows) f.row = in.subject;
      if (in.spec->over == RuleSpec::Over::kCols) f.col = in.subject;
      f.raw = r.lhs_terms + " = " + r.rhs_terms;
      f.message = in.spec->key + (in.subject.empty() ? "" : " [" + in.subject + "]") + ": " +
                  FormatNumber(*r.lhs) + " != " + FormatNumber(*r.rhs) + " (" + in.spec->label +
                  ")";
      findings->push_back(std::move(f));
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace gongkai
