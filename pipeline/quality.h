// The data-quality page's figures, read from the warehouse with the project's own SQL (no user
// text): reports per county and year (coverage), findings by kind and review state, rule
// results by rule, applications and outcomes by county, the units with most findings, the last
// runs. Each chart is categories (x axis) by series; the page (quality_page.h) draws it with
// ECharts and prints the same numbers in a table beside it.
//
// Contract:
//   - Every number is what the SQL returned (NULL stays null: a sum over blank cells is not 0).
//   - Categories and series are ordered in C++ (byte order of their keys, years ascending), so
//     SQLite and PostgreSQL give the same page.
//   - Review state: mart_findings.review_state when the warehouse has it, else every finding
//     counts as `open`.
#ifndef GONGKAI_PIPELINE_QUALITY_H_
#define GONGKAI_PIPELINE_QUALITY_H_

#include <optional>
#include <string>
#include <vector>

#include "core/template.h"
#include "loaders/warehouse_reader.h"

namespace gongkai {

struct QualitySeries {
  std::string key, name;  // key: what the SQL grouped by (a status, a column); name: shown
  std::vector<std::optional<double>> data;  // one per category
};

struct QualityChart {
  std::string id, title, source;   // source: the view or table the numbers come from
  std::string category_name;       // header of the table's first column
  std::vector<std::string> keys;        // category keys as SQL returns them ("" for NULL)
  std::vector<std::string> categories;  // category labels shown
  std::vector<QualitySeries> series;
  bool stack = false;
  // Extra text columns of the table (e.g. a run's status), one value per category.
  std::vector<std::pair<std::string, std::vector<std::string>>> extra;
};

struct QualityData {
  std::string warehouse;     // WarehouseReader::Describe() (never a password)
  std::string generated_at;  // ISO 8601, UTC
  bool review_state = false;  // mart_findings had a review_state column
  std::vector<QualityChart> charts;
};

// Reads every chart. templates: for the rules' Chinese labels. Throws LoadError.
QualityData ReadQuality(WarehouseReader& db, const std::vector<Template>& templates);

// How many units the "most findings" chart shows.
inline constexpr int kTopUnits = 10;
// How many runs the "last runs" chart shows.
inline constexpr int kLastRuns = 10;

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_QUALITY_H_
