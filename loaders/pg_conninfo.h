// Keeping passwords out of every message about a PostgreSQL target: what in a libpq
// connection string (URL or key=value) may be a password, and messages with those blanked.
#ifndef GONGKAI_LOADERS_PG_CONNINFO_H_
#define GONGKAI_LOADERS_PG_CONNINFO_H_

#include <string>
#include <vector>

namespace gongkai {

// Every string that may be (part of) a password: password= (either syntax, quoted or not, URL
// parameter), URL user-info, their percent-decoded forms, and PGPASSWORD. Longest first.
std::vector<std::string> FindSecrets(const std::string& conninfo);

// One line, no password: secrets replaced by ***, runs of white space folded into one space.
std::string Clean(std::string msg, const std::vector<std::string>& secrets);

// What a warehouse argument names. A string with "://" is a URL: postgresql:// or postgres://
// opens PostgreSQL, any other scheme (a typo such as postgresq://) is kInvalid. A string libpq
// parses as key=value (host=, dbname=, service=, ...) opens PostgreSQL; one that has an '=' and
// white space or starts with "word=" but does not parse is kInvalid. Anything else is a SQLite
// file path. `problem` says why a target is kInvalid, with every password masked.
enum class WarehouseKind { kSqlite, kPostgres, kInvalid };
struct WarehouseTarget {
  WarehouseKind kind = WarehouseKind::kSqlite;
  std::string problem;
};
WarehouseTarget ClassifyWarehouse(const std::string& warehouse);

// The connection string with connect_timeout=<seconds> added, unless it sets one itself or
// PGCONNECT_TIMEOUT is set: an unreachable server must not hang a nightly run.
std::string WithDefaultConnectTimeout(const std::string& conninfo, int seconds = 10);

// "PostgreSQL host=... port=... dbname=... user=..." from the connection string, no password.
std::string DescribePostgresTarget(const std::string& conninfo);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_PG_CONNINFO_H_
