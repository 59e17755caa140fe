// Several loaders, one warehouse (issue 15): four gongkai runs over disjoint folders started at
// once into one PostgreSQL give the warehouse a sequential load gives (every table, rows keyed
// by source path: ids are numbered in load order), each exits as it would alone, and each run's
// log is its own.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

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

// Every table but the run log, as JSON rows with report_id replaced by the report's path.
std::string DumpByPath(const std::string& conninfo) {
  std::string out;
  for (const auto& t : PgQuery(conninfo,
                               "SELECT table_name FROM information_schema.tables WHERE "
                               "table_schema = current_schema() AND table_type = 'BASE TABLE' "
                               "AND table_name NOT IN ('run', 'run_file') ORDER BY 1")) {
    const std::string& name = t[0];
    bool keyed = !PgQuery(conninfo, "SELECT 1 FROM information_schema.columns WHERE table_name "
                                    "= '" + name + "' AND column_name = 'report_id'")
                      .empty();
    std::string sql =
        !keyed ? "SELECT to_jsonb(t)::text FROM " + name + " t"
        : name == "report"
            ? "SELECT (to_jsonb(t) - 'report_id')::text FROM report t"
            : "SELECT (to_jsonb(t) - 'report_id' || jsonb_build_object('path', r.source_path))"
              "::text FROM " + name + " t JOIN report r ON r.report_id = t.report_id";
    out += "== " + name + "\n";
    for (const auto& row : PgQuery(conninfo, sql + " ORDER BY 1")) out += row[0] + "\n";
  }
  return out;
}

TEST(PostgresSeveralLoaders, FourConcurrentRunsOverDisjointFoldersEqualASequentialLoad) {
  testing::TempDir tmp;
  const int shards = 4, copies = 3;
  std::vector<std::string> inputs;
  for (int s = 0; s < shards; ++s) {
    inputs.push_back(tmp / ("province_" + std::to_string(s)));
    for (const char* dir : {"seeds", "real"})
      for (const auto& e : fs::directory_iterator(testing::FixturePath(dir)))
        for (int c = 0; c < copies; ++c) {
          std::string to = inputs.back() + "/" + std::to_string(c);
          fs::create_directories(to);
          fs::copy_file(e.path(), to + "/" + e.path().filename().string());
        }
  }
  TestDatabase together, one_by_one;
  auto args = [&](const TestDatabase& db, int s) {
    return std::vector<std::string>{"--log-file", tmp / ("log_" + db.name() + "_" +
                                                         std::to_string(s)),
                                    "run", "-q", "-w", db.conninfo(), "-i", inputs[s]};
  };
  std::vector<int> alone(shards), concurrent(shards);
  for (int s = 0; s < shards; ++s) {
    auto r = testing::RunGongkai(args(one_by_one, s));
    alone[s] = r.exit_code;
    EXPECT_TRUE(r.exit_code == kExitOk || r.exit_code == kExitFindings) << r.output;
  }
  std::vector<std::thread> runs;
  std::vector<std::string> outputs(shards);
  for (int s = 0; s < shards; ++s)
    runs.emplace_back([&, s] {
      auto r = testing::RunGongkai(args(together, s));
      concurrent[s] = r.exit_code;
      outputs[s] = r.output;
    });
  for (auto& t : runs) t.join();
  for (int s = 0; s < shards; ++s) EXPECT_EQ(concurrent[s], alone[s]) << outputs[s];

  const std::string want = DumpByPath(one_by_one.conninfo());
  EXPECT_EQ(DumpByPath(together.conninfo()), want);
  EXPECT_EQ(PgQuery(together.conninfo(), "SELECT count(*) FROM report"),
            (Rows{{std::to_string(shards * copies * 11)}}));
  // Ids: each report one, no gaps.
  EXPECT_EQ(PgQuery(together.conninfo(), "SELECT min(report_id), max(report_id) FROM report"),
            (Rows{{"1", std::to_string(shards * copies * 11)}}));
  // One finished run per shard, and each log names its own run only.
  EXPECT_EQ(PgQuery(together.conninfo(),
                    "SELECT count(*), count(DISTINCT shard) FROM run WHERE status = 'finished'"),
            (Rows{{std::to_string(shards), std::to_string(shards)}}));
  for (int s = 0; s < shards; ++s) {
    std::string log =
        testing::ReadFileOrDie(tmp / ("log_" + together.name() + "_" + std::to_string(s)));
    EXPECT_NE(log.find("run finished: " + std::to_string(copies * 11) + " files"),
              std::string::npos)
        << log;
    for (int other = 0; other < shards; ++other) {
      if (other != s) {
        EXPECT_EQ(log.find(inputs[other] + "/"), std::string::npos) << log;
      }
    }
  }
}

}  // namespace
}  // namespace gongkai
