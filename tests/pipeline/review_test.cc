// gongkai review and gongkai correct on SQLite and on the real PostgreSQL test server: a
// dismissed finding stays dismissed through --force and a new extractor version, and no longer
// counts for the run's exit code; editing the finding's source line opens it again. A correction
// shows in mart_unit_year, survives --force, and a changed extracted value under it is a
// finding corrected_cell_changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "loaders/loader.h"
#include "loaders/warehouse_reader.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/run_command.h"

namespace gongkai {
namespace {

using testing::RunGongkaiStdout;

const char* kDongmu = "000_0f2f3fa0c9be7e04.txt";  // 东木镇 2020: prose says 10, table 0

class Warehouse {
 public:
  Warehouse(const std::string& warehouse, const std::string& dir) : dir_(dir) {
    options_.discover.input_dirs = {dir + "/in"};
    options_.load.warehouse = warehouse;
    options_.workers = 2;
    testing::CopySeeds(dir + "/in");
  }

  RunSummary Run(bool force = false, const std::string& version = "") {
    ExtractContext ctx = testing::ProjectContext();
    if (!version.empty()) ctx.extractor_version = version;
    options_.force = force;
    auto loader = OpenLoader(options_.load);
    loader->Prepare(ctx.templates, ctx.gazetteer);
    return gongkai::Run(options_, ctx, *loader);
  }

  // The rows of a query, each cell as text ("" for NULL), one line per row, "|" between cells.
  std::string Q(const std::string& sql, const std::vector<DbParam>& params = {}) {
    auto db = OpenWarehouseReader(options_.load);
    std::string out;
    for (const auto& row : db->Query(sql, params).rows) {
      for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "|" : "") + row[i].text;
      out += "\n";
    }
    return out;
  }

  long long OpenNonInfoFindings() {
    return std::stoll(Q("SELECT count(*) FROM mart_findings WHERE review_state = 'open' AND "
                        "severity <> 'info' AND unit IS NOT NULL"));
  }

  // Replaces line `n` (1-based) of the 东木镇 seed; moves its mtime so the run reloads it.
  void EditLine(int n, const std::string& from, const std::string& to) {
    std::string path = dir_ + "/in/" + kDongmu;
    std::string text = testing::ReadFileOrDie(path);
    std::istringstream in(text);
    std::ostringstream out;
    std::string line;
    for (int i = 1; std::getline(in, line); ++i) {
      if (i == n) {
        auto at = line.find(from);
        ASSERT_NE(at, std::string::npos) << line;
        line.replace(at, from.size(), to);
      }
      out << line << "\n";
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << out.str();
  }

  std::string warehouse() const { return options_.load.warehouse; }

 private:
  std::string dir_;
  RunOptions options_;
};

std::string NarrativeId(Warehouse& w) {
  std::string row = w.Q(
      "SELECT report_id, finding_seq FROM mart_findings WHERE kind = 'narrative_mismatch' "
      "AND unit = '东木镇'");
  EXPECT_EQ(std::count(row.begin(), row.end(), '\n'), 1) << row;
  row.pop_back();
  return row.replace(row.find('|'), 1, ":");
}

const char* kReviewState =
    "SELECT review_state, review_reason, reviewed_by FROM mart_findings "
    "WHERE kind = 'narrative_mismatch' AND unit = '东木镇'";

void ExpectDecisionsSurvive(const std::string& warehouse, const std::string& dir) {
  Warehouse w(warehouse, dir);
  RunSummary first = w.Run();
  ASSERT_EQ(first.findings, 1);  // the seeds' one warning: 东木镇's prose against its table
  ASSERT_EQ(first.ExitCode(), kExitFindings);
  EXPECT_EQ(w.Q(kReviewState), "open||\n");
  const std::string id = NarrativeId(w);

  // A dismissal needs a reason; nothing is stored without one.
  EXPECT_EQ(RunGongkaiStdout({"review", id, "--dismiss", "-w", warehouse}).exit_code, 2);
  EXPECT_EQ(w.Q("SELECT count(*) FROM finding_review"), "0\n");
  EXPECT_EQ(RunGongkaiStdout({"review", "999:1", "--confirm", "-w", warehouse}).exit_code, 2);
  auto listed = RunGongkaiStdout({"review", "--list", "--unit", "东木镇", "-w", warehouse});
  ASSERT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find(id + "  东木镇  2020  narrative_mismatch"), std::string::npos)
      << listed.out;

  ASSERT_EQ(RunGongkaiStdout({"review", id, "--dismiss", "--reason", "表格为准，正文笔误", "--by",
                              "张三", "-w", warehouse})
                .exit_code,
            0);
  EXPECT_EQ(w.Q(kReviewState), "dismissed|表格为准，正文笔误|张三\n");
  listed = RunGongkaiStdout({"review", "--list", "--unit", "东木镇", "-w", warehouse});
  EXPECT_EQ(listed.out.find("narrative_mismatch"), std::string::npos) << listed.out;

  // --force re-extracts every file: the decision stays, the run has nothing open to review.
  RunSummary forced = w.Run(/*force=*/true);
  EXPECT_EQ(forced.loaded, 5);
  EXPECT_EQ(forced.findings, 0);
  EXPECT_EQ(forced.ExitCode(), kExitOk);
  EXPECT_EQ(w.Q(kReviewState), "dismissed|表格为准，正文笔误|张三\n");
  EXPECT_EQ(w.Q("SELECT findings, exit_code FROM run ORDER BY run_id DESC LIMIT 1"), "0|0\n");

  // A new extractor version re-extracts everything: the decision stays.
  RunSummary newer = w.Run(false, "0123456789abcdef");
  EXPECT_EQ(newer.loaded, 5);
  EXPECT_EQ(newer.findings, 0);
  EXPECT_EQ(w.Q(kReviewState), "dismissed|表格为准，正文笔误|张三\n");

  // The finding's source line changes (the prose now says 11): another finding, open again.
  w.EditLine(5, "申请10件", "申请11件");
  RunSummary edited = w.Run(false, "0123456789abcdef");
  EXPECT_EQ(edited.loaded, 1);
  EXPECT_EQ(edited.findings, 1);
  EXPECT_EQ(edited.ExitCode(), kExitFindings);
  EXPECT_EQ(w.Q(kReviewState), "open||\n");
  EXPECT_EQ(w.Q("SELECT raw FROM mart_findings WHERE kind = 'narrative_mismatch'"),
            "2020年共办理群众、企业向政府提出的政府信息公开申请11件\n");

  // Confirm the new one, then reopen it: the decision row goes, the finding is open.
  const std::string again = NarrativeId(w);
  ASSERT_EQ(RunGongkaiStdout({"review", again, "--confirm", "-w", warehouse}).exit_code, 0);
  EXPECT_EQ(w.Q("SELECT review_state FROM mart_findings WHERE kind = 'narrative_mismatch'"),
            "confirmed\n");
  ASSERT_EQ(RunGongkaiStdout({"review", again, "--reopen", "-w", warehouse}).exit_code, 0);
  EXPECT_EQ(w.Q("SELECT review_state FROM mart_findings WHERE kind = 'narrative_mismatch'"),
            "open\n");
  EXPECT_EQ(w.Q("SELECT count(*) FROM finding_review"), "1\n");  // the first one's, now unused
}

const char* kDongmuFigures =
    "SELECT new_total, received, corrected_cells FROM mart_unit_year WHERE unit = '东木镇'";

void ExpectCorrectionsSurvive(const std::string& warehouse, const std::string& dir) {
  Warehouse w(warehouse, dir);
  w.Run();
  EXPECT_EQ(w.Q(kDongmuFigures), "0|0|0\n");
  // Bad requests change nothing (exit 2).
  EXPECT_EQ(RunGongkaiStdout({"correct", "--unit", "东木镇", "--year", "2020", "--cell",
                              "t3.new.total", "--value", "10", "--reason", " ", "-w", warehouse})
                .exit_code,
            2);
  EXPECT_EQ(RunGongkaiStdout({"correct", "--unit", "东木镇", "--year", "2020", "--cell",
                              "t3.nosuch.total", "--value", "10", "--reason", "x", "-w",
                              warehouse})
                .exit_code,
            2);
  EXPECT_EQ(RunGongkaiStdout({"correct", "--unit", "东木镇", "--year", "2020", "--cell",
                              "t3.new.total", "--value", "2.5", "--reason", "x", "-w", warehouse})
                .exit_code,
            2);
  EXPECT_EQ(w.Q("SELECT count(*) FROM cell_correction"), "0\n");

  ASSERT_EQ(RunGongkaiStdout({"correct", "--unit", "东木镇", "--year", "2020", "--cell",
                              "t3.new.total", "--value", "10", "--reason", "正文与附件均为10件",
                              "--by", "李四", "-w", warehouse})
                .exit_code,
            0);
  EXPECT_EQ(w.Q(kDongmuFigures), "10|10|1\n");
  // Stored beside the extracted value, which the cell table keeps.
  EXPECT_EQ(w.Q("SELECT CAST(value AS INTEGER), extracted_state, CAST(extracted_value AS "
                "INTEGER), extracted_raw, reason, corrected_by FROM cell_correction"),
            "10|number|0|0|正文与附件均为10件|李四\n");
  EXPECT_EQ(w.Q("SELECT CAST(c.value AS INTEGER) FROM cell c JOIN report r USING (report_id) "
                "WHERE r.unit = '东木镇' AND c.table_code = 't3' AND c.row_code = 'new' AND "
                "c.col_code = 'total'"),
            "0\n");

  // --force re-extracts: the correction stays in the marts, nothing changed under it.
  RunSummary forced = w.Run(true);
  EXPECT_EQ(forced.loaded, 5);
  EXPECT_EQ(w.Q(kDongmuFigures), "10|10|1\n");
  EXPECT_EQ(w.Q("SELECT count(*) FROM finding WHERE kind = 'corrected_cell_changed'"), "0\n");

  // The report now prints 3 where the correction was made against 0: a finding at that cell
  // and line; the correction still applies.
  w.EditLine(113, "0", "3");
  RunSummary edited = w.Run();
  EXPECT_EQ(edited.loaded, 1);
  EXPECT_EQ(w.Q("SELECT severity, table_code, row_code, col_code, source_line, raw FROM "
                "mart_findings WHERE kind = 'corrected_cell_changed'"),
            "warning|t3|new|total|113|3\n");
  EXPECT_EQ(w.Q(kDongmuFigures), "10|10|1\n");
  EXPECT_EQ(edited.findings, w.OpenNonInfoFindings());  // the new finding counts as open
  EXPECT_EQ(w.Q("SELECT finding_count FROM report WHERE unit = '东木镇'"),
            w.Q("SELECT count(*) FROM finding f JOIN report r USING (report_id) WHERE r.unit = "
                "'东木镇'"));

  // Correcting again against what the cell reads now settles it: the finding goes.
  ASSERT_EQ(RunGongkaiStdout({"correct", "--unit", "东木镇", "--year", "2020", "--cell",
                              "t3.new.total", "--value", "10", "--reason", "附件为10件", "-w",
                              warehouse})
                .exit_code,
            0);
  EXPECT_EQ(w.Q("SELECT count(*) FROM finding WHERE kind = 'corrected_cell_changed'"), "0\n");
  EXPECT_EQ(w.Q("SELECT CAST(extracted_value AS INTEGER) FROM cell_correction"), "3\n");
  // --blank makes the cell blank in the marts: 总计 of the row is then the sum of its parts.
  ASSERT_EQ(RunGongkaiStdout({"correct", "--unit", "东木镇", "--year", "2020", "--cell",
                              "t3.new.total", "--blank", "--reason", "未填报", "-w", warehouse})
                .exit_code,
            0);
  EXPECT_EQ(w.Q("SELECT new_total, total_source, t3_blank_cells, corrected_cells FROM "
                "report_fact f JOIN report r USING (report_id) WHERE r.unit = '东木镇'"),
            "0|sum_of_parts|1|1\n");
}

TEST(Review, DecisionsSurviveForceAndANewExtractorAndReopenWhenTheSourceChanges) {
  testing::TempDir dir;
  ExpectDecisionsSurvive(dir / "w.db", dir.path());
}

TEST(Review, CorrectionsSurviveReextractionAndAChangeUnderOneIsAFinding) {
  testing::TempDir dir;
  ExpectCorrectionsSurvive(dir / "w.db", dir.path());
}

TEST(PostgresReview, DecisionsSurviveForceAndANewExtractorAndReopenWhenTheSourceChanges) {
  testing::pg::TestDatabase db;
  testing::TempDir dir;
  ExpectDecisionsSurvive(db.conninfo(), dir.path());
}

TEST(PostgresReview, CorrectionsSurviveReextractionAndAChangeUnderOneIsAFinding) {
  testing::pg::TestDatabase db;
  testing::TempDir dir;
  ExpectCorrectionsSurvive(db.conninfo(), dir.path());
}

}  // namespace
}  // namespace gongkai
