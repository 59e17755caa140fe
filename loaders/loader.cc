#include "loaders/loader.h"

#include "loaders/postgres_module.h"
#include "loaders/sqlite_loader.h"

namespace gongkai {

bool IsPostgresTarget(const std::string& warehouse) {
  return ClassifyWarehouseTarget(warehouse).kind == WarehouseKind::kPostgres;
}

std::unique_ptr<Loader> OpenLoader(const LoadOptions& options) {
  WarehouseTarget target = ClassifyWarehouseTarget(options.warehouse);
  if (target.kind == WarehouseKind::kInvalid) throw LoadError(target.problem);
  // PostgreSQL through its module (loaders/postgres_module.h), loaded on first use.
  if (target.kind == WarehouseKind::kPostgres)
    return LoadPostgresModule().open_loader(options);
  return OpenSqliteLoader(options.warehouse, options.batch_reports);
}

}  // namespace gongkai
