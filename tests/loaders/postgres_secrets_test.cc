// Passwords in every spelling, against what a cron job really sees: stdout, stderr, the log
// file and the run log tables; connection strings recognised as PostgreSQL with or without a
// host; typos refused as a bad command line; an unresponsive server given up after the default
// connect timeout (issue 11 items 5-8).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>

#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/cli.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::CliResult;
using testing::pg::PgQuery;
using testing::RunCli;
using testing::pg::TestDatabase;
using testing::pg::TestServer;

// Text of every output a run leaves: what it printed and its log file.
std::string Everything(const CliResult& r, const std::string& log_file) {
  std::error_code ec;
  return r.output + "\n" + (fs::exists(log_file, ec) ? testing::ReadFileOrDie(log_file) : "");
}

void ExpectNoPart(const std::string& text, const std::vector<std::string>& parts,
                  const std::string& spelling) {
  for (const auto& p : parts)
    EXPECT_EQ(text.find(p), std::string::npos) << "'" << p << "' of " << spelling << " in:\n"
                                               << text;
}

TEST(PostgresSecrets, EverySpellingOfAPasswordStaysOutOfEveryOutput) {
  testing::TempDir tmp;
  fs::create_directories(tmp / "in");
  fs::create_directories(tmp / "cwd");
  fs::copy_file(testing::FixturePath("seeds/001_0b0ebb0c0800d905.txt"), tmp / "in/a.txt");
  const std::string port = TestServer().port;
  struct Case {
    std::string warehouse;
    int exit_code;
    std::vector<std::string> parts;
  };
  const std::vector<Case> cases = {
      // Unencoded delimiters inside a URL password: libpq misreads host and port.
      {"postgresql://etl:Pass/word99@127.0.0.1:" + port + "/gk", kExitWarehouse,
       {"Pass/word99", "Pass", "word99"}},
      {"postgresql://etl:Pass@word99@127.0.0.1:" + port + "/gk", kExitWarehouse,
       {"Pass@word99", "Pass", "word99"}},
      {"postgresql://etl:Pass#word99@127.0.0.1:" + port + "/gk", kExitWarehouse,
       {"Pass#word99", "Pass", "word99"}},
      // A typo in the scheme: a bad command line, never a SQLite file named after it.
      {"postgresq://etl:Secret77@127.0.0.1/gk", kExitUsage, {"Secret77"}},
      // key=value with and without host, the password unquoted with a space.
      {"host=127.0.0.1 port=" + port + " dbname=gk user=etl password=Open Sesame99",
       kExitUsage, {"Open", "Sesame99"}},
      {"dbname=gk user=etl password=Open Sesame99", kExitUsage, {"Open", "Sesame99"}},
      {"host=127.0.0.1 port=" + port + " dbname=gk user=etl password=Hunter2x", kExitWarehouse,
       {"Hunter2x"}},
      {"dbname=gk user=etl port=1 password=Hunter2x", kExitWarehouse, {"Hunter2x"}},
  };
  for (const auto& c : cases) {
    std::string log = tmp / "run.log";
    fs::remove(log);
    CliResult r = RunCli({"run", "-w", c.warehouse, "-i", tmp / "in", "--log-file", log},
                         tmp / "cwd");
    EXPECT_EQ(r.exit_code, c.exit_code) << c.warehouse << "\n" << r.output;
    ExpectNoPart(Everything(r, log), c.parts, c.warehouse);
    // Nothing was created under the working folder (no SQLite file named after the string).
    EXPECT_TRUE(fs::is_empty(tmp / "cwd")) << c.warehouse;
  }
}

TEST(PostgresSecrets, AServiceNameIsPostgres) {
  testing::TempDir tmp;
  fs::create_directories(tmp / "in");
  testing::WriteFile(tmp / "services", "[gk]\nhost=127.0.0.1\nport=1\ndbname=gk\n");
  CliResult r = RunCli({"run", "-w", "service=gk", "-i", tmp / "in"}, tmp.path(),
                       "PGSERVICEFILE=" + testing::ShellQuote(tmp / "services"));
  EXPECT_EQ(r.exit_code, kExitWarehouse) << r.output;
  EXPECT_NE(r.output.find("cannot connect to PostgreSQL service=gk"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(tmp / "service=gk"));
}

// A real login whose password holds / @ # and a space, in the URL (percent-encoded) and in
// key=value (quoted): the runs succeed and neither output nor the run log holds any part of it.
TEST(PostgresSecrets, ARealPasswordWithDelimitersNeverShowsInOutputOrRunLog) {
  const std::string role = "gk_pw_" + std::to_string(getpid());
  struct DropRole {  // declared before the database: dropped after it
    std::string role;
    ~DropRole() { PgQuery(TestServer().admin_conninfo, "DROP ROLE IF EXISTS " + role); }
  } drop_role{role};
  testing::TempDir tmp;
  TestDatabase db;
  const std::string password = "Se/cr@t #Word99";
  PgQuery(TestServer().admin_conninfo, "DROP ROLE IF EXISTS " + role);
  PgQuery(TestServer().admin_conninfo,
          "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
  PgQuery(TestServer().admin_conninfo, "ALTER DATABASE " + db.name() + " OWNER TO " + role);
  fs::create_directories(tmp / "in");
  fs::copy_file(testing::FixturePath("seeds/001_0b0ebb0c0800d905.txt"), tmp / "in/a.txt");
  const std::vector<std::string> spellings = {
      "postgresql://" + role + ":Se%2Fcr%40t%20%23Word99@127.0.0.1:" + TestServer().port + "/" +
          db.name(),
      "host=127.0.0.1 port=" + TestServer().port + " dbname=" + db.name() + " user=" + role +
          " password='Se/cr@t #Word99'",
  };
  const std::vector<std::string> parts = {password, "Se/cr", "cr@t", "#Word99", "Word99",
                                          "Se%2Fcr%40t"};
  for (const auto& w : spellings) {
    std::string log = tmp / "run.log";
    CliResult r = RunCli({"run", "--force", "-w", w, "-i", tmp / "in", "--log-file", log}, "",
                         "-u PGPASSWORD");
    EXPECT_EQ(r.exit_code, kExitOk) << r.output;
    EXPECT_NE(r.output.find("1 loaded"), std::string::npos) << r.output;
    ExpectNoPart(Everything(r, log), parts, w);
  }
  std::string run_log;
  for (const auto& row : PgQuery(db.conninfo(), "SELECT r.*, f.* FROM run r LEFT JOIN run_file f "
                                                "USING (run_id)"))
    for (const auto& v : row) run_log += v + "|";
  EXPECT_NE(run_log.find("finished"), std::string::npos) << run_log;
  ExpectNoPart(run_log, parts, "run log");
}

// A server that accepts the TCP connection and never answers (a hung host behind a load
// balancer): the run gives up after the default connect_timeout=10 with exit 4 instead of
// hanging the nightly job (the 60 s limit is only the test's guard against a hang).
TEST(PostgresSecrets, AServerThatNeverAnswersEndsTheRunWithExitFour) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 8), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const std::string port = std::to_string(ntohs(addr.sin_port));
  testing::TempDir tmp;
  fs::create_directories(tmp / "in");
  CliResult r = RunCli({"run", "-w", "postgresql://etl:Sl0wpoke@127.0.0.1:" + port + "/gk", "-i",
                        tmp / "in"},
                       "", "-u PGCONNECT_TIMEOUT", 60);
  close(fd);
  EXPECT_EQ(r.exit_code, kExitWarehouse) << r.output;
  EXPECT_NE(r.output.find("timeout expired"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("Sl0wpoke"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace gongkai
