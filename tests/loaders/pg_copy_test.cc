// The COPY text of a report's child rows (loaders/pg_copy.h): exact lines, escapes, NULLs, the
// report id put in front of every line. (That the server reads them back as the same values is
// pg_batch_test's and postgres_loader_test's.)
#include "loaders/pg_copy.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(PgCopyText, EscapesOnlyWhatCopyTextNeedsAndKeepsUtf8AsItIs) {
  std::string s;
  AppendCopyText(s, "a\\b\tc\nd\re\x01 件");
  EXPECT_EQ(s, "a\\\\b\\tc\\nd\\re\x01 件");
  s.clear();
  AppendCopyText(s, "");
  AppendCopyNull(s);
  AppendCopyInt(s, -12);
  AppendCopyReal(s, 0.1);
  AppendCopyReal(s, 1e21);
  EXPECT_EQ(s, "\\N-120.11e+21");
}

TEST(PgCopyText, OneLinePerRowWithoutReportId) {
  ReportRecord r;
  Cell number;
  number.SetCoord("t3", "new", "total", "件");
  number.state = CellState::kNumber, number.value = 12.5;
  number.raw = "12.5\t件", number.line = 7;
  Cell blank;
  blank.SetCoord("t2", "a1", "issued"), blank.raw = "";
  r.cells = {number, blank};
  Finding tied, loose;
  tied.kind = "value_count", tied.severity = Severity::kError, tied.table = "t3";
  tied.row = "new", tied.col = "total", tied.line = 7, tied.raw = "a\\b", tied.message = "m";
  tied.message_zh = "中";
  loose.kind = "unknown_label", loose.message = "two\nlines";
  r.findings = {tied, loose};
  RuleResult rule;
  rule.key_text = "t3.row_total", rule.subject_text = "new", rule.lhs_text = "t3.new.total";
  rule.rhs_text = "t3.new.natural", rule.lhs = 3, rule.rhs = 2.5, rule.diff = 0.5;
  rule.status = RuleStatus::kFail, rule.message_zh = "不等";
  RuleResult open;
  open.key_text = "narrative.count", open.line = 4;
  r.rules = {rule, open};

  PgCopyText t = FormatCopyText(r);
  EXPECT_EQ(t.cell,
            "t3\tnew\ttotal\tnumber\t12.5\t件\t12.5\\t件\t7\n"
            "t2\ta1\tissued\tblank\t\\N\t\t\t0\n");
  EXPECT_EQ(t.finding,
            "1\tvalue_count\terror\tt3\tnew\ttotal\t7\ta\\\\b\tm\t中\n"
            "2\tunknown_label\twarning\t\\N\t\\N\t\\N\t\\N\t\\N\ttwo\\nlines\t\\N\n");
  EXPECT_EQ(t.rule,
            "t3.row_total\tnew\tt3.new.total\tt3.new.natural\t3\t2.5\t0.5\tfail\t\\N\t不等\n"
            "narrative.count\t\t\t\t\\N\t\\N\t\\N\tnot_assessable\t4\t\\N\n");
}

TEST(PgCopyText, AppendWithIdPrefixesEveryLine) {
  std::string out = "x\n";
  AppendWithId(out, 42, "a\tb\nc\n");
  AppendWithId(out, 7, "");
  AppendWithId(out, -1, "d\n");
  EXPECT_EQ(out, "x\n42\ta\tb\n42\tc\n-1\td\n");
}

TEST(PgCopyText, ColumnsLeadWithReportId) {
  EXPECT_STREQ(kCellColumns[0], "report_id");
  EXPECT_STREQ(kFindingColumns[1], "seq");
  EXPECT_EQ(std::size(kRuleColumns), 11u);
}

}  // namespace
}  // namespace gongkai
