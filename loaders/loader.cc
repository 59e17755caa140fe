#include "loaders/loader.h"

#include "loaders/postgres_loader.h"
#include "loaders/sqlite_loader.h"

namespace gongkai {

bool IsPostgresTarget(const std::string& warehouse) {
  return warehouse.rfind("postgresql://", 0) == 0 || warehouse.rfind("postgres://", 0) == 0 ||
         warehouse.find("dbname=") != std::string::npos ||
         warehouse.find("host=") != std::string::npos ||
         warehouse.find("service=") != std::string::npos;
}

std::unique_ptr<Loader> OpenLoader(const LoadOptions& options) {
  if (IsPostgresTarget(options.warehouse)) return OpenPostgresLoader(options.warehouse);
  return OpenSqliteLoader(options.warehouse);
}

}  // namespace gongkai
