#include "extractors/validator.h"

#include <cmath>
#include <sstream>
#include <unordered_map>

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

namespace {

std::string Key(const std::string& t, const std::string& r, const std::string& c) {
  std::string k = t;
  k += '\0';
  k += r;
  k += '\0';
  k += c;
  return k;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::string FormatNumber(double v) {
  std::ostringstream os;
  os.precision(15);
  os << v;
  return os.str();
}

}  // namespace

std::shared_ptr<const RuleProgram> CompileRules(const Template& tmpl) {
  auto p = std::make_shared<RuleProgram>();
  // Dense ids for every (table, row, column); row keys and column keys per table for subjects.
  std::unordered_map<std::string, int> row_key, col_key;
  for (const auto& t : tmpl.tables) {
    for (const auto& r : t.rows) {
      int rk = row_key.emplace(t.code + '\0' + r.code, p->n_row_keys).first->second;
      if (rk == p->n_row_keys) ++p->n_row_keys;
      for (const auto& c : t.columns) {
        int ck = col_key.emplace(t.code + '\0' + c.code, p->n_col_keys).first->second;
        if (ck == p->n_col_keys) ++p->n_col_keys;
        p->id_of.emplace(Key(t.code, r.code, c.code), static_cast<int>(p->row_of_id.size()));
        p->row_of_id.push_back(rk);
        p->col_of_id.push_back(ck);
      }
    }
  }
  auto term = [&](const TableSpec& t, const std::string& expr, const std::string& row,
                  const std::string& col, RuleSpec::Over over) {
    RuleProgram::Term out;
    for (const auto& alt : Split(expr, '|')) {
      RuleProgram::Alternative a;
      for (const auto& code : Split(alt, '+')) {
        std::string r = row, c = col;
        if (over == RuleSpec::Over::kRows) c = code;
        else if (over == RuleSpec::Over::kCols) r = code;
        else {
          auto dot = code.find('.');
          r = code.substr(0, dot);
          c = code.substr(dot + 1);
        }
        auto it = p->id_of.find(Key(t.code, r, c));
        a.ids.push_back(it == p->id_of.end() ? -1 : it->second);
        if (!a.text.empty()) a.text += " + ";
        a.text += t.code + "." + r + "." + c;
      }
      out.alternatives.push_back(std::move(a));
    }
    return out;
  };
  for (const auto& rule : tmpl.rules) {
    const TableSpec* t = tmpl.FindTable(rule.table);
    if (!t) continue;
    auto add = [&](const std::string& subject, const std::string& row, const std::string& col) {
      RuleProgram::Instance in{&rule, t, subject, -1, -1, {}, {}, {}, {}};
      if (rule.over == RuleSpec::Over::kRows) in.subject_row = row_key.at(t->code + '\0' + row);
      if (rule.over == RuleSpec::Over::kCols) in.subject_col = col_key.at(t->code + '\0' + col);
      for (const auto& e : rule.lhs) in.lhs.push_back(term(*t, e, row, col, rule.over));
      for (const auto& e : rule.rhs) in.rhs.push_back(term(*t, e, row, col, rule.over));
      for (const auto& x : in.lhs)
        in.lhs_text += (in.lhs_text.empty() ? "" : " + ") + x.alternatives.front().text;
      for (const auto& x : in.rhs)
        in.rhs_text += (in.rhs_text.empty() ? "" : " + ") + x.alternatives.front().text;
      p->instances.push_back(std::move(in));
    };
    if (rule.over == RuleSpec::Over::kRows) {
      for (const auto& r : t->rows) add(r.code, r.code, "");
    } else if (rule.over == RuleSpec::Over::kCols) {
      for (const auto& c : t->columns) add(c.code, "", c.code);
    } else {
      add("", "", "");
    }
  }
  return p;
}

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
