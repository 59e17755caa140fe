// A loaded report read back from the warehouse as the record it was loaded from: identity and
// placement, every stored cell, rule result and finding (for `gongkai explain --unit --year`).
//
// Contract:
//   - FindStoredReports looks in stg_report (one report per division, unit and year; of two
//     files of the same report the one that counts), the unit and year bound as parameters;
//     `division` (a division code, "" = any) narrows it.
//   - ReadStoredReport returns exactly what the warehouse holds, each finding's Chinese message
//     as stored (empty where the warehouse has none: the pipeline then builds it). Throws
//     LoadError when the report is not there.
#ifndef GONGKAI_LOADERS_STORED_REPORT_H_
#define GONGKAI_LOADERS_STORED_REPORT_H_

#include <string>
#include <vector>

#include "core/report.h"
#include "loaders/warehouse_reader.h"

namespace gongkai {

struct StoredReportRef {
  long long report_id = 0;
  std::string unit, division_code, county, source_path, title;
  int year = 0;
};

std::vector<StoredReportRef> FindStoredReports(WarehouseReader& db, const std::string& unit,
                                               int year, const std::string& division = "");

ReportRecord ReadStoredReport(WarehouseReader& db, long long report_id);

// What people decided about the report (schema 010): cell corrections (cell_correction, by the
// report's division, unit and year) and the review decisions of its findings that are not
// `open` (mart_findings.review_state). Empty on a warehouse without them.
struct StoredCorrection {
  std::string table, row, col;
  std::optional<double> value;  // the person's value; nullopt: the cell is blank
  std::string extracted_raw, reason, corrected_by, corrected_at;
};
struct StoredReview {
  int seq = 0;  // the finding's seq in the report
  std::string kind, table, row, col;
  int line = 0;
  std::string state, reason, reviewed_by, reviewed_at;
};
struct StoredDecisions {
  std::vector<StoredCorrection> corrections;
  std::vector<StoredReview> reviews;
};
StoredDecisions ReadStoredDecisions(WarehouseReader& db, long long report_id);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_STORED_REPORT_H_
