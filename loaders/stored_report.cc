#include "loaders/stored_report.h"

#include <algorithm>
#include <cstdlib>

namespace gongkai {
namespace {

std::string Text(const DbValue& v) { return v.IsNull() ? "" : v.text; }
long long Int(const DbValue& v) { return v.IsNull() ? 0 : std::atoll(v.text.c_str()); }
std::optional<double> Real(const DbValue& v) {
  if (v.IsNull()) return std::nullopt;
  return v.IsNumber() ? v.Number() : std::strtod(v.text.c_str(), nullptr);
}

CellState StateOf(const std::string& s) {
  if (s == "number") return CellState::kNumber;
  if (s == "na") return CellState::kNotApplicable;
  return CellState::kBlank;
}

Severity SeverityOf(const std::string& s) {
  if (s == "error") return Severity::kError;
  if (s == "info") return Severity::kInfo;
  return Severity::kWarning;
}

RuleStatus StatusOf(const std::string& s) {
  if (s == "pass") return RuleStatus::kPass;
  if (s == "fail") return RuleStatus::kFail;
  return RuleStatus::kNotAssessable;
}

}  // namespace

std::vector<StoredReportRef> FindStoredReports(WarehouseReader& db, const std::string& unit,
                                               int year, const std::string& division) {
  std::string sql =
      "SELECT report_id, unit, division_code, county, source_path, title, year FROM stg_report "
      "WHERE unit = ? AND year = CAST(? AS INTEGER)";
  std::vector<DbParam> params = {unit, std::to_string(year)};
  if (!division.empty()) {
    sql += " AND division_code = ?";
    params.push_back(division);
  }
  sql += " ORDER BY division_code, report_id";
  std::vector<StoredReportRef> out;
  for (const auto& r : db.Query(sql, params).rows)
    out.push_back({Int(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Text(r[4]), Text(r[5]),
                   static_cast<int>(Int(r[6]))});
  return out;
}

ReportRecord ReadStoredReport(WarehouseReader& db, long long report_id) {
  const std::vector<DbParam> id = {std::to_string(report_id)};
  const std::string where = " WHERE report_id = CAST(? AS INTEGER)";
  auto rep = db.Query(
      "SELECT source_path, size_bytes, mtime_ns, content_sha256, encoding, extractor_version, "
      "title, unit, year, county, county_source, edition, division_code, county_code, "
      "prefecture_code, province_code, unit_kind, placed_by, place_candidates, "
      "placement_fingerprint FROM report" + where + " AND status = 'loaded'",
      id);
  if (rep.rows.empty())
    throw LoadError("no loaded report " + std::to_string(report_id) + " in the warehouse");
  const auto& r = rep.rows[0];
  ReportRecord out;
  out.source = {Text(r[0]), static_cast<std::uint64_t>(Int(r[1])), Int(r[2])};
  out.content_sha256 = Text(r[3]);
  out.encoding = Text(r[4]);
  out.extractor_version = Text(r[5]);
  Identity& i = out.identity;
  i.title = Text(r[6]);
  i.unit = Text(r[7]);
  i.year = static_cast<int>(Int(r[8]));
  if (!r[9].IsNull()) i.county = r[9].text;
  i.county_source = Text(r[10]);
  i.edition = static_cast<int>(Int(r[11]));
  i.division_code = Text(r[12]);
  i.county_code = Text(r[13]);
  i.prefecture_code = Text(r[14]);
  i.province_code = Text(r[15]);
  i.unit_kind = Text(r[16]);
  i.placed_by = r[17].IsNull() ? "unplaced" : r[17].text;
  i.place_candidates = Text(r[18]);
  i.placement_fingerprint = Text(r[19]);

  for (const auto& c : db.Query("SELECT table_code, row_code, col_code, state, value, measure, "
                                "raw, source_line FROM cell" + where +
                                    " ORDER BY source_line, table_code, row_code, col_code",
                                id)
                           .rows) {
    Cell cell;
    cell.SetCoord(Text(c[0]), Text(c[1]), Text(c[2]), Text(c[5]));  // interned: see core/report.h
    cell.state = StateOf(Text(c[3]));
    cell.raw = Text(c[6]);
    cell.line = static_cast<int>(Int(c[7]));
    if (cell.state == CellState::kNumber) cell.value = Real(c[4]);
    out.cells.push_back(std::move(cell));
  }
  // message_zh: stored since schema 010; a warehouse without the column yields "".
  auto finding_columns = db.Query("SELECT * FROM finding WHERE 1 = 0").columns;
  const bool has_zh = std::find(finding_columns.begin(), finding_columns.end(), "message_zh") !=
                      finding_columns.end();
  for (const auto& f : db.Query(std::string("SELECT kind, severity, table_code, row_code, "
                                            "col_code, source_line, raw, message, ") +
                                    (has_zh ? "message_zh" : "NULL") + " FROM finding" + where +
                                    " ORDER BY seq",
                                id)
                           .rows)
    out.findings.push_back({Text(f[0]), SeverityOf(Text(f[1])), Text(f[2]), Text(f[3]),
                            Text(f[4]), static_cast<int>(Int(f[5])), Text(f[6]), Text(f[7]),
                            Text(f[8])});
  for (const auto& x : db.Query("SELECT rule_key, subject, lhs_terms, rhs_terms, lhs, rhs, diff, "
                                "status, source_line FROM rule_result" + where +
                                    " ORDER BY rule_key, subject",
                                id)
                           .rows) {
    RuleResult rule;  // read back: no compiled instance, the texts as stored
    rule.key_text = Text(x[0]);
    rule.subject_text = Text(x[1]);
    rule.lhs_text = Text(x[2]);
    rule.rhs_text = Text(x[3]);
    rule.lhs = Real(x[4]);
    rule.rhs = Real(x[5]);
    rule.diff = Real(x[6]);
    rule.status = StatusOf(Text(x[7]));
    rule.line = static_cast<int>(Int(x[8]));
    out.rules.push_back(std::move(rule));
  }
  return out;
}

StoredDecisions ReadStoredDecisions(WarehouseReader& db, long long report_id) {
  StoredDecisions out;
  const std::vector<DbParam> id = {std::to_string(report_id)};
  auto columns = [&](const char* object) {
    try {
      return db.Query(std::string("SELECT * FROM ") + object + " WHERE 1 = 0").columns;
    } catch (const LoadError&) {  // not in this warehouse (before schema 010)
      return std::vector<std::string>{};
    }
  };
  if (!columns("cell_correction").empty())
    for (const auto& r : db.Query("SELECT c.table_code, c.row_code, c.col_code, c.value, "
                                  "c.extracted_raw, c.reason, c.corrected_by, c.corrected_at "
                                  "FROM cell_correction c JOIN report r "
                                  "ON c.division_code = COALESCE(r.division_code, '') "
                                  "AND c.unit = r.unit AND c.year = r.year "
                                  "WHERE r.report_id = CAST(? AS INTEGER) "
                                  "ORDER BY c.table_code, c.row_code, c.col_code",
                                  id)
                             .rows)
      out.corrections.push_back({Text(r[0]), Text(r[1]), Text(r[2]), Real(r[3]), Text(r[4]),
                                 Text(r[5]), Text(r[6]), Text(r[7])});
  auto mf = columns("mart_findings");
  if (std::find(mf.begin(), mf.end(), "review_state") != mf.end())
    for (const auto& r : db.Query("SELECT finding_seq, kind, table_code, row_code, col_code, "
                                  "source_line, review_state, review_reason, reviewed_by, "
                                  "reviewed_at FROM mart_findings "
                                  "WHERE report_id = CAST(? AS INTEGER) "
                                  "AND review_state <> 'open' ORDER BY finding_seq",
                                  id)
                             .rows)
      out.reviews.push_back({static_cast<int>(Int(r[0])), Text(r[1]), Text(r[2]), Text(r[3]),
                             Text(r[4]), static_cast<int>(Int(r[5])), Text(r[6]), Text(r[7]),
                             Text(r[8]), Text(r[9])});
  return out;
}

}  // namespace gongkai
