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

// "PostgreSQL host=... port=... dbname=... user=..." from the connection string, no password.
std::string DescribePostgresTarget(const std::string& conninfo);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_PG_CONNINFO_H_
