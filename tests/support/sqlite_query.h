// Reading a SQLite warehouse in tests: rows as strings, and a dump of every table.
#ifndef GONGKAI_TESTS_SUPPORT_SQLITE_QUERY_H_
#define GONGKAI_TESTS_SUPPORT_SQLITE_QUERY_H_

#include <string>
#include <vector>

namespace gongkai::testing {

using Rows = std::vector<std::vector<std::string>>;  // NULL as "NULL"

// Runs one statement with optional text parameters; throws on error.
Rows Query(const std::string& db_path, const std::string& sql,
           const std::vector<std::string>& params = {});

// Every base table, every row, in a stable order: equal dumps mean equal warehouses. The run
// log (run, run_file) records each run by design and is left out.
std::string DumpSqlite(const std::string& db_path);

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_SUPPORT_SQLITE_QUERY_H_
