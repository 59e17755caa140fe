#include "loaders/loader.h"

#include "loaders/pg_conninfo.h"
#include "loaders/postgres_loader.h"
#include "loaders/sqlite_loader.h"

namespace gongkai {

bool IsPostgresTarget(const std::string& warehouse) {
  return ClassifyWarehouse(warehouse).kind == WarehouseKind::kPostgres;
}

std::unique_ptr<Loader> OpenLoader(const LoadOptions& options) {
  WarehouseTarget target = ClassifyWarehouse(options.warehouse);
  if (target.kind == WarehouseKind::kInvalid) throw LoadError(target.problem);
  if (IsPostgresTarget(options.warehouse))
    return OpenPostgresLoader(options.warehouse, options.batch_reports);
  return OpenSqliteLoader(options.warehouse, options.batch_reports);
}

}  // namespace gongkai
