// `gongkai run` against PostgreSQL as a cron job sees it: connection faults are one line and
// exit code 4 without the password; a run killed with SIGKILL mid-load leaves only whole
// reports, and the next run completes the batch.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "loaders/loader.h"
#include "loaders/postgres_loader.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/cli.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Rows;
using testing::pg::PgQuery;
using testing::pg::TestDatabase;
using testing::pg::TestServer;

struct Output {
  int exit_code = -1;
  std::string text;  // stdout and stderr
  std::vector<std::string> Lines() const {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      if (end > start) out.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }
};

// Runs the gongkai binary with `args`, environment `env` ("NAME=value ..." prefix, may be
// empty), and the project's configuration.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

Output Gongkai(const std::vector<std::string>& args, const std::string& env = "") {
  std::string cmd = env + " " + ShellQuote(GONGKAI_BINARY) + " -c " +
                    ShellQuote(testing::SourceDir() + "/config/gongkai.yaml");
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  cmd += " 2>&1";
  Output out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.text.append(buf, n);
  int status = pclose(p);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return out;
}

void ExpectOneCleanErrorLine(const Output& out, const std::string& secret) {
  EXPECT_EQ(out.exit_code, kExitWarehouse) << out.text;
  ASSERT_EQ(out.Lines().size(), 1u) << out.text;
  EXPECT_NE(out.text.find("error warehouse: "), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find(secret), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("terminate called"), std::string::npos) << out.text;
}

TEST(PostgresCli, AnUnreachableServerIsOneLineExitFourWithoutThePassword) {
  testing::TempDir tmp;
  Output out = Gongkai({"run", "--warehouse", "postgresql://gongkai:secretpw@127.0.0.1:1/x",
                        "--input", tmp.path()});
  ExpectOneCleanErrorLine(out, "secretpw");
  EXPECT_NE(out.text.find("cannot connect to PostgreSQL host=127.0.0.1 port=1 dbname=x user=gongkai"),
            std::string::npos)
      << out.text;
}

TEST(PostgresCli, AWrongPasswordIsOneLineExitFourWithoutThePassword) {
  testing::TempDir tmp;
  const auto& server = TestServer();
  std::string url = "postgresql://" + server.role + ":Wr0ngSecret%40x@127.0.0.1:" + server.port +
                    "/postgres";
  Output out = Gongkai({"run", "--warehouse", url, "--input", tmp.path()});
  ExpectOneCleanErrorLine(out, "Wr0ngSecret");
  EXPECT_NE(out.text.find("password authentication failed"), std::string::npos) << out.text;

  // The key=value form, quoted password with a space.
  std::string kv = "host=127.0.0.1 port=" + server.port + " dbname=postgres user=" + server.role +
                   " password='Wr0ngSecret two'";
  out = Gongkai({"run", "--warehouse", kv, "--input", tmp.path()});
  ExpectOneCleanErrorLine(out, "Wr0ngSecret");
}

TEST(PostgresCli, APasswordFromTheEnvironmentOrTheUrlNeverShows) {
  testing::TempDir tmp;
  TestDatabase db;
  const auto& server = TestServer();
  fs::create_directories(tmp / "in");
  fs::copy_file(testing::FixturePath("seeds/001_0b0ebb0c0800d905.txt"), tmp / "in/a.txt");
  std::string url = "postgresql://" + server.role + "@127.0.0.1:" + server.port + "/" + db.name();
  Output out = Gongkai({"run", "--warehouse", url, "--input", tmp / "in"},
                       "PGPASSWORD='" + server.password + "'");
  EXPECT_EQ(out.exit_code, kExitOk) << out.text;
  EXPECT_NE(out.text.find("-> PostgreSQL host=127.0.0.1 port=" + server.port), std::string::npos)
      << out.text;
  EXPECT_EQ(out.text.find(server.password), std::string::npos) << out.text;

  std::string with_pw = "postgresql://" + server.role + ":" + server.password + "@127.0.0.1:" +
                        server.port + "/" + db.name();
  out = Gongkai({"run", "--force", "--warehouse", with_pw, "--input", tmp / "in"});
  EXPECT_EQ(out.exit_code, kExitOk) << out.text;
  EXPECT_EQ(out.text.find(server.password), std::string::npos) << out.text;
  EXPECT_EQ(PgQuery(db.conninfo(), "SELECT count(*) FROM stg_report"), (Rows{{"1"}}));
}

TEST(PostgresCli, DescriptionsAndConnectionErrorsNeverContainThePassword) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"postgresql://u:hunter2@db.example:5433/w?sslmode=disable", "hunter2"},
      {"postgresql://u:hun%74er2@127.0.0.1:1/w", "hunter2"},
      {"postgresql://u:hu@nter2@127.0.0.1:1/w", "nter2"},
      {"postgresql://127.0.0.1:1/w?user=u&password=hunter2", "hunter2"},
      {"host=127.0.0.1 port=1 dbname=w user=u password=hunter2", "hunter2"},
      {"host=127.0.0.1 port=1 password = 'hunter2 x' dbname=w", "hunter2"},
      {"postgresql://u:hunter2%zz@127.0.0.1:1/w", "hunter2"},  // invalid percent-encoding
      {"host=127.0.0.1 password=hunter2 port=notaport", "hunter2"},
      {"dbname=postgresql://u:hunter2@127.0.0.1:1/w", "hunter2"},
  };
  for (const auto& [conninfo, secret] : cases) {
    std::string describe = DescribePostgresTarget(conninfo);
    EXPECT_EQ(describe.find(secret), std::string::npos) << describe;
    EXPECT_EQ(describe.rfind("PostgreSQL", 0), 0u) << describe;
    try {
      OpenPostgresLoader(conninfo);
      ADD_FAILURE() << "connected to " << describe;
    } catch (const LoadError& e) {
      std::string msg = e.what();
      EXPECT_EQ(msg.find(secret), std::string::npos) << msg;
      EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
    }
  }
  EXPECT_EQ(DescribePostgresTarget("postgresql://u:pw@h:5/d"), "PostgreSQL host=h port=5 dbname=d user=u");
}

// A few hundred reports, killed while loading: every report visible has all its cells and
// findings (no partial report), the run was really cut short, and a second run completes it.
TEST(PostgresCli, ARunKilledMidLoadLeavesOnlyWholeReports) {
  testing::TempDir tmp;
  TestDatabase db;
  const int copies = 30;
  int files = 0;
  for (const char* dir : {"seeds", "real"})
    for (const auto& e : fs::directory_iterator(testing::FixturePath(dir)))
      for (int i = 0; i < copies; ++i, ++files) {
        std::string to = tmp / ("in/" + std::to_string(i));
        fs::create_directories(to);
        fs::copy_file(e.path(), to + "/" + dir + "_" + e.path().filename().string());
      }
  ASSERT_GT(files, 300);

  const std::string conninfo = db.conninfo();
  const std::string config = testing::SourceDir() + "/config/gongkai.yaml";
  const std::string input = tmp / "in";
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(GONGKAI_BINARY, "gongkai", "-q", "-c", config.c_str(), "run", "--warehouse",
          conninfo.c_str(), "--input", input.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until some reports are in and a report transaction is open, then kill.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool exited = false;
  int status = 0;
  long loaded = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    try {
      loaded = std::stol(PgQuery(conninfo, "SELECT count(*) FROM report")[0][0]);
    } catch (const std::exception&) {  // schema not there yet
    }
    if (loaded >= 20) {
      for (int i = 0; i < 200; ++i) {
        auto open_tx = PgQuery(conninfo,
                               "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                               "'gongkai' AND backend_xid IS NOT NULL");
        if (open_tx[0][0] != "0") break;
      }
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!exited) {
    kill(child, SIGKILL);
    ASSERT_EQ(waitpid(child, &status, 0), child);
  }
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended by itself before it could be killed ("
                                   << loaded << " reports in): make the batch larger";

  auto counts = [&] {
    return PgQuery(conninfo,
                   "SELECT count(*), "
                   "count(*) FILTER (WHERE r.cell_count = (SELECT count(*) FROM cell c WHERE "
                   "c.report_id = r.report_id) AND r.finding_count = (SELECT count(*) FROM "
                   "finding f WHERE f.report_id = r.report_id) AND r.status = 'loaded' AND "
                   "EXISTS (SELECT 1 FROM rule_result x WHERE x.report_id = r.report_id)) "
                   "FROM report r")[0];
  };
  auto after_kill = counts();
  long in = std::stol(after_kill[0]);
  EXPECT_GT(in, 0);
  EXPECT_LT(in, files) << "the kill came after the last report";
  EXPECT_EQ(after_kill[1], after_kill[0]) << "a report is visible without all its rows";
  EXPECT_EQ(PgQuery(conninfo, "SELECT count(*) FROM cell c LEFT JOIN report r USING (report_id) "
                              "WHERE r.report_id IS NULL"),
            (Rows{{"0"}}));

  Output again = Gongkai({"run", "--warehouse", conninfo, "--input", input});
  EXPECT_TRUE(again.exit_code == kExitOk || again.exit_code == kExitFindings) << again.text;
  auto after_rerun = counts();
  EXPECT_EQ(after_rerun[0], std::to_string(files));
  EXPECT_EQ(after_rerun[1], after_rerun[0]);
  EXPECT_EQ(PgQuery(conninfo, "SELECT status FROM run ORDER BY run_id"),
            (Rows{{"aborted"}, {"finished"}}));

  // Issue 11 item 14: every report has the id a clean run gives it (no sequence gaps left by
  // the killed run), and keeps it through --force.
  const std::string ids = "SELECT report_id, source_path FROM report ORDER BY report_id";
  TestDatabase clean;
  Output fresh = Gongkai({"run", "--warehouse", clean.conninfo(), "--input", input});
  EXPECT_TRUE(fresh.exit_code == kExitOk || fresh.exit_code == kExitFindings) << fresh.text;
  const Rows want = PgQuery(clean.conninfo(), ids);
  EXPECT_EQ(PgQuery(conninfo, ids), want);
  EXPECT_EQ(want.back()[0], std::to_string(files));
  Output forced = Gongkai({"run", "--force", "--warehouse", conninfo, "--input", input});
  EXPECT_TRUE(forced.exit_code == kExitOk || forced.exit_code == kExitFindings) << forced.text;
  EXPECT_EQ(PgQuery(conninfo, ids), want);
}

// The gazetteer is parsed only when needed (core/gazetteer.h), here by Prepare writing the
// dimension tables of a fresh warehouse: a malformed units.yaml is still a configuration error
// (exit 2, not a warehouse fault), and nothing is created.
TEST(PostgresCli, AMalformedUnitsFileIsExitTwoAndCreatesNothing) {
  testing::TempDir tmp;
  TestDatabase db;
  fs::create_directories(tmp / "in");
  fs::copy_file(testing::FixturePath("seeds/001_0b0ebb0c0800d905.txt"), tmp / "in/a.txt");
  testing::WriteFile(tmp / "units.yaml", "aliases:\n  某区: \"999999\"\n");
  testing::WriteFile(tmp / "g.yaml", "identify:\n  gazetteer: " + tmp / "units.yaml" +
                                         "\n  divisions: " + testing::SourceDir() +
                                         "/data/divisions\nextract:\n  template_dir: " +
                                         testing::SourceDir() + "/config/templates\n");
  testing::CliResult out =
      testing::RunCli({"run", "-c", tmp / "g.yaml", "-w", db.conninfo(), "-i", tmp / "in"});
  EXPECT_EQ(out.exit_code, kExitUsage) << out.output;
  EXPECT_NE(out.output.find("configuration: " + tmp / "units.yaml" +
                            ": alias 某区: no division with code 999999"),
            std::string::npos)
      << out.output;
  EXPECT_EQ(PgQuery(db.conninfo(), "SELECT to_regclass('report') IS NULL"), (Rows{{"t"}}));
}

}  // namespace
}  // namespace gongkai
