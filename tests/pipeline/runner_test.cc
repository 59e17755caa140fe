// Nightly runs: incremental skips, the run log, missing files, the run lock, and every kind of
// bad input a cron job meets, each recorded with its reason while the good files load.
#include "pipeline/runner.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "loaders/sqlite_loader.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Query;
using testing::Rows;

class Nightly : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    options_ = testing::SeedRunOptions(input_, tmp_ / "warehouse.db");
    options_.workers = 2;
  }

  RunSummary RunOnce(const ExtractContext& ctx = testing::ProjectContext()) {
    return testing::RunWarehouse(options_, ctx);
  }

  Rows Q(const std::string& sql) { return Query(options_.load.warehouse, sql); }
  std::string Seed(const std::string& name) { return testing::ReadFileOrDie(input_ + "/" + name); }

  testing::TempDir tmp_;
  std::string input_;
  RunOptions options_;
};

TEST_F(Nightly, UnchangedCorpusParsesNoFile) {
  RunOnce();
  RunSummary again = RunOnce();
  EXPECT_EQ(again.files_seen, 5);
  EXPECT_EQ(again.loaded, 0);
  EXPECT_EQ(again.skipped, 5);
  EXPECT_EQ(again.ExitCode(), kExitOk);
  EXPECT_EQ(Q("SELECT run_id, status, exit_code, files_seen, loaded, skipped, failed, missing "
              "FROM run ORDER BY run_id"),
            (Rows{{"1", "finished", "1", "5", "5", "0", "0", "0"},
                  {"2", "finished", "0", "5", "0", "5", "0", "0"}}));
}

TEST_F(Nightly, TouchingOneFileReloadsOnlyThatOne) {
  RunOnce();
  std::string path = input_ + "/003_6b1b5a067a577432.txt";
  fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(60));
  RunSummary again = RunOnce();
  EXPECT_EQ(again.loaded, 1);
  EXPECT_EQ(again.skipped, 4);
  EXPECT_EQ(Q("SELECT loaded, skipped FROM run WHERE run_id = 2"), (Rows{{"1", "4"}}));
}

TEST_F(Nightly, ANewExtractorVersionReextractsEverything) {
  RunOnce();
  ExtractContext newer = testing::ProjectContext();
  newer.extractor_version = "0123456789abcdef";
  RunSummary again = RunOnce(newer);
  EXPECT_EQ(again.loaded, 5);
  EXPECT_EQ(Q("SELECT DISTINCT extractor_version FROM report"), (Rows{{"0123456789abcdef"}}));
}

TEST_F(Nightly, AVanishedFileIsReportedAndRemovedOnlyWithPrune) {
  RunOnce();
  fs::remove(input_ + "/001_0b0ebb0c0800d905.txt");
  RunSummary kept = RunOnce();
  EXPECT_EQ(kept.missing, 1);
  EXPECT_EQ(kept.removed, 0);
  EXPECT_EQ(kept.ExitCode(), kExitFindings);
  EXPECT_EQ(Q("SELECT count(*) FROM stg_report"), (Rows{{"5"}}));
  EXPECT_EQ(Q("SELECT outcome FROM run_file WHERE run_id = 2"), (Rows{{"missing"}}));
  options_.prune = true;
  RunSummary pruned = RunOnce();
  EXPECT_EQ(pruned.removed, 1);
  EXPECT_EQ(Q("SELECT count(*) FROM stg_report"), (Rows{{"4"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM cell"), (Rows{{"794"}}));
}

TEST_F(Nightly, ASecondRunIsRefusedWhileOneHoldsTheWarehouse) {
  auto first = OpenSqliteLoader(options_.load.warehouse);
  first->Prepare(testing::ProjectContext().templates, testing::ProjectContext().gazetteer);
  ASSERT_TRUE(first->TryLockRun(ShardKey(options_.discover)));
  auto second = OpenSqliteLoader(options_.load.warehouse);
  EXPECT_THROW(gongkai::Run(options_, testing::ProjectContext(), *second), RunLocked);
  EXPECT_EQ(Q("SELECT count(*) FROM report"), (Rows{{"0"}}));
}

// A loader that deletes a file the moment the first report is loaded: with one worker the next
// files are read only afterwards, so the deleted one vanishes mid-run.
class VanishingLoader : public Loader {
 public:
  VanishingLoader(std::unique_ptr<Loader> inner, std::string victim)
      : inner_(std::move(inner)), victim_(std::move(victim)) {}
  void Prepare(const std::vector<Template>& t, const LazyGazetteer& g) override {
    inner_->Prepare(t, g);
  }
  void LoadReport(const ReportRecord& r) override {
    fs::remove(victim_);
    inner_->LoadReport(r);
  }
  void LoadFailure(const FailedFile& f) override { inner_->LoadFailure(f); }
  int SchemaVersion() override { return inner_->SchemaVersion(); }
  bool TryLockRun(const std::string& shard) override { return inner_->TryLockRun(shard); }
  void ScanManifest(const std::function<void(const ManifestEntry&)>& each) override {
    inner_->ScanManifest(each);
  }
  long long BeginRun(const RunRecord& r) override { return inner_->BeginRun(r); }
  void FinishRun(long long id, const RunRecord& r) override { inner_->FinishRun(id, r); }
  void RemoveReport(const std::string& p) override { inner_->RemoveReport(p); }
  std::string Describe() const override { return inner_->Describe(); }

 private:
  std::unique_ptr<Loader> inner_;
  std::string victim_;
};

TEST_F(Nightly, EveryBadInputIsRecordedWithItsReasonAndTheGoodFilesLoad) {
  const std::string dongmu = Seed("000_0f2f3fa0c9be7e04.txt");
  // A GBK/GB18030 report is decoded, not rejected.
  testing::WriteFile(input_ + "/gbk.txt", testing::ToGb18030(Seed("003_6b1b5a067a577432.txt")));
  fs::remove(input_ + "/003_6b1b5a067a577432.txt");
  testing::WriteFile(input_ + "/bad_empty.txt", "");
  testing::WriteFile(input_ + "/bad_binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  testing::WriteFile(input_ + "/bad_truncated.txt",
                     dongmu.substr(0, dongmu.find("三、收到和处理政府信息公开申请情况") + 60));
  testing::WriteFile(input_ + "/bad_notice.txt", "关于做好春节期间安全生产工作的通知\n各村：\n");
  testing::WriteFile(input_ + "/bad_long_line.txt", std::string(10 << 20, 'x'));
  std::string broken = dongmu;
  broken.insert(broken.find("一、总体情况"), "\xE4\xB8");  // a cut multi-byte sequence
  testing::WriteFile(input_ + "/bad_utf8.txt", broken);
  testing::WriteFile(input_ + "/zz_vanishing.txt", dongmu);

  options_.workers = 1;
  auto loader = std::make_unique<VanishingLoader>(OpenSqliteLoader(options_.load.warehouse),
                                                  input_ + "/zz_vanishing.txt");
  loader->Prepare(testing::ProjectContext().templates, testing::ProjectContext().gazetteer);
  RunSummary s = gongkai::Run(options_, testing::ProjectContext(), *loader);
  EXPECT_EQ(s.files_seen, 12);
  EXPECT_EQ(s.loaded, 5);  // four seeds + the GB18030 one
  EXPECT_EQ(s.failed, 7);
  EXPECT_EQ(s.ExitCode(), kExitFilesFailed);
  Rows kinds = Q("SELECT error_kind FROM report WHERE status='failed' ORDER BY source_path");
  EXPECT_EQ(kinds, (Rows{{"binary"}, {"empty"}, {"not_a_report"}, {"not_a_report"},
                         {"truncated"}, {"invalid_utf8"}, {"unreadable"}}));
  EXPECT_EQ(Q("SELECT unit, encoding, cell_count FROM report WHERE source_path LIKE '%gbk.txt'"),
            (Rows{{"连生乡", "GB18030", "198"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM run_file WHERE outcome = 'failed'"), (Rows{{"7"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM stg_report"), (Rows{{"5"}}));
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST_F(Nightly, ARunMarksOnlyItsOwnShardsDeadRunsAborted) {
  RunOnce();
  // Two runs left 'running' by killed processes: one over this input, one over another shard.
  auto loader = OpenSqliteLoader(options_.load.warehouse);
  RunRecord dead_here, dead_elsewhere;
  dead_here.shard = ShardKey(options_.discover);
  dead_elsewhere.shard = "/elsewhere/\n";
  dead_here.started_at = dead_elsewhere.started_at = "2026-01-01T00:00:00Z";
  loader->BeginRun(dead_elsewhere);
  loader->BeginRun(dead_here);
  loader.reset();
  RunOnce();
  EXPECT_EQ(Q("SELECT run_id, status FROM run ORDER BY run_id"),
            (Rows{{"1", "finished"}, {"2", "running"}, {"3", "aborted"}, {"4", "finished"}}));
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// Issue 11 item 12: a file that failed for a permanent reason and is unchanged is not parsed
// again, but every run still counts it (exit 3 until someone fixes or removes it); once it
// changes it is retried.
TEST_F(Nightly, EveryRunCountsTheFilesStillFailedUntilFixed) {
  testing::WriteFile(input_ + "/bad_notice.txt", "关于做好春节期间安全生产工作的通知\n各村：\n");
  RunSummary first = RunOnce();
  EXPECT_EQ(first.failed, 1);
  EXPECT_EQ(first.ExitCode(), kExitFilesFailed);
  RunSummary again = RunOnce();
  EXPECT_EQ(again.loaded, 0);
  EXPECT_EQ(again.skipped, 6);
  EXPECT_EQ(again.ExitCode(), kExitFilesFailed);
  EXPECT_EQ(Q("SELECT exit_code FROM run WHERE run_id = 2"), (Rows{{"3"}}));
  EXPECT_EQ(Q("SELECT source_path, outcome, error_kind FROM run_file WHERE run_id = 2"),
            (Rows{{fs::canonical(input_).string() + "/bad_notice.txt", "failed",
                   "not_a_report"}}));
  testing::WriteFile(input_ + "/bad_notice.txt", Seed("001_0b0ebb0c0800d905.txt") + "\n");
  RunSummary fixed = RunOnce();
  EXPECT_EQ(fixed.loaded, 1);
  EXPECT_EQ(fixed.failed, 0);
  EXPECT_NE(fixed.ExitCode(), kExitFilesFailed);
}

}  // namespace
}  // namespace gongkai
