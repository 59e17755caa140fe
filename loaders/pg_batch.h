// pg_batch: writes whole reports into PostgreSQL with a fixed number of round trips per batch,
// whatever its size (the PostgreSQL loader's write path).
//
// Contract:
//   - Write() runs inside the caller's transaction: the report rows of the whole batch go in one
//     statement (arrays bound as parameters, unnested server-side, upserted in load order so a
//     path loaded before keeps its report_id), the same statement deletes the child rows those
//     ids had, then one COPY per child table (cell, finding, rule_result) carries the batch:
//     each live report's lines as PgPending::copy holds them (loaders/pg_copy.h; formatted here
//     when the caller did not), the batch's report ids put in front, sent in large chunks.
//   - A path that occurs twice in one batch is written twice, in order (the later one wins), as
//     one report after another would be.
//   - After the COPYs, the batch's fact rows (report_fact, report_applicant_fact,
//     report_rule_fact), computed from the records (loaders/fact_rows.h; by Format() when the
//     caller called it) with the ids and counted flags of this transaction, are copied, one COPY
//     per fact table, after one query for the reports' counted flags and corrections. The
//     reports a correction (cell_correction) applies to get theirs from the SQL fills
//     (sql/facts, every file) instead; then the cross-year results the batch's reports are part
//     of (as this year or the year before) and every result of the units waiting in
//     cross_year_request are computed again in one statement (schema v18), as the commit would.
//   - No SQL text is built from report content: values travel as bound parameters or COPY data.
#ifndef GONGKAI_LOADERS_PG_BATCH_H_
#define GONGKAI_LOADERS_PG_BATCH_H_

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "core/report.h"
#include "loaders/fact_rows.h"
#include "loaders/pg_copy.h"

namespace gongkai {

// Whether the session may set session_replication_role (PgBatchWriter's skip_fk_checks): it is
// set to the value it has, which asks for the same privilege as any other value (a superuser,
// or GRANT SET ON PARAMETER since PostgreSQL 15) and changes nothing. Outside a transaction
// block (call it there), a refusal ends only that statement.
bool MaySetReplicationRole(pqxx::connection& conn);

// One whole report (or one failed file) waiting for its batch.
struct PgPending {
  ReportRecord report;  // when loaded
  FailedFile failure;   // when !loaded
  bool loaded = false;
  // The report's child rows as COPY text, and its fact rows (loaders/fact_rows.h) with
  // report_id and counted left 0, when `formatted` (Format()): done by the thread that hands the
  // report over, so that the writing thread only sends them, with the id and the counted flag
  // the batch's transaction gives put in (the server no longer waits ~15 ms a batch for the
  // fact rows of 256 reports to be computed in the middle of it).
  PgCopyText copy;
  FactRows facts;
  bool formatted = false;

  void Format() {
    if (loaded && !formatted) {
      copy = FormatCopyText(report);
      facts = ComputeFactRows(report, 0, 0, FactDialect::kPostgres);
    }
    formatted = true;
  }

  const std::string& Path() const { return loaded ? report.source.path : failure.source.path; }
};

class PgBatchWriter {
 public:
  // Reads the batch's statements from the embedded SQL (not prepared: see upsert_sql_).
  // skip_fk_checks: the COPYs of the child and fact rows run with session_replication_role =
  // replica (SET LOCAL; back to origin before the fills and the cross-year statement), so that
  // PostgreSQL does not check each row's report_id against report: every id is one this
  // transaction's upsert has just returned, and the upsert holds those report rows locked until
  // the commit. Only for a session allowed to set it (MaySetReplicationRole, asked once by
  // PostgresLoader); the child tables have no triggers but the foreign keys' own.
  explicit PgBatchWriter(bool skip_fk_checks = false);
  void Write(pqxx::work& tx, const std::vector<PgPending>& batch);

  // A PostgreSQL array literal of text (NULL for an absent value), as `{"a","b\"c",NULL}`.
  class TextArray {
   public:
    void Add(const std::string& v);
    void AddNull();
    void AddOpt(const std::string& v) { v.empty() ? AddNull() : Add(v); }  // empty = NULL
    void AddInt(long long v);
    std::string Done() const { return s_ + "}"; }

   private:
    void Sep() { s_ += s_.size() > 1 ? "," : ""; }
    std::string s_ = "{";
  };

 private:
  // Upserts reports [begin, end) of the batch (paths unique) and returns their ids in order.
  std::vector<long long> Upsert(pqxx::work& tx, const std::vector<PgPending>& batch,
                                std::size_t begin, std::size_t end);
  // Copies the fact rows of the batch's live reports (`live(i)`: loaded and the last of its
  // path) but those a correction applies to, and returns the ids of those as an array literal
  // for the SQL fills ("" when there are none).
  template <typename Live>
  std::string CopyFacts(pqxx::work& tx, const std::vector<PgPending>& batch,
                        const std::vector<long long>& ids, const Live& live);
  // The batch's statements, sent unnamed (parsed and planned for their arguments at every
  // batch): a named statement's generic plan, made while the tables were nearly empty, kept
  // scanning cell, rule_result and the fact tables whole for the upsert's deletes, so that a
  // batch cost grew with the warehouse (a 3,000-report load read 1 M fact rows that way).
  std::string upsert_sql_;
  bool skip_fk_checks_;
  std::vector<std::string> fills_;  // sql/facts, for the reports a correction applies to
  std::string fact_state_sql_;      // loaders/sql_files.h FactStateSql
};

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_PG_BATCH_H_
