// The schema and view files of sql/, compiled into the binary (cmake/embed_files.cmake) so that
// gongkai creates and migrates its warehouse without looking for files at run time.
#ifndef GONGKAI_LOADERS_SQL_FILES_H_
#define GONGKAI_LOADERS_SQL_FILES_H_

#include <string>
#include <vector>

#include "core/gazetteer.h"
#include "core/template.h"

namespace gongkai {

struct SqlFile {
  std::string path;  // relative to sql/, e.g. "schema/sqlite/001_init.sql", "marts/mart_x.sql"
  std::string text;
};

// Sorted by path.
const std::vector<SqlFile>& EmbeddedSqlFiles();
// The embedded file at `path` (relative to sql/); throws std::runtime_error if none.
const SqlFile& EmbeddedSqlFile(const std::string& path);

// Schema migrations of one dialect ("sqlite" | "postgres"), ordered by version (file prefix).
std::vector<const SqlFile*> Migrations(const std::string& dialect);
int MigrationVersion(const SqlFile& f);  // 1 for "schema/sqlite/001_init.sql"

// View definitions (staging, then marts), in creation order, with the view each creates.
struct ViewDef {
  std::string name;
  const SqlFile* file;
};
std::vector<ViewDef> Views();

// A stable 64-bit hash (FNV-1a) as 16 hex digits: how Prepare tells whether the definition of a
// view, or the source of the dimension tables, changed since the warehouse last recorded it
// (table warehouse_object). A change detector, not a security measure.
std::string DefinitionHash(const std::string& text);

// The hash of what the dimension tables are written from (templates, the gazetteer's sources as
// read, so that it needs no parsing): unchanged, a run leaves them as they are.
std::string DimensionsDefinition(const std::vector<Template>& templates,
                                 const GazetteerSources& gazetteer);

// The view's text with its "CREATE VIEW" as "CREATE OR REPLACE VIEW" (PostgreSQL), which keeps
// grants and the views of others built on it when the columns allow it.
std::string CreateOrReplaceView(const ViewDef& view);

// The per-report fact fills (sql/facts/*.sql, in order), each with ":report_ids" replaced by
// `ids_expr`: what a loader binds for the reports of its batch ("?1" for one id in SQLite,
// "SELECT unnest(CAST($1 AS BIGINT[]))" in PostgreSQL), or a query over all reports (the
// backfill after migration 008).
std::vector<std::string> FactFills(const std::string& ids_expr);
// One of them by its file's stem ("60_cross_year"), likewise; throws std::runtime_error if none.
std::string FactFill(const std::string& name, const std::string& ids_expr);
// For the reports being loaded (:report_ids likewise), whether the loader may compute their fact
// rows itself (loaders/fact_rows.h): per loaded report, its report_id, its counted flag and
// whether a correction (cell_correction) applies to its unit-year, the key the fills overlay
// corrections by (then the fills above write its facts).
std::string FactStateSql(const std::string& ids_expr);
// Tables the fills write; a loader clears a report's rows in them with its other child rows.
const std::vector<std::string>& FactTables();
// The schema versions that added fact tables (8: report_fact, report_applicant_fact; 11:
// report_rule_fact): a warehouse migrated across one has every fact table emptied and filled
// again for all its reports.
constexpr int kFactsVersion = 8;
constexpr int kRuleFactsVersion = 11;
inline bool AddsFactTables(long long version) {
  return version == kFactsVersion || version == kRuleFactsVersion;
}

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_SQL_FILES_H_
