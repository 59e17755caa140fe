// PostgreSQL schema setup, run by PostgresLoader::Prepare inside one transaction that holds the
// Prepare advisory lock (concurrent loaders queue up; the first does the work, the others find
// nothing to do).
//
// Contract (views that stay):
//   - Migrations are applied once each, recorded one row per version in schema_version.
//   - A view whose definition hash (warehouse_object) is unchanged is not touched: no DROP, no
//     CREATE, so grants on it, analysts' views built on it and readers using it are unaffected.
//   - A changed view is migrated with CREATE OR REPLACE VIEW. Where PostgreSQL refuses that (a
//     column renamed, removed or retyped), the view must be dropped: if objects that are not
//     gongkai's depend on it (pg_depend), Prepare throws WarehouseRefusal naming them, unless
//     `migrate` is set, when they are dropped with it (and named in the log by the caller).
//   - Views recreated get the SELECT grants of the roles in grant_read again.
//   - Dimension tables (dim_*, gazetteer) are rewritten only when their sources changed.
#ifndef GONGKAI_LOADERS_POSTGRES_PREPARE_H_
#define GONGKAI_LOADERS_POSTGRES_PREPARE_H_

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "core/gazetteer.h"
#include "core/template.h"

namespace gongkai {

// What one Prepare did, for tests and the log.
struct PrepareReport {
  std::vector<std::string> created, replaced, recreated;  // views
  std::vector<std::string> dropped_dependents;            // others' objects (only with migrate)
  bool dimensions_written = false;
};

PrepareReport PreparePostgres(pqxx::work& tx, const std::vector<Template>& templates,
                              const LazyGazetteer& gazetteer, bool migrate);

int ReadPostgresVersion(pqxx::work& tx);

// SELECT on every view and dimension table to `role`, and on what gongkai creates later
// (ALTER DEFAULT PRIVILEGES); recorded in grant_read. Throws WarehouseRefusal if the role does
// not exist.
void GrantReadPostgres(pqxx::work& tx, const std::string& role);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_POSTGRES_PREPARE_H_
