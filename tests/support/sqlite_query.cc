#include "tests/support/sqlite_query.h"

#include <sqlite3.h>

#include <stdexcept>

namespace gongkai::testing {

Rows Query(const std::string& db_path, const std::string& sql,
           const std::vector<std::string>& params) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_path);
  }
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error(msg + " in: " + sql);
  }
  for (std::size_t i = 0; i < params.size(); ++i)
    sqlite3_bind_text(st, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
  Rows rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const unsigned char* t = sqlite3_column_text(st, c);
      row.push_back(t ? reinterpret_cast<const char*>(t) : "NULL");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows;
}

std::string DumpSqlite(const std::string& db_path) {
  std::string out;
  auto tables = Query(db_path,
                      "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE "
                      "'sqlite_%' AND name NOT IN ('run', 'run_file') ORDER BY name");
  for (const auto& t : tables) {
    auto ncols = Query(db_path, "SELECT count(*) FROM pragma_table_info(?)", {t[0]});
    std::string order;
    for (int i = 1; i <= std::stoi(ncols[0][0]); ++i) order += (i > 1 ? "," : "") + std::to_string(i);
    out += "== " + t[0] + "\n";
    for (const auto& row : Query(db_path, "SELECT * FROM \"" + t[0] + "\" ORDER BY " + order)) {
      for (const auto& v : row) out += v + "|";
      out += "\n";
    }
  }
  return out;
}

}  // namespace gongkai::testing
