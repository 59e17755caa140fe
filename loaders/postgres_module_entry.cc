// The entry point of libgongkai_postgres.so (loaders/postgres_module.h); built only into the
// module.
#include "config/module.h"
#include "loaders/pg_conninfo.h"
#include "loaders/postgres_loader.h"
#include "loaders/postgres_module.h"
#include "loaders/warehouse_reader.h"

extern "C" __attribute__((visibility("default"))) const void* gongkai_postgres_module() {
  static const gongkai::PostgresModule table{{gongkai::kModuleAbi, GONGKAI_VERSION},
                                             &gongkai::ClassifyWarehouse,
                                             &gongkai::OpenPostgresLoader,
                                             &gongkai::OpenPostgresReader};
  return &table;
}
