// The SQLite report writer stores every cell, rule result and finding of a record exactly: its
// per-row strings are bound without a copy (they must outlive each statement) and its cells and
// rule results are inserted in the tables' key order rather than the record's; neither may
// change a value. Each row read back is compared, column by column, with the record's, for the
// seeds and a real report, the record's rows shuffled first so that the writer's own ordering
// is what puts them in key order.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "loaders/sqlite_loader.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

// One statement's rows, read with the SQLite API (doubles as doubles, NULL as nullopt).
struct Value {
  std::optional<std::string> text;
  std::optional<double> real;
  bool operator==(const Value& o) const { return text == o.text && real == o.real; }
};
using Row = std::vector<Value>;

std::vector<Row> Read(const std::string& db, const std::string& sql, long long id) {
  sqlite3* c = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &c, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(c, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql;
  sqlite3_bind_int64(st, 1, id);
  std::vector<Row> out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    Row row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      Value v;
      switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL: break;
        case SQLITE_INTEGER:
        case SQLITE_FLOAT: v.real = sqlite3_column_double(st, i); break;
        default:
          v.text = std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i)),
                               sqlite3_column_bytes(st, i));
      }
      row.push_back(v);
    }
    out.push_back(row);
  }
  sqlite3_finalize(st);
  sqlite3_close(c);
  return out;
}

Value T(const std::string& s) { return {s, std::nullopt}; }
Value OptT(const std::string& s) { return s.empty() ? Value{} : T(s); }
Value R(std::optional<double> d) { return {std::nullopt, d}; }
Value Line(int line) { return line > 0 ? R(line) : Value{}; }

TEST(SqliteReportWriter, EveryStoredRowIsTheRecordsWhateverItsOrder) {
  testing::TempDir tmp;
  const std::string db = tmp / "w.db";
  const auto& ctx = testing::ProjectContext();
  std::vector<ReportRecord> records;
  for (const char* file : {"seeds/000_0f2f3fa0c9be7e04.txt", "seeds/001_0b0ebb0c0800d905.txt",
                           "seeds/002_7da94f88d5ce056c.txt", "real/pingtan_2023.tsv.txt"}) {
    ProcessResult p = testing::ProcessText(testing::ReadFileOrDie(testing::FixturePath(file)),
                                           std::string("/in/") + file);
    ASSERT_TRUE(p.ok) << file;
    std::mt19937 shuffle(7);
    std::shuffle(p.record.cells.begin(), p.record.cells.end(), shuffle);
    std::shuffle(p.record.rules.begin(), p.record.rules.end(), shuffle);
    records.push_back(std::move(p.record));
  }
  {
    auto loader = OpenSqliteLoader(db);
    loader->Prepare(ctx.templates, ctx.gazetteer);
    for (const auto& r : records) loader->LoadReport(r);  // one batch
    loader->Flush();
  }
  std::size_t rules_with_text = 0;
  for (const auto& r : records) {
    SCOPED_TRACE(r.source.path);
    {
      sqlite3* c = nullptr;
      sqlite3_open_v2(db.c_str(), &c, SQLITE_OPEN_READONLY, nullptr);
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(c, "SELECT report_id FROM report WHERE source_path = ?", -1, &st, nullptr);
      sqlite3_bind_text(st, 1, r.source.path.c_str(), -1, SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
      const long long id = sqlite3_column_int64(st, 0);
      sqlite3_finalize(st);
      sqlite3_close(c);

      std::vector<Row> cells;
      for (const auto& x : r.cells)
        cells.push_back({T(x.table()), T(x.row()), T(x.col()), T(CellStateName(x.state)), R(x.value),
                         T(x.measure()), T(x.raw), R(x.line)});
      std::sort(cells.begin(), cells.end(), [](const Row& a, const Row& b) {
        return std::tie(*a[0].text, *a[1].text, *a[2].text) <
               std::tie(*b[0].text, *b[1].text, *b[2].text);
      });
      ASSERT_FALSE(cells.empty());
      EXPECT_EQ(Read(db,
                     "SELECT table_code, row_code, col_code, state, value, measure, raw, "
                     "source_line FROM cell WHERE report_id = ? ORDER BY table_code, row_code, "
                     "col_code",
                     id),
                cells);

      std::vector<Row> rules;
      for (const auto& x : r.rules) {
        rules.push_back({T(x.rule_key()), T(x.subject()), T(x.lhs_terms()), T(x.rhs_terms()),
                         R(x.lhs), R(x.rhs), R(x.diff), T(RuleStatusName(x.status)),
                         Line(x.line), OptT(x.message_zh)});
        rules_with_text += !x.message_zh.empty() && !x.lhs_terms().empty();
      }
      std::sort(rules.begin(), rules.end(), [](const Row& a, const Row& b) {
        return std::tie(*a[0].text, *a[1].text) < std::tie(*b[0].text, *b[1].text);
      });
      EXPECT_EQ(Read(db,
                     "SELECT rule_key, subject, lhs_terms, rhs_terms, lhs, rhs, diff, status, "
                     "source_line, message_zh FROM rule_result WHERE report_id = ? "
                     "ORDER BY rule_key, subject",
                     id),
                rules);

      std::vector<Row> findings;
      for (const auto& f : r.findings)
        findings.push_back({T(f.kind), T(SeverityName(f.severity)), OptT(f.table), OptT(f.row),
                            OptT(f.col), Line(f.line), OptT(f.raw), T(f.message),
                            OptT(f.message_zh)});
      EXPECT_EQ(Read(db,
                     "SELECT kind, severity, table_code, row_code, col_code, source_line, raw, "
                     "message, message_zh FROM finding WHERE report_id = ? ORDER BY seq",
                     id),
                findings);
    }
  }
  EXPECT_GT(rules_with_text, 100u);  // the strings compared are not all empty
}

}  // namespace
}  // namespace gongkai
