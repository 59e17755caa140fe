#include "loaders/review_store.h"

#include <cmath>
#include <cstdio>

#include "loaders/sql_files.h"

namespace gongkai {
namespace {

DbParam Text(const std::string& s) { return s; }
DbParam Int(long long v) { return std::to_string(v); }

std::string Num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

const char* kFindingColumns =
    "SELECT report_id, finding_seq, COALESCE(division_code, ''), unit, year, kind, "
    "COALESCE(table_code, ''), COALESCE(row_code, ''), COALESCE(col_code, ''), "
    "COALESCE(raw, ''), severity, source_path, message, COALESCE(message_zh, ''), "
    "review_state, COALESCE(review_reason, ''), source_line FROM mart_findings ";

ListedFinding FromRow(const std::vector<DbValue>& v) {
  ListedFinding f;
  f.id = v[0].text + ":" + (v[1].IsNull() ? std::string("dup") : v[1].text);
  f.key = {v[2].text, v[3].text, v[4].i, v[5].text, v[6].text, v[7].text, v[8].text, v[9].text};
  f.severity = v[10].text;
  f.source_path = v[11].text;
  f.message = v[12].text;
  f.message_zh = v[13].text;
  f.review_state = v[14].text;
  f.review_reason = v[15].text;
  f.line = v[16].IsNull() ? 0 : v[16].i;
  return f;
}

bool IsDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

CellAddress ParseCellAddress(const std::string& text) {
  std::size_t a = text.find('.'), b = a == std::string::npos ? a : text.find('.', a + 1);
  if (b == std::string::npos || text.find('.', b + 1) != std::string::npos || a == 0 ||
      b == a + 1 || b + 1 == text.size())
    throw ReviewError("cell address \"" + text +
                      "\" is not TABLE.ROW.COL (e.g. t3.new.total; explain shows the codes)");
  return {text.substr(0, a), text.substr(a + 1, b - a - 1), text.substr(b + 1)};
}

std::vector<ListedFinding> ReviewStore::List(const FindingFilter& filter) {
  std::string sql = std::string(kFindingColumns) + "WHERE unit IS NOT NULL";
  std::vector<DbParam> params;
  if (!filter.include_reviewed) sql += " AND review_state = 'open'";
  if (!filter.unit.empty()) sql += " AND unit = ?", params.push_back(Text(filter.unit));
  if (filter.year) sql += " AND year = CAST(? AS INTEGER)", params.push_back(Int(filter.year));
  if (!filter.kind.empty()) sql += " AND kind = ?", params.push_back(Text(filter.kind));
  sql += " ORDER BY unit, year, report_id, COALESCE(finding_seq, 0), raw";
  std::vector<ListedFinding> out;
  for (const auto& row : db_.Query(sql, params).rows) out.push_back(FromRow(row));
  return out;
}

ListedFinding ReviewStore::Find(const std::string& id) {
  std::size_t colon = id.find(':');
  std::string report = id.substr(0, colon), seq = colon == std::string::npos ? "" : id.substr(colon + 1);
  if (!IsDigits(report) || !(IsDigits(seq) || seq == "dup"))
    throw ReviewError("finding id \"" + id + "\" is not REPORT_ID:SEQ (review --list shows them)");
  std::string sql = std::string(kFindingColumns) + "WHERE report_id = CAST(? AS BIGINT) AND unit IS NOT NULL AND ";
  std::vector<DbParam> params = {report};
  if (seq == "dup") {
    sql += "finding_seq IS NULL AND kind = 'duplicate_report' ORDER BY raw";
  } else {
    sql += "finding_seq = CAST(? AS BIGINT)";
    params.push_back(seq);
  }
  auto rows = db_.Query(sql, params).rows;
  if (rows.empty())
    throw ReviewError("no finding " + id + " in the warehouse (ids change when a report is "
                      "loaded again: review --list shows the current ones)");
  return FromRow(rows.front());
}

void ReviewStore::Decide(const FindingKey& k, const std::string& state,
                         const std::string& reason, const std::string& reviewer,
                         const std::string& at) {
  if (state != "confirmed" && state != "dismissed" && state != "fixed")
    throw ReviewError("review state must be confirmed, dismissed or fixed, not " + state);
  if (state == "dismissed" && reason.find_first_not_of(" \t\n") == std::string::npos)
    throw ReviewError("a dismissal needs --reason \"…\" (why the finding does not stand)");
  db_.Execute(
      "INSERT INTO finding_review (division_code, unit, year, kind, table_code, row_code, "
      "col_code, source_text, state, reason, reviewer, reviewed_at) "
      "VALUES (?, ?, CAST(? AS INTEGER), ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (division_code, unit, year, kind, table_code, row_code, col_code, "
      "source_text) DO UPDATE SET state = excluded.state, reason = excluded.reason, "
      "reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at",
      {k.division_code, k.unit, Int(k.year), k.kind, k.table, k.row, k.col, k.source_text, state,
       reason.empty() ? DbParam{} : DbParam{reason}, reviewer.empty() ? DbParam{} : DbParam{reviewer},
       at});
}

bool ReviewStore::Reopen(const FindingKey& k) {
  return db_.Execute(
             "DELETE FROM finding_review WHERE division_code = ? AND unit = ? "
             "AND year = CAST(? AS INTEGER) AND kind = ? AND table_code = ? AND row_code = ? "
             "AND col_code = ? AND source_text = ?",
             {k.division_code, k.unit, Int(k.year), k.kind, k.table, k.row, k.col,
              k.source_text}) > 0;
}

CorrectionResult ReviewStore::Correct(const CorrectionRequest& q) {
  if (q.reason.find_first_not_of(" \t\n") == std::string::npos)
    throw ReviewError("a correction needs --reason \"…\" (why the report's value is wrong)");
  std::string sql =
      "SELECT report_id, COALESCE(division_code, '') FROM report WHERE status = 'loaded' "
      "AND unit = ? AND year = CAST(? AS INTEGER)";
  std::vector<DbParam> params = {q.unit, Int(q.year)};
  if (!q.division_code.empty()) sql += " AND division_code = ?", params.push_back(q.division_code);
  auto reports = db_.Query(sql + " ORDER BY report_id", params).rows;
  if (reports.empty())
    throw ReviewError("no loaded report of " + q.unit + " " + std::to_string(q.year) +
                      (q.division_code.empty() ? "" : " in division " + q.division_code));
  const std::string division = reports.front()[1].text;
  for (const auto& r : reports)
    if (r[1].text != division)
      throw ReviewError("two divisions have a unit " + q.unit + " (" + division + ", " +
                        r[1].text + "): say which with --division CODE");
  CorrectionResult out;
  out.report_id = reports.front()[0].i;
  auto cell = db_.Query(
                     "SELECT state, value, raw, measure FROM cell WHERE report_id = CAST(? AS "
                     "BIGINT) AND table_code = ? AND row_code = ? AND col_code = ?",
                     {Int(out.report_id), q.cell.table, q.cell.row, q.cell.col})
                  .rows;
  if (cell.empty())
    throw ReviewError("report " + std::to_string(out.report_id) + " has no cell " + q.cell.table +
                      "." + q.cell.row + "." + q.cell.col +
                      " (gongkai explain --unit --year shows its cells)");
  out.extracted_state = cell[0][0].text;
  if (!cell[0][1].IsNull()) out.extracted_value = cell[0][1].Number();
  out.extracted_raw = cell[0][2].text;
  if (q.value && cell[0][3].text == "件" && (*q.value < 0 || std::floor(*q.value) != *q.value))
    throw ReviewError("a count (件) is a whole number of 0 or more, not " + Num(*q.value));

  std::vector<DbStatement> tx;
  tx.push_back({"INSERT INTO cell_correction (division_code, unit, year, table_code, row_code, "
                "col_code, value, extracted_state, extracted_value, extracted_raw, reason, "
                "corrected_by, corrected_at) VALUES (?, ?, CAST(? AS INTEGER), ?, ?, ?, "
                "CAST(? AS DOUBLE PRECISION), ?, CAST(? AS DOUBLE PRECISION), ?, ?, ?, ?) "
                "ON CONFLICT (division_code, unit, year, table_code, row_code, col_code) DO "
                "UPDATE SET value = excluded.value, extracted_state = excluded.extracted_state, "
                "extracted_value = excluded.extracted_value, "
                "extracted_raw = excluded.extracted_raw, reason = excluded.reason, "
                "corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at",
                {division, q.unit, Int(q.year), q.cell.table, q.cell.row, q.cell.col,
                 q.value ? DbParam{Num(*q.value)} : DbParam{}, out.extracted_state,
                 out.extracted_value ? DbParam{Num(*out.extracted_value)} : DbParam{},
                 out.extracted_raw, q.reason, q.by.empty() ? DbParam{} : DbParam{q.by}, q.at}});
  // The report's facts again, with the correction laid over its cells (sql/facts), and no
  // stale corrected_cell_changed finding for this cell: the correction now stands on what the
  // cell reads.
  const std::string ids = db_.Dialect() == "postgres" ? "CAST($1 AS BIGINT)" : "CAST(?1 AS INTEGER)";
  for (const auto& r : reports) {
    DbParam id = Int(r[0].i);
    tx.push_back({"DELETE FROM finding WHERE report_id = CAST(? AS BIGINT) AND kind = "
                  "'corrected_cell_changed' AND table_code = ? AND row_code = ? AND col_code = ?",
                  {id, q.cell.table, q.cell.row, q.cell.col}});
    for (const auto& table : FactTables())
      tx.push_back({"DELETE FROM " + table + " WHERE report_id = CAST(? AS BIGINT)", {id}});
    for (const auto& fill : FactFills(ids)) tx.push_back({fill, {id}});
    tx.push_back({"UPDATE report SET finding_count = (SELECT count(*) FROM finding f WHERE "
                  "f.report_id = report.report_id) WHERE report_id = CAST(? AS BIGINT)",
                  {id}});
  }
  db_.ExecuteAll(tx);
  return out;
}

const std::string& FindingAdjustmentSql() {
  static const std::string sql =
      "WITH touched AS ("
      " SELECT r.report_id FROM finding_review v JOIN report r ON r.unit = v.unit"
      " AND r.year = v.year AND COALESCE(r.division_code, '') = v.division_code"
      " UNION"
      " SELECT r.report_id FROM cell_correction k JOIN report r ON r.unit = k.unit"
      " AND r.year = k.year AND COALESCE(r.division_code, '') = k.division_code) "
      "SELECT r.source_path,"
      " SUM(CASE WHEN f.kind = 'corrected_cell_changed' THEN 1 ELSE 0 END) AS added,"
      " SUM(CASE WHEN v.state IS NULL THEN 0 ELSE 1 END) AS closed "
      "FROM touched t JOIN report r ON r.report_id = t.report_id "
      "JOIN finding f ON f.report_id = r.report_id "
      "LEFT JOIN finding_review v ON v.division_code = COALESCE(r.division_code, '')"
      " AND v.unit = r.unit AND v.year = r.year AND v.kind = f.kind"
      " AND v.table_code = COALESCE(f.table_code, '') AND v.row_code = COALESCE(f.row_code, '')"
      " AND v.col_code = COALESCE(f.col_code, '') AND v.source_text = COALESCE(f.raw, '') "
      "WHERE f.severity <> 'info' AND r.status = 'loaded' "
      "GROUP BY r.source_path ORDER BY r.source_path";
  return sql;
}

}  // namespace gongkai
