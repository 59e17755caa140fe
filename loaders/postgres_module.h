// The PostgreSQL client as a module (config/module.h): every file that uses libpqxx or libpq
// (postgres_loader, pg_batch, pg_copy, pg_conninfo, postgres_prepare, warehouse_reader_pg) is
// built into libgongkai_postgres.so with libpqxx, libpq and their OpenSSL/GSSAPI/LDAP stack; the
// binary loads it on the first PostgreSQL warehouse. A SQLite run never loads it.
//
// The boundary is one C-ABI entry point, gongkai_postgres_module(), returning a PostgresModule:
// the three functions the rest of gongkai reaches PostgreSQL through. Objects it returns are
// used through the Loader and WarehouseReader interfaces only; the module stays loaded.
#ifndef GONGKAI_LOADERS_POSTGRES_MODULE_H_
#define GONGKAI_LOADERS_POSTGRES_MODULE_H_

#include <memory>
#include <string>

#include "config/module.h"
#include "loaders/loader.h"
#include "loaders/pg_conninfo.h"  // WarehouseTarget
#include "loaders/warehouse_reader.h"

namespace gongkai {

inline constexpr const char* kPostgresModuleFile = "libgongkai_postgres.so";

struct PostgresModule {
  ModuleHeader header;  // first (config/module.h)
  WarehouseTarget (*classify)(const std::string& warehouse);           // ClassifyWarehouse
  std::unique_ptr<Loader> (*open_loader)(const LoadOptions& options);  // OpenPostgresLoader
  std::unique_ptr<WarehouseReader> (*open_reader)(const std::string& conninfo);  // OpenPostgresReader
};

// The loaded module. Throws LoadError naming the module and the places tried when it cannot be
// loaded (a run then ends with the warehouse's exit code, like an unreachable server).
const PostgresModule& LoadPostgresModule();

// ClassifyWarehouse (loaders/pg_conninfo.h) without loading the module for a plain file path
// (no "://" and no '='): only libpq can tell a key=value string, so anything else asks the
// module. When the module is missing such a target counts as PostgreSQL, and opening it throws
// the module's LoadError.
WarehouseTarget ClassifyWarehouseTarget(const std::string& warehouse);

}  // namespace gongkai

// The module's entry point (loaders/postgres_module_entry.cc): returns its PostgresModule.
extern "C" const void* gongkai_postgres_module();

#endif  // GONGKAI_LOADERS_POSTGRES_MODULE_H_
