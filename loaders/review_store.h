// What people decide about the data, kept in the warehouse (tables finding_review and
// cell_correction, migration 010) through WarehouseReader, the same on SQLite and PostgreSQL.
//
// Contract:
//   - Both are keyed by stable identity, never by report_id or finding seq: a finding by
//     (division_code or '', unit, year, kind, table, row, col, its raw text or ''), a cell by
//     (division_code or '', unit, year, table, row, col). A decision or correction therefore
//     survives re-runs, --force and a new extractor version; a finding whose raw text changed is
//     another finding (open again).
//   - A finding is addressed on the command line by "REPORT_ID:SEQ" (mart_findings' report_id
//     and finding_seq; "REPORT_ID:dup" for a duplicate_report row): valid until the next run,
//     while the decision is stored under the identity the id pointed at.
//   - Decide() upserts one decision; Reopen() deletes it; Correct() upserts the correction and
//     fills the report's facts again (sql/facts) in the same transaction.
//   - Bad input (unknown id, no such cell, a dismissal or correction without a reason) throws
//     ReviewError; database faults throw LoadError.
#ifndef GONGKAI_LOADERS_REVIEW_STORE_H_
#define GONGKAI_LOADERS_REVIEW_STORE_H_

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "loaders/warehouse_reader.h"

namespace gongkai {

struct ReviewError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct FindingKey {
  std::string division_code, unit;  // division_code '' when not placed
  long long year = 0;
  std::string kind, table, row, col, source_text;
};

struct ListedFinding {
  std::string id;  // "REPORT_ID:SEQ" or "REPORT_ID:dup"
  FindingKey key;
  std::string severity, source_path, message, message_zh, review_state, review_reason;
  long long line = 0;  // 0: none
};

struct FindingFilter {
  std::string unit, kind;  // empty: any
  long long year = 0;      // 0: any
  bool include_reviewed = false;
};

struct CellAddress {
  std::string table, row, col;
};
// "t3.new.total" -> {t3, new, total}; throws ReviewError when not three non-empty parts.
CellAddress ParseCellAddress(const std::string& text);

struct CorrectionRequest {
  std::string unit, division_code;  // division_code: only needed when two units share the name
  long long year = 0;
  CellAddress cell;
  std::optional<double> value;  // nullopt: the cell is blank
  std::string reason, by, at;   // at: UTC, ISO 8601
};

struct CorrectionResult {
  long long report_id = 0;
  std::string extracted_state, extracted_raw;
  std::optional<double> extracted_value;
};

class ReviewStore {
 public:
  explicit ReviewStore(WarehouseReader& db) : db_(db) {}

  // Findings with a unit (failed files are not reviewable), open ones unless include_reviewed,
  // ordered by unit, year, report, seq.
  std::vector<ListedFinding> List(const FindingFilter& filter);
  // The finding an id names now; ReviewError when none.
  ListedFinding Find(const std::string& id);
  // state: confirmed | dismissed | fixed (dismissed needs a reason).
  void Decide(const FindingKey& key, const std::string& state, const std::string& reason,
              const std::string& reviewer, const std::string& at);
  // Removes the decision; false when there was none.
  bool Reopen(const FindingKey& key);

  CorrectionResult Correct(const CorrectionRequest& request);

 private:
  WarehouseReader& db_;
};

// For a run's summary: per source path, how the open findings (severity warning or error) of
// the report stored under it differ from the findings its extraction produced: +1 for each
// finding the load added in SQL (corrected_cell_changed) and open, -1 for each finding a
// decision in finding_review closes. Only reports with a decision or a correction are listed.
// One query, the same text for both dialects; columns source_path, added, closed.
const std::string& FindingAdjustmentSql();

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_REVIEW_STORE_H_
