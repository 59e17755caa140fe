// SQLite schema setup, run by SqliteLoader::Prepare inside its transaction (the twin of
// postgres_prepare.h): migrations applied once each (one schema_version row per migration);
// views, dimension tables and data_dictionary written only when their definitions changed
// (warehouse_object), so an unchanged run writes nothing. SQLite tracks no dependencies: when
// any view changed, all of gongkai's are dropped and created again in the same transaction.
#ifndef GONGKAI_LOADERS_SQLITE_PREPARE_H_
#define GONGKAI_LOADERS_SQLITE_PREPARE_H_

#include <vector>

#include "core/gazetteer.h"
#include "core/template.h"
#include "loaders/sqlite_db.h"

namespace gongkai {

void PrepareSqlite(Db& db, const std::vector<Template>& templates,
                   const LazyGazetteer& gazetteer);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_SQLITE_PREPARE_H_
