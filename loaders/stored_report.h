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

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_STORED_REPORT_H_
