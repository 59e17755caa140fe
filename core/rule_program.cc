#include "core/rule_program.h"

#include "core/labels_zh.h"

namespace gongkai {

namespace {

std::string Key(std::string_view t, std::string_view r, std::string_view c) {
  std::string k(t);
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
        p->coord_of_id.push_back(t.Coord(r, c));
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
    const std::string* first_label = TemplateRuleLabel(&tmpl, rule.key);  // as RuleLabelZh
    const std::string label_zh = first_label ? *first_label : rule.key;
    auto add = [&](const std::string& subject, const std::string& row, const std::string& col) {
      RuleProgram::Instance in{&rule, t, subject, -1, -1, {}, {}, {}, {}, {}, {}, {}, {}, true,
                               false, false, {}, {}};
      if (rule.over == RuleSpec::Over::kRows) in.subject_row = row_key.at(t->code + '\0' + row);
      if (rule.over == RuleSpec::Over::kCols) in.subject_col = col_key.at(t->code + '\0' + col);
      for (const auto& e : rule.lhs) in.lhs.push_back(term(*t, e, row, col, rule.over));
      for (const auto& e : rule.rhs) in.rhs.push_back(term(*t, e, row, col, rule.over));
      for (const auto& x : in.lhs)
        in.lhs_text += (in.lhs_text.empty() ? "" : " + ") + x.alternatives.front().text;
      for (const auto& x : in.rhs)
        in.rhs_text += (in.rhs_text.empty() ? "" : " + ") + x.alternatives.front().text;
      in.lhs_zh = TermsLabelZh(&tmpl, in.lhs_text);
      in.rhs_zh = TermsLabelZh(&tmpl, in.rhs_text);
      for (auto* side : {&in.lhs, &in.rhs}) {
        if (side->size() > 32) in.compact = false;
        for (const auto& x : *side)
          if (x.alternatives.size() > 4) in.compact = false;
      }
      auto flatten = [](const std::vector<RuleProgram::Term>& side, std::vector<int>* ids) {
        for (const auto& x : side) {
          if (x.alternatives.size() != 1) return ids->clear(), false;
          ids->insert(ids->end(), x.alternatives[0].ids.begin(), x.alternatives[0].ids.end());
        }
        return true;
      };
      in.lhs_flat = flatten(in.lhs, &in.lhs_ids);
      in.rhs_flat = flatten(in.rhs, &in.rhs_ids);
      in.label_zh = label_zh;
      in.message_zh = RuleMessagePartsZh(in.label_zh, in.lhs_zh, in.rhs_zh);
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

int RuleProgram::IdOf(const Cell& cell) const {
  if (cell.id >= 0 && static_cast<std::size_t>(cell.id) < coord_of_id.size() &&
      coord_of_id[cell.id] == cell.at)
    return cell.id;
  return IdOf(cell.table(), cell.row(), cell.col());
}

int RuleProgram::IdOf(std::string_view table, std::string_view row, std::string_view col) const {
  auto it = id_of.find(Key(table, row, col));
  return it == id_of.end() ? -1 : it->second;
}

std::string SideText(const std::vector<RuleInstance::Term>& terms, std::uint64_t alts) {
  std::string out;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const auto& alt = terms[i].alternatives[i < 32 ? (alts >> (2 * i)) & 3 : 0];
    if (i) out += " + ";
    out += alt.text;
  }
  return out;
}

}  // namespace gongkai
