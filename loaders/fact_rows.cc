#include "loaders/fact_rows.h"

#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace gongkai {
namespace {

using Opt = std::optional<double>;

bool Starts(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// SQL's SUM: NULL until a non-NULL value is added.
struct Sum {
  Opt v;
  void Add(const Opt& x) {
    if (x) v = v.value_or(0) + *x;
  }
};

// SQL's MAX over values.
void Max(Opt& m, const Opt& x) {
  if (x && (!m || *x > *m)) m = x;
}

FactValue Null() { return {}; }
FactValue Int(long long v) {
  FactValue f;
  f.kind = FactValue::kInt;
  f.i = v;
  return f;
}
FactValue Real(const Opt& v) {
  if (!v) return Null();
  FactValue f;
  f.kind = FactValue::kReal;
  f.r = *v;
  return f;
}
FactValue Text(std::string v) {
  FactValue f;
  f.kind = FactValue::kText;
  f.t = std::move(v);
  return f;
}
FactValue OptText(const std::string& v) { return v.empty() ? Null() : Text(v); }

// CAST(x AS BIGINT) of the dialect.
struct Caster {
  FactDialect d;
  FactValue operator()(const Opt& x) const {
    if (!x) return Null();
    double r = d == FactDialect::kSqlite ? std::trunc(*x) : std::nearbyint(*x);
    return Int(static_cast<long long>(r));
  }
};

// One 表三 row (GROUP BY report_id, row_code of 10_report_fact.sql, CTE t3).
struct T3Row {
  Opt reported;
  Sum parts;
  long long blanks = 0;
  Sum natural, commercial, research, social, legal, other;
};

// One 表三 column (20_report_applicant_fact.sql).
struct Applicant {
  Sum news, carried, total, carry_next;
  long long blanks = 0;
  Opt carried_line, carry_next_line;
};

}  // namespace

const std::vector<const char*>& ReportFactColumns() {
  static const std::vector<const char*> c = {
      "report_id", "edition", "new_total", "carried_total", "received",
      "new_natural", "new_commercial", "new_research", "new_social", "new_legal", "new_other",
      "outcome_open", "outcome_partial", "outcome_denied", "outcome_cannot_provide",
      "outcome_not_processed", "outcome_other", "outcome_total", "carry_next", "total_source",
      "t3_blank_cells", "t3_rows_from_parts", "procurement_cells", "procurement_items",
      "procurement_amount_wan", "procurement_blank_cells", "review_upheld", "review_corrected",
      "review_other", "review_pending", "review_total", "litigation_upheld",
      "litigation_corrected", "litigation_other", "litigation_pending", "litigation_total",
      "after_review_upheld", "after_review_corrected", "after_review_other",
      "after_review_pending", "after_review_total", "t4_blank_cells", "t4_totals_from_parts",
      "regulation_issued", "regulation_abolished", "regulation_in_force", "normative_issued",
      "normative_abolished", "normative_in_force", "rules_failed", "rules_not_assessable",
      "corrected_cells"};
  return c;
}

const std::vector<const char*>& ApplicantFactColumns() {
  static const std::vector<const char*> c = {
      "report_id", "applicant", "new_applications", "carried_over", "processed", "carry_next",
      "blank_cells", "carried_line", "carry_next_line", "counted", "county", "year", "edition"};
  return c;
}

const std::vector<const char*>& RuleFactColumns() {
  static const std::vector<const char*> c = {"report_id", "rule_key", "status",
                                             "year",      "edition",  "results"};
  return c;
}

FactRows ComputeFactRows(const ReportRecord& r, long long report_id, int counted,
                         FactDialect dialect) {
  const Caster cast{dialect};
  std::map<std::string_view, T3Row> t3;
  std::map<std::string_view, Applicant> applicants;
  // 表四, one group per report (CTE t4).
  bool has_t4 = false;
  long long t4_blanks = 0;
  Sum rev[5], lit[5], lar[5];  // upheld, corrected, other, pending, total (as reported)
  Sum rev_parts, lit_parts, lar_parts;
  // 表二's rows read (CTE t2).
  long long proc_cells = 0, proc_blanks = 0;
  Sum proc_items, proc_amount, reg[3], norm[3];  // issued, abolished, in_force

  static constexpr std::string_view kT4Cols[5] = {"upheld", "corrected", "other", "pending",
                                                  "total"};
  auto t4_group = [&](std::string_view col, std::string_view prefix, Sum* sums, Sum& parts,
                      const Opt& v) {
    if (!Starts(col, prefix)) return;
    std::string_view rest = col.substr(prefix.size());
    if (!rest.empty() && rest[0] == '_')
      for (int k = 0; k < 5; ++k)
        if (rest.substr(1) == kT4Cols[k]) sums[k].Add(v);
    if (!(rest == "_total")) parts.Add(v);
  };

  for (const Cell& c : r.cells) {
    const FactCoord at = CoordOf(c);
    const bool number = c.state == CellState::kNumber;
    const Opt& v = c.value;
    if (at.table == "t3") {
      T3Row& row = t3[at.row];
      if (at.col == "total") {
        if (number) Max(row.reported, v);
      } else if (number) {
        row.parts.Add(v);
      }
      if (!number) ++row.blanks;
      if (at.col == "natural") row.natural.Add(v);
      else if (at.col == "commercial") row.commercial.Add(v);
      else if (at.col == "research") row.research.Add(v);
      else if (at.col == "social") row.social.Add(v);
      else if (at.col == "legal") row.legal.Add(v);
      else if (at.col == "other") row.other.Add(v);
      Applicant& a = applicants[at.col];
      if (!number) ++a.blanks;
      const Opt line = static_cast<double>(c.line);
      if (at.row == "new") a.news.Add(v);
      else if (at.row == "carried") a.carried.Add(v), Max(a.carried_line, line);
      else if (at.row == "total") a.total.Add(v);
      else if (at.row == "carry_next") a.carry_next.Add(v), Max(a.carry_next_line, line);
    } else if (at.table == "t4") {
      has_t4 = true;
      if (!number) ++t4_blanks;
      t4_group(at.col, "rev", rev, rev_parts, v);
      t4_group(at.col, "lit", lit, lit_parts, v);
      t4_group(at.col, "lar", lar, lar_parts, v);
    } else if (at.table == "t2") {
      Sum* three = at.row == "a1_regulation" ? reg : at.row == "a1_normative" ? norm : nullptr;
      if (at.row == "a9_procurement") {
        ++proc_cells;
        if (!number) ++proc_blanks;
        if (at.col == "items") proc_items.Add(v);
        else if (at.col == "amount_wan") proc_amount.Add(v);
      } else if (three) {
        if (at.col == "issued") three[0].Add(v);
        else if (at.col == "abolished") three[1].Add(v);
        else if (at.col == "in_force") three[2].Add(v);
      }
    }
  }

  // CTE t3v / t3r.
  const bool has_t3 = !t3.empty();
  Sum new_total, carried_total, outcome[7], carry_next, nat, com, res, soc, leg, oth;
  long long t3_blanks = 0, rows_from_parts = 0;
  for (const auto& [row_code, row] : t3) {
    const Opt v = row.reported ? row.reported : row.parts.v;
    if (!row.reported && row.parts.v) ++rows_from_parts;
    t3_blanks += row.blanks;
    if (row_code == "new") {
      new_total.Add(v);
      nat.Add(row.natural.v), com.Add(row.commercial.v), res.Add(row.research.v);
      soc.Add(row.social.v), leg.Add(row.legal.v), oth.Add(row.other.v);
    }
    if (row_code == "carried") carried_total.Add(v);
    if (row_code == "open") outcome[0].Add(v);
    if (row_code == "partial") outcome[1].Add(v);
    if (Starts(row_code, "deny")) outcome[2].Add(v);
    if (Starts(row_code, "cannot")) outcome[3].Add(v);
    if (Starts(row_code, "noproc")) outcome[4].Add(v);
    if (Starts(row_code, "other")) outcome[5].Add(v);
    if (row_code == "total") outcome[6].Add(v);
    if (row_code == "carry_next") carry_next.Add(v);
  }

  // CTE rr: rule results other than the narrative checks.
  long long failed = 0, not_assessable = 0;
  std::map<std::pair<std::string_view, std::string_view>, long long> rule_counts;
  for (const RuleResult& x : r.rules) {
    const std::string& key = x.rule_key();
    ++rule_counts[{key, RuleStatusName(x.status)}];
    if (Starts(key, "narrative.")) continue;
    if (x.status == RuleStatus::kFail) ++failed;
    if (x.status == RuleStatus::kNotAssessable) ++not_assessable;
  }

  const bool rev_from_parts = !rev[4].v && rev_parts.v;
  const bool lit_from_parts = !lit[4].v && lit_parts.v;
  const bool lar_from_parts = !lar[4].v && lar_parts.v;
  const char* total_source = nullptr;
  if (has_t3 || has_t4)
    total_source = rows_from_parts > 0 || rev_from_parts || lit_from_parts || lar_from_parts
                       ? "sum_of_parts"
                       : "reported";
  auto either = [](const Sum& reported, const Sum& parts) {
    return reported.v ? reported.v : parts.v;
  };
  Opt received;
  if (new_total.v && carried_total.v) received = *new_total.v + *carried_total.v;

  FactRows out{{"report_fact", &ReportFactColumns(), {}},
               {"report_applicant_fact", &ApplicantFactColumns(), {}},
               {"report_rule_fact", &RuleFactColumns(), {}}};
  std::vector<FactValue> f;
  f.reserve(ReportFactColumns().size());
  f.push_back(Int(report_id));
  f.push_back(Int(r.identity.edition));
  f.push_back(cast(new_total.v));
  f.push_back(cast(carried_total.v));
  f.push_back(cast(received));
  for (const Sum* s : {&nat, &com, &res, &soc, &leg, &oth}) f.push_back(cast(s->v));
  for (const Sum& s : outcome) f.push_back(cast(s.v));
  f.push_back(cast(carry_next.v));
  f.push_back(total_source ? Text(total_source) : Null());
  f.push_back(Int(t3_blanks));
  f.push_back(Int(rows_from_parts));
  f.push_back(Int(proc_cells));
  f.push_back(cast(proc_items.v));
  f.push_back(Real(proc_amount.v));
  f.push_back(Int(proc_blanks));
  for (auto [sums, parts] : {std::pair{rev, &rev_parts}, std::pair{lit, &lit_parts},
                             std::pair{lar, &lar_parts}}) {
    for (int k = 0; k < 4; ++k) f.push_back(cast(sums[k].v));
    f.push_back(cast(either(sums[4], *parts)));
  }
  f.push_back(Int(t4_blanks));
  f.push_back(Int(int{rev_from_parts} + int{lit_from_parts} + int{lar_from_parts}));
  for (const Sum* three : {reg, norm})
    for (int k = 0; k < 3; ++k) f.push_back(cast(three[k].v));
  f.push_back(Int(failed));
  f.push_back(Int(not_assessable));
  f.push_back(Int(0));  // corrected_cells: no correction applies (see the header)
  out.report_fact.rows.push_back(std::move(f));

  const FactValue county = OptText(r.identity.county.value_or(""));
  for (const auto& [col, a] : applicants) {
    std::vector<FactValue> row;
    row.reserve(ApplicantFactColumns().size());
    row.push_back(Int(report_id));
    row.push_back(Text(std::string(col)));
    for (const Sum* s : {&a.news, &a.carried, &a.total, &a.carry_next}) row.push_back(cast(s->v));
    row.push_back(Int(a.blanks));
    for (const Opt* line : {&a.carried_line, &a.carry_next_line})
      row.push_back(*line ? Int(static_cast<long long>(**line)) : Null());
    row.push_back(Int(counted));
    row.push_back(county);
    row.push_back(Int(r.identity.year));
    row.push_back(Int(r.identity.edition));
    out.applicant_fact.rows.push_back(std::move(row));
  }

  for (const auto& [key_status, n] : rule_counts) {
    out.rule_fact.rows.push_back({Int(report_id), Text(std::string(key_status.first)),
                                  Text(std::string(key_status.second)), Int(r.identity.year),
                                  Int(r.identity.edition), Int(n)});
  }
  return out;
}

}  // namespace gongkai
