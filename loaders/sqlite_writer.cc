#include "loaders/sqlite_writer.h"

#include <algorithm>
#include <vector>

#include "loaders/fact_rows.h"
#include "loaders/sql_files.h"

namespace gongkai {

SqliteReportWriter::~SqliteReportWriter() {
  if (batch_ && !in_report_) {
    try {
      Flush();
    } catch (const LoadError&) {  // the batch is rolled back; the next run loads it again
    }
  }
  batch_.reset();
}

void SqliteReportWriter::Write(const ReportRecord& r) {
  OpenBatch();
  in_report_ = true;
  // One upsert that writes the loaded row whole (not the failure path's insert as 'failed' and
  // then an UPDATE): the counted and cross-year triggers of schemas 12-14 fire once per report
  // instead of twice. Columns not named keep their defaults (a new row) or values (a re-load),
  // as the two statements left them.
  Stmt& up = Cached(
      "INSERT INTO report (source_path, content_sha256, size_bytes, mtime_ns, "
      "extractor_version, status, title, unit, year, county, county_source, edition, "
      "cell_count, finding_count, encoding, division_code, county_code, prefecture_code, "
      "province_code, unit_kind, placed_by, place_candidates, placement_fingerprint) "
      "VALUES (?,?,?,?,?,'loaded',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT (source_path) DO UPDATE SET content_sha256=excluded.content_sha256, "
      "size_bytes=excluded.size_bytes, mtime_ns=excluded.mtime_ns, "
      "extractor_version=excluded.extractor_version, status='loaded', error_kind=NULL, "
      "error_message=NULL, error_message_zh=NULL, title=excluded.title, unit=excluded.unit, "
      "year=excluded.year, county=excluded.county, county_source=excluded.county_source, "
      "edition=excluded.edition, cell_count=excluded.cell_count, "
      "finding_count=excluded.finding_count, encoding=excluded.encoding, "
      "division_code=excluded.division_code, county_code=excluded.county_code, "
      "prefecture_code=excluded.prefecture_code, province_code=excluded.province_code, "
      "unit_kind=excluded.unit_kind, placed_by=excluded.placed_by, "
      "place_candidates=excluded.place_candidates, "
      "placement_fingerprint=excluded.placement_fingerprint RETURNING report_id");
  up.Text(1, r.source.path)
      .OptText(2, r.content_sha256)
      .Int(3, static_cast<long long>(r.source.size))
      .Int(4, r.source.mtime_ns)
      .Text(5, r.extractor_version)
      .Text(6, r.identity.title)
      .Text(7, r.identity.unit)
      .Int(8, r.identity.year)
      .OptText(9, r.identity.county.value_or(""))
      .OptText(10, r.identity.county_source)
      .Int(11, r.identity.edition)
      .Int(12, static_cast<long long>(r.cells.size()))
      .Int(13, static_cast<long long>(r.findings.size()))
      .OptText(14, r.encoding)
      .OptText(15, r.identity.division_code)
      .OptText(16, r.identity.county_code)
      .OptText(17, r.identity.prefecture_code)
      .OptText(18, r.identity.province_code)
      .OptText(19, r.identity.unit_kind)
      .OptText(20, r.identity.placed_by)
      .OptText(21, r.identity.place_candidates)
      .OptText(22, r.identity.placement_fingerprint);
  up.Step();
  const long long id = up.ColumnInt(0);
  up.Reset();
  ClearChildren(id, false);
  Stmt& cell = Cached(
            "INSERT INTO cell (report_id, table_code, row_code, col_code, state, value, "
            "measure, raw, source_line) VALUES (?,?,?,?,?,?,?,?,?)");
  // The per-row strings belong to `r` (or are bound from locals of the loop body) and outlive
  // each Run(): bound without a copy.
  for (const auto& c : r.cells) {
    cell.Int(1, id).TextRef(2, c.table()).TextRef(3, c.row()).TextRef(4, c.col());
    cell.StaticText(5, CellStateName(c.state)).Real(6, c.value).TextRef(7, c.measure());
    cell.TextRef(8, c.raw).Int(9, c.line).Run();
  }
  Stmt& finding = Cached(
               "INSERT INTO finding (report_id, seq, kind, severity, table_code, row_code, "
               "col_code, source_line, raw, message, message_zh) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  int seq = 0;
  for (const auto& f : r.findings) {
    finding.Int(1, id).Int(2, ++seq).TextRef(3, f.kind).StaticText(4, SeverityName(f.severity));
    finding.OptTextRef(5, f.table).OptTextRef(6, f.row).OptTextRef(7, f.col);
    if (f.line > 0) finding.Int(8, f.line);
    else finding.Null(8);
    finding.OptTextRef(9, f.raw).TextRef(10, f.message).OptTextRef(11, f.message_zh).Run();
  }
  Stmt& rule = Cached(
            "INSERT INTO rule_result (report_id, rule_key, subject, lhs_terms, rhs_terms, lhs, "
            "rhs, diff, status, source_line, message_zh) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  // In the table's key order (rule_key, subject; std::string compares bytes like SQLite's
  // BINARY): each row then lands at the end of the rightmost leaf, where SQLite leaves pages full
  // instead of splitting them half empty. In the record's order rule_result took 152,001 pages
  // at 10,000 reports against the 134,002 of `.import` of the same rows (which come sorted).
  std::vector<const RuleResult*> rules;
  rules.reserve(r.rules.size());
  for (const auto& x : r.rules) rules.push_back(&x);
  std::sort(rules.begin(), rules.end(), [](const RuleResult* a, const RuleResult* b) {
    if (int c = a->rule_key().compare(b->rule_key())) return c < 0;
    return a->subject() < b->subject();
  });
  for (const RuleResult* rx : rules) {
    const RuleResult& x = *rx;
    const std::string lhs_terms = x.lhs_terms(), rhs_terms = x.rhs_terms();
    rule.Int(1, id).TextRef(2, x.rule_key()).TextRef(3, x.subject()).TextRef(4, lhs_terms);
    rule.TextRef(5, rhs_terms).Real(6, x.lhs).Real(7, x.rhs).Real(8, x.diff);
    rule.StaticText(9, RuleStatusName(x.status));
    if (x.line > 0) rule.Int(10, x.line);
    else rule.Null(10);
    rule.OptTextRef(11, x.message_zh).Run();
  }
  WriteFacts(r, id);
  CloseBatchIfFull();
}

void SqliteReportWriter::WriteFailure(const FailedFile& f) {
  OpenBatch();
  in_report_ = true;
  long long id = Upsert(f.source, f.content_sha256, f.extractor_version);
  Cached(
       "UPDATE report SET status='failed', error_kind=?, error_message=?, error_message_zh=?, "
       "title=NULL, "
       "unit=NULL, year=NULL, county=NULL, county_source=NULL, edition=NULL, cell_count=0, "
       "finding_count=0, encoding=NULL, division_code=NULL, county_code=NULL, "
       "prefecture_code=NULL, province_code=NULL, unit_kind=NULL, placed_by=NULL, "
       "place_candidates=NULL, placement_fingerprint=NULL WHERE report_id=?")
      .Text(1, f.error_kind)
      .Text(2, f.message)
      .OptText(3, f.message_zh)
      .Int(4, id)
      .Run();
  CloseBatchIfFull();
}

void SqliteReportWriter::Flush() {
  if (!batch_) return;
  batch_->Commit();
  batch_.reset();
  batch_reports_ = 0;
}

long long SqliteReportWriter::IdOf(const std::string& source_path) {
  Stmt find(db_, "SELECT report_id FROM report WHERE source_path=?");
  find.Text(1, source_path);
  return find.Step() ? find.ColumnInt(0) : 0;
}

void SqliteReportWriter::Delete(long long id) {
  ClearChildren(id, false);
  Cached("DELETE FROM report WHERE report_id=?").Int(1, id).Run();
}

void SqliteReportWriter::ClearFacts(long long id) { ClearChildren(id, true); }

void SqliteReportWriter::FillFacts(long long id) {
  if (fills_.empty())
    for (const auto& sql : FactFills("?1"))
      fills_.push_back(std::make_unique<Stmt>(db_, sql.c_str()));
  for (auto& st : fills_) st->Int(1, id).Run();
}

void SqliteReportWriter::WriteFacts(const ReportRecord& r, long long id) {
  // The report's counted flag as the triggers of schema v12 left it, and whether a correction
  // applies to its unit-year (then the SQL fills, which lay the corrections over the cells).
  if (!fact_state_) fact_state_ = std::make_unique<Stmt>(db_, FactStateSql("?1").c_str());
  Stmt& q = *fact_state_;
  q.Int(1, id);
  q.Step();
  const int counted = static_cast<int>(q.ColumnInt(1));
  const bool corrected = q.ColumnInt(2) != 0;
  q.Reset();
  if (corrected) return FillFacts(id);
  FactRows rows = ComputeFactRows(r, id, counted, FactDialect::kSqlite);
  std::size_t t = 0;
  for (const FactTableRows* table : {&rows.report_fact, &rows.applicant_fact, &rows.rule_fact}) {
    if (inserts_.size() <= t) {
      std::string cols, marks;
      for (const char* c : *table->columns) {
        cols += std::string(cols.empty() ? "" : ", ") + c;
        marks += marks.empty() ? "?" : ",?";
      }
      inserts_.push_back(std::make_unique<Stmt>(
          db_, ("INSERT INTO " + std::string(table->table) + " (" + cols + ") VALUES (" +
                marks + ")").c_str()));
    }
    Stmt& ins = *inserts_[t++];
    for (const auto& row : table->rows) {
      for (std::size_t k = 0; k < row.size(); ++k) {
        const FactValue& v = row[k];
        const int at = static_cast<int>(k) + 1;
        switch (v.kind) {
          case FactValue::kNull: ins.Null(at); break;
          case FactValue::kInt: ins.Int(at, v.i); break;
          case FactValue::kReal: ins.Real(at, v.r); break;
          case FactValue::kText: ins.TextRef(at, v.t); break;  // `rows` outlives Run()
        }
      }
      ins.Run();
    }
  }
  // No correction: 30_corrected_cell_changed and 40_finding_count have nothing to do.
  if (!cross_year_) cross_year_ = std::make_unique<Stmt>(db_, FactFill("60_cross_year", "?1").c_str());
  cross_year_->Int(1, id).Run();
}

long long SqliteReportWriter::Upsert(const SourceFile& src, const std::string& sha,
                                     const std::string& ver) {
  Stmt& up = Cached(
      "INSERT INTO report (source_path, content_sha256, size_bytes, mtime_ns, "
      "extractor_version, status) VALUES (?,?,?,?,?,'failed') ON CONFLICT (source_path) "
      "DO UPDATE SET content_sha256=excluded.content_sha256, "
      "size_bytes=excluded.size_bytes, mtime_ns=excluded.mtime_ns, "
      "extractor_version=excluded.extractor_version RETURNING report_id");
  up.Text(1, src.path).OptText(2, sha).Int(3, static_cast<long long>(src.size));
  up.Int(4, src.mtime_ns).Text(5, ver);
  up.Step();
  long long id = up.ColumnInt(0);
  up.Reset();
  ClearChildren(id, false);
  return id;
}

void SqliteReportWriter::ClearChildren(long long id, bool facts_only) {
  static const std::vector<std::string> raw = {"cell", "finding", "rule_result"};
  if (clear_.empty())
    for (const auto* tables : {&raw, &FactTables()})
      for (const std::string& table : *tables)
        clear_.push_back(std::make_unique<Stmt>(
            db_, ("DELETE FROM " + table + " WHERE report_id=?").c_str()));
  for (std::size_t i = facts_only ? raw.size() : 0; i < clear_.size(); ++i)
    clear_[i]->Int(1, id).Run();
}

void SqliteReportWriter::OpenBatch() {
  if (batch_) return;
  batch_ = std::make_unique<Transaction>(db_);
  batch_start_ = std::chrono::steady_clock::now();
}

void SqliteReportWriter::CloseBatchIfFull() {
  in_report_ = false;
  if (++batch_reports_ >= batch_limit_ ||
      std::chrono::steady_clock::now() - batch_start_ >= kBatchTime)
    Flush();
}

Stmt& SqliteReportWriter::Cached(const char* sql) {
  auto& st = cache_[sql];
  if (!st) st = std::make_unique<Stmt>(db_, sql);
  return *st;
}

}  // namespace gongkai
