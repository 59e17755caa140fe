// SQLite warehouse (the embedded default). Opens or creates the file; WAL journal, so readers
// (BI tools, sqlite3) are not blocked by a load and a killed load leaves no partial report.
#ifndef GONGKAI_LOADERS_SQLITE_LOADER_H_
#define GONGKAI_LOADERS_SQLITE_LOADER_H_

#include <memory>
#include <string>

#include "loaders/loader.h"

namespace gongkai {

// batch_reports: whole reports per transaction at most (LoadOptions::batch_reports); 0: the
// writer's default (loaders/sqlite_writer.h).
std::unique_ptr<Loader> OpenSqliteLoader(const std::string& path, int batch_reports = 0);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_SQLITE_LOADER_H_
