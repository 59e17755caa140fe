// The PostgreSQL server the Postgres* tests run against, and a fresh database per test.
//
// Under ctest, the fixture tests pg_server_start/pg_server_stop (tests/CMakeLists.txt) run
// scripts/pg_test_server.sh around the Postgres* tests and pass its folder in
// GONGKAI_PG_TEST_DIR. Run by hand (build/tests/gongkai_tests), a test process starts its own
// server with the same script and stops it at exit. Either way, a server that cannot be reached
// makes the tests fail, never skip.
#ifndef GONGKAI_TESTS_LOADERS_POSTGRES_TEST_SERVER_H_
#define GONGKAI_TESTS_LOADERS_POSTGRES_TEST_SERVER_H_

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <pqxx/pqxx>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai::testing::pg {

struct Server {
  std::string dir;              // the cluster's folder, holding its Unix socket
  std::string admin_conninfo;   // superuser over the Unix socket (trust)
  std::string port;             // TCP port on 127.0.0.1 (password authentication)
  std::string role, password;   // a LOGIN role for the TCP tests
};

inline std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

inline Server ReadServer(const std::string& dir) {
  Server s;
  try {
    s.dir = Trim(ReadFileOrDie(dir + "/server_dir"));  // the cluster and its socket
    s.admin_conninfo = Trim(ReadFileOrDie(dir + "/conninfo"));
    s.port = Trim(ReadFileOrDie(dir + "/port"));
    std::istringstream role(ReadFileOrDie(dir + "/role"));
    role >> s.role >> s.password;
  } catch (const std::exception& e) {
    throw std::runtime_error("the PostgreSQL test server in " + dir +
                             " is not running (scripts/pg_test_server.sh start failed?): " +
                             e.what());
  }
  return s;
}

// Started by this process when ctest did not start one; stopped when the process exits.
class OwnServer {
 public:
  OwnServer() {
    std::string tmpl = "/tmp/gongkai_pg_XXXXXX";
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    std::string cmd = SourceDir() + "/scripts/pg_test_server.sh start '" + dir_ + "' >/dev/null";
    if (std::system(cmd.c_str()) != 0)
      throw std::runtime_error("could not start a PostgreSQL test server: " + cmd);
    // A process killed before its destructors run (SIGPIPE from `| head`, a crash) must not
    // leave the server running: a watchdog stops it once this process is gone.
    pid_t parent = getpid();
    if (fork() == 0) {
      while (getppid() == parent) usleep(200 * 1000);
      std::string script = SourceDir() + "/scripts/pg_test_server.sh";
      execl(script.c_str(), script.c_str(), "stop", dir_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~OwnServer() {
    std::string cmd = SourceDir() + "/scripts/pg_test_server.sh stop '" + dir_ + "'";
    if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "could not stop %s\n", dir_.c_str());
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

inline const Server& TestServer() {
  static const Server server = [] {
    if (const char* dir = std::getenv("GONGKAI_PG_TEST_DIR")) return ReadServer(dir);
    static OwnServer own;
    return ReadServer(own.dir());
  }();
  return server;
}

// A database of its own for one test, dropped at the end. Inherits the cluster's collation
// (ICU zh-Hans, see the script).
class TestDatabase {
 public:
  TestDatabase() {
    static std::atomic<int> counter{0};
    name_ = "gk_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    pqxx::connection admin(TestServer().admin_conninfo);
    pqxx::nontransaction tx(admin);
    tx.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    tx.exec("CREATE DATABASE " + name_ + " OWNER " + TestServer().role);
  }
  ~TestDatabase() {
    try {
      pqxx::connection admin(TestServer().admin_conninfo);
      pqxx::nontransaction tx(admin);
      tx.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception& e) {
      std::fprintf(stderr, "could not drop %s: %s\n", name_.c_str(), e.what());
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // Superuser over the Unix socket.
  std::string conninfo() const {
    return "host=" + TestServer().dir + " port=" + TestServer().port + " dbname=" + name_ +
           " user=postgres";
  }

 private:
  std::string name_;
};

// Rows as strings, NULL as "NULL" (as testing::Query does for SQLite).
inline Rows PgQuery(const std::string& conninfo, const std::string& sql) {
  pqxx::connection c(conninfo);
  pqxx::nontransaction tx(c);
  Rows rows;
  for (const auto& row : tx.exec(sql)) {
    std::vector<std::string> r;
    for (const auto& f : row) r.push_back(f.is_null() ? "NULL" : f.c_str());
    rows.push_back(std::move(r));
  }
  return rows;
}

inline std::vector<std::string> PgColumns(const std::string& conninfo, const std::string& relation) {
  pqxx::connection c(conninfo);
  pqxx::nontransaction tx(c);
  auto r = tx.exec("SELECT * FROM " + relation + " LIMIT 0");
  std::vector<std::string> out;
  for (pqxx::row::size_type i = 0; i < r.columns(); ++i) out.push_back(r.column_name(i));
  return out;
}

// " ORDER BY 1 NULLS FIRST, ..., n NULLS FIRST": the same order in SQLite and PostgreSQL
// (whose NULLs otherwise sort last).
inline std::string OrderByAll(std::size_t columns) {
  std::string out = " ORDER BY ";
  for (std::size_t i = 1; i <= columns; ++i)
    out += (i > 1 ? ", " : "") + std::to_string(i) + " NULLS FIRST";
  return out;
}

// Equal as text, or both numbers within 1e-9 (relative above 1): "95.0" (SQLite REAL) equals
// "95" (float8) and "18.260000" (numeric).
inline bool SameValue(const std::string& a, const std::string& b) {
  if (a == b) return true;
  auto number = [](const std::string& s, double* v) {
    if (s.empty()) return false;
    char* end = nullptr;
    *v = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size();
  };
  double x, y;
  if (!number(a, &x) || !number(b, &y)) return false;
  return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
}

inline std::string RowText(const std::vector<std::string>& row) {
  std::string out;
  for (const auto& v : row) out += v + "|";
  return out;
}

// Every base table except the run log, every row, ordered by all columns: equal dumps mean
// equal warehouses.
inline std::string DumpPostgres(const std::string& conninfo) {
  std::string out;
  auto tables = PgQuery(conninfo,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                        "current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN "
                        "('run', 'run_file') ORDER BY table_name COLLATE \"C\"");
  for (const auto& t : tables) {
    out += "== " + t[0] + "\n";
    auto cols = PgColumns(conninfo, t[0]);
    for (const auto& row : PgQuery(conninfo, "SELECT * FROM " + t[0] + OrderByAll(cols.size())))
      out += RowText(row) + "\n";
  }
  return out;
}

}  // namespace gongkai::testing::pg

#endif  // GONGKAI_TESTS_LOADERS_POSTGRES_TEST_SERVER_H_
