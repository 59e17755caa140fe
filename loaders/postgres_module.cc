#include "loaders/postgres_module.h"

#include "config/module.h"

namespace gongkai {

namespace {

const PostgresModule* TryLoad(std::string* error) {
  return static_cast<const PostgresModule*>(
      LoadModuleTable(kPostgresModuleFile, "gongkai_postgres_module", GONGKAI_VERSION, error));
}

}  // namespace

const PostgresModule& LoadPostgresModule() {
  std::string error;
  const PostgresModule* module = TryLoad(&error);
  if (!module) throw LoadError("the PostgreSQL client is missing: " + error);
  return *module;
}

WarehouseTarget ClassifyWarehouseTarget(const std::string& warehouse) {
  if (warehouse.find("://") == std::string::npos && warehouse.find('=') == std::string::npos)
    return WarehouseTarget{};  // a SQLite file path
  std::string error;
  if (const PostgresModule* module = TryLoad(&error)) return module->classify(warehouse);
  WarehouseTarget t;
  t.kind = WarehouseKind::kPostgres;
  return t;
}

}  // namespace gongkai
