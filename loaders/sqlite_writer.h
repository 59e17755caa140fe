// Writes reports into an open SQLite warehouse (the embedded default's report path): a loaded
// report's row, cells, findings and rule results and its fact rows (sql/facts), or a failed
// file's row, keeping the report_id of an earlier load of the same path.
//
// Reports are written in batches: one transaction holds up to batch_reports whole reports
// (kBatchReports unless the constructor is given another bound) or kBatchTime (one second) of
// work, whichever comes first, so a crash loses (and the next run
// redoes) at most that batch, and no reader ever sees part of a report. Fewer, larger commits
// write fewer WAL frames: a page that several reports touch (an index's rightmost leaf, a
// dimension's counted row) goes to the WAL once per commit. Flush() commits the open batch; every
// other writer of the database (the loader's manifest, run log, placement and prune
// transactions) flushes first. The destructor keeps the whole reports still pending and drops
// a report that an exception cut short.
//
// Rows are stored exactly as the record holds them; the record's strings are bound without a
// copy (they outlive each statement), and rule results go in in their table's key order, which
// keeps rule_result's pages full (the order of rows in a table is not part of its contents).
#ifndef GONGKAI_LOADERS_SQLITE_WRITER_H_
#define GONGKAI_LOADERS_SQLITE_WRITER_H_

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/report.h"
#include "loaders/sqlite_db.h"

namespace gongkai {

class SqliteReportWriter {
 public:
  // batch_reports: whole reports per transaction at most; 0: kBatchReports.
  explicit SqliteReportWriter(Db& db, int batch_reports = 0)
      : db_(db), batch_limit_(batch_reports > 0 ? batch_reports : kBatchReports) {}
  ~SqliteReportWriter();
  SqliteReportWriter(const SqliteReportWriter&) = delete;
  SqliteReportWriter& operator=(const SqliteReportWriter&) = delete;

  void Write(const ReportRecord& r);      // in the open batch (opened if none)
  void WriteFailure(const FailedFile& f);  // likewise
  void Flush();                           // commits the open batch, if any

  // Outside a batch, inside the caller's transaction:
  long long IdOf(const std::string& source_path);  // 0 when the path has no report
  void Delete(long long id);     // the report row and all its child and fact rows
  void ClearFacts(long long id);  // the report's fact rows
  void FillFacts(long long id);   // the report's fact rows from its cells (sql/facts)

 private:
  static constexpr int kBatchReports = 1024;
  static constexpr std::chrono::milliseconds kBatchTime{1000};

  // A failed file's row (Write upserts a loaded row whole): keeps the report_id of an earlier
  // load of the same path and clears its child rows.
  long long Upsert(const SourceFile& src, const std::string& sha, const std::string& ver);
  void ClearChildren(long long id, bool facts_only);
  // The fact rows of loaded report `r` (id `id`): computed here (loaders/fact_rows.h) and
  // inserted, then the cross-year request (sql/facts/60_cross_year.sql); or, when a correction
  // applies to its unit-year, FillFacts.
  void WriteFacts(const ReportRecord& r, long long id);
  void OpenBatch();
  void CloseBatchIfFull();
  // Statements of the per-report path, prepared once (keyed by their literal's address).
  Stmt& Cached(const char* sql);

  Db& db_;
  const int batch_limit_;
  std::map<const char*, std::unique_ptr<Stmt>> cache_;
  std::vector<std::unique_ptr<Stmt>> fills_;  // FillFacts
  std::vector<std::unique_ptr<Stmt>> inserts_;  // WriteFacts: report, applicant, rule facts
  std::unique_ptr<Stmt> cross_year_;           // WriteFacts: 60_cross_year
  std::unique_ptr<Stmt> fact_state_;           // WriteFacts: sql_files.h FactStateSql
  std::vector<std::unique_ptr<Stmt>> clear_;  // ClearChildren: the child tables, facts last
  std::unique_ptr<Transaction> batch_;        // rolled back if never flushed
  int batch_reports_ = 0;
  bool in_report_ = false;  // a write is under way (an exception left it half written)
  std::chrono::steady_clock::time_point batch_start_;
};

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_SQLITE_WRITER_H_
