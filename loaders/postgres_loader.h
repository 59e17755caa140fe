// PostgreSQL warehouse (libpqxx). The same tables, keys and views as the SQLite one; cells,
// findings and rule results go in with COPY, whole reports batched per transaction, so several
// gongkai processes can load disjoint inputs into one database and a killed load leaves no
// partial report. Connection settings not in the conninfo come from libpq's usual sources (PGHOST,
// PGPASSWORD, ~/.pgpass, pg_service.conf).
#ifndef GONGKAI_LOADERS_POSTGRES_LOADER_H_
#define GONGKAI_LOADERS_POSTGRES_LOADER_H_

#include <memory>
#include <string>

#include "loaders/loader.h"
#include "loaders/pg_conninfo.h"  // DescribePostgresTarget

namespace gongkai {

// conninfo: a postgresql:// URL or a libpq key=value string. Throws LoadError (whose message
// never contains the password) when the server cannot be reached or refuses the login.
// batch_reports: whole reports per transaction at most (LoadOptions::batch_reports); 0: 256.
std::unique_ptr<Loader> OpenPostgresLoader(const std::string& conninfo, int batch_reports = 0);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_POSTGRES_LOADER_H_
