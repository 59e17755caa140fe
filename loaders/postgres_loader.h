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

// options.warehouse: a postgresql:// URL or a libpq key=value string. Throws LoadError (whose
// message never contains the password) when the server cannot be reached or refuses the login.
// options.batch_reports: whole reports per transaction at most; 0: 256.
// options.foreign_key_checks: kAuto skips the per-row foreign-key checks of the child rows a
// batch writes when the role may set session_replication_role (found out once, here, by setting
// it to its default); kAlways never does (config/options.h says why this is safe).
std::unique_ptr<Loader> OpenPostgresLoader(const LoadOptions& options);
// The same with the defaults (tests).
std::unique_ptr<Loader> OpenPostgresLoader(const std::string& conninfo);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_POSTGRES_LOADER_H_
