#include "extractors/validator.h"

#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace gongkai {

namespace {

std::string FormatNumber(double v) {
  std::ostringstream os;
  os.precision(15);
  os << v;
  return os.str();
}

// The side's text with each term's first printed alternative (as Validate chooses).
std::string ChosenText(const std::vector<RuleProgram::Term>& terms,
                       const std::vector<const Cell*>& by_id) {
  std::string out;
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
    if (!out.empty()) out += " + ";
    out += chosen->text;
  }
  return out;
}

}  // namespace

std::vector<RuleResult> Validate(const Template& tmpl, const std::vector<Cell>& cells,
                                 std::vector<Finding>* findings) {
  const RuleProgram* p = tmpl.rule_program.get();
  if (!p) throw std::logic_error("Validate: template without a compiled rule programme");
  std::vector<const Cell*> by_id(p->row_of_id.size(), nullptr);
  std::vector<char> row_seen(p->n_row_keys, 0), col_seen(p->n_col_keys, 0);
  for (const auto& c : cells) {
    const int id = p->IdOf(c);  // by the cell's own id when the extractor set it
    if (id < 0) continue;
    by_id[id] = &c;
    row_seen[p->row_of_id[id]] = 1;
    col_seen[p->col_of_id[id]] = 1;
  }
  // One side: the first alternative of each term whose cells are all printed (else the term's
  // first), recorded 2 bits a term in *alts; the sum when every chosen cell is a number.
  auto side = [&](const std::vector<RuleProgram::Term>& terms, std::uint64_t* alts) {
    double sum = 0;
    bool assessable = true;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const auto& choices = terms[i].alternatives;
      std::size_t chosen = 0;
      for (std::size_t a = 0; a < choices.size(); ++a) {
        bool printed = true;
        for (int id : choices[a].ids) printed = printed && id >= 0 && by_id[id];
        if (printed) {
          chosen = a;
          break;
        }
      }
      if (i < 32) *alts |= static_cast<std::uint64_t>(chosen & 3) << (2 * i);
      for (int id : choices[chosen].ids) {
        const Cell* c = id >= 0 ? by_id[id] : nullptr;
        if (!c || c->state != CellState::kNumber) assessable = false;
        else sum += *c->value;
      }
    }
    return assessable ? std::optional<double>(sum) : std::nullopt;
  };
  // A side of single-alternative terms (RuleInstance::lhs_flat): its cells' sum, in the same
  // order; *alts stays 0 (every term's first alternative).
  auto flat = [&](const std::vector<int>& ids) -> std::optional<double> {
    double sum = 0;
    for (int id : ids) {
      const Cell* c = id >= 0 ? by_id[id] : nullptr;
      if (!c || c->state != CellState::kNumber) return std::nullopt;
      sum += *c->value;
    }
    return sum;
  };

  std::vector<RuleResult> out;
  out.reserve(p->instances.size());
  for (const auto& in : p->instances) {
    if (in.subject_row >= 0 && !row_seen[in.subject_row]) continue;  // row not printed
    if (in.subject_col >= 0 && !col_seen[in.subject_col]) continue;
    RuleResult& r = out.emplace_back();  // built in place (reserved: no move, no reallocation)
    r.instance = &in;
    r.lhs = in.lhs_flat ? flat(in.lhs_ids) : side(in.lhs, &r.lhs_alts);
    r.rhs = in.rhs_flat ? flat(in.rhs_ids) : side(in.rhs, &r.rhs_alts);
    if (!in.compact) {  // choices beyond the 2-bit codes: the sides' texts are stored instead
      r.lhs_text = ChosenText(in.lhs, by_id);
      r.rhs_text = ChosenText(in.rhs, by_id);
      r.lhs_alts = r.rhs_alts = 0;
    }
    r.Assess();
    if (r.status == RuleStatus::kFail) {
      Finding f;
      f.kind = "rule_failed";
      f.severity = Severity::kWarning;
      f.table = in.table->code;
      if (in.spec->over == RuleSpec::Over::kRows) f.row = in.subject;
      if (in.spec->over == RuleSpec::Over::kCols) f.col = in.subject;
      f.raw = r.lhs_terms() + " = " + r.rhs_terms();
      f.message = in.spec->key + (in.subject.empty() ? "" : " [" + in.subject + "]") + ": " +
                  FormatNumber(*r.lhs) + " != " + FormatNumber(*r.rhs) + " (" + in.spec->label +
                  ")";
      findings->push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace gongkai
