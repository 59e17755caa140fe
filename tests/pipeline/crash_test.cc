// Crash safety, with the real binary: a run killed with SIGKILL at several points, then run
// again, leaves exactly the warehouse a clean run leaves. Also: a run started while another
// holds the warehouse is refused with its own exit code.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "loaders/sqlite_loader.h"
#include "pipeline/runner.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

extern char** environ;

namespace gongkai {
namespace {

namespace fs = std::filesystem;

pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + args[0]);
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Reports visible in the warehouse; 0 while it is still being created.
int VisibleReports(const std::string& db) {
  try {
    return std::stoi(testing::Query(db, "SELECT count(*) FROM report")[0][0]);
  } catch (const std::exception&) {
    return 0;
  }
}

class CrashSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    fs::create_directories(input_);
    // 100 copies of the five seeds: long enough a run to kill it mid-way.
    int n = 0;
    for (int copy = 0; copy < 100; ++copy)
      for (const auto& e : fs::directory_iterator(testing::FixturePath("seeds")))
        fs::copy_file(e.path(), input_ + "/r" + std::to_string(1000 + n++) + ".txt");
  }

  // Commits every 20 reports, so the kills below land between and inside commits however fast
  // extraction is (with the default batch the 500 reports went in one commit, so the kills
  // landed after the run had ended).
  std::vector<std::string> RunArgs(const std::string& db) {
    return {GONGKAI_BINARY, "run", "-c", testing::SourceDir() + "/config/gongkai.yaml",
            "-i", input_, "-w", db, "-q", "-j", "2", "--batch-reports", "20"};
  }

  testing::TempDir tmp_;
  std::string input_;
};

TEST_F(CrashSafety, KilledRunsThenARerunEqualACleanRun) {
  const std::string clean = tmp_ / "clean.db";
  // Every seed placed; one finding: 东木镇's prose (10 applications) against its table (0).
  ASSERT_EQ(Wait(Spawn(RunArgs(clean))), kExitFindings);
  const std::string want = testing::DumpSqlite(clean);
  ASSERT_NE(want.find("r1499.txt"), std::string::npos);

  const std::string db = tmp_ / "killed.db";
  int killed = 0;
  // Kill after N reports are visible (the kill then lands at a random point of report N+1's
  // extraction or transaction), and once right at the start.
  for (int after : {0, 40, 200, 420}) {
    pid_t pid = Spawn(RunArgs(db));
    for (int i = 0; i < 5000 && after > 0 && VisibleReports(db) < after; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (kill(pid, SIGKILL) == 0 && Wait(pid) == 128 + SIGKILL) ++killed;
    // Whatever is visible is whole: every loaded report has all its cells.
    if (VisibleReports(db) > 0) {
      auto partial = testing::Query(
          db, "SELECT count(*) FROM report r WHERE status='loaded' AND cell_count <> "
              "(SELECT count(*) FROM cell c WHERE c.report_id = r.report_id)");
      EXPECT_EQ(partial, (testing::Rows{{"0"}})) << "after " << after << " reports";
    }
  }
  EXPECT_GE(killed, 3);
  int rc = Wait(Spawn(RunArgs(db)));
  EXPECT_TRUE(rc == kExitOk || rc == kExitFindings) << rc;
  EXPECT_EQ(testing::DumpSqlite(db), want);
  auto aborted = testing::Query(db, "SELECT count(*) FROM run WHERE status='aborted'");
  EXPECT_NE(aborted, (testing::Rows{{"0"}}));
}

TEST_F(CrashSafety, ARunWhileAnotherHoldsTheWarehouseIsRefusedWithItsOwnExitCode) {
  const std::string db = tmp_ / "busy.db";
  auto holder = OpenSqliteLoader(db);
  holder->Prepare(testing::ProjectContext().templates, testing::ProjectContext().gazetteer);
  DiscoverOptions input;
  input.input_dirs = {input_};
  ASSERT_TRUE(holder->TryLockRun(ShardKey(input)));
  EXPECT_EQ(Wait(Spawn(RunArgs(db))), kExitLocked);
  EXPECT_EQ(VisibleReports(db), 0);
  holder.reset();  // the holder's run ends
  EXPECT_EQ(Wait(Spawn(RunArgs(db))), kExitFindings);
  EXPECT_EQ(VisibleReports(db), 500);
}

}  // namespace
}  // namespace gongkai
