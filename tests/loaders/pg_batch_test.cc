// The PostgreSQL batch writer (loaders/pg_batch.h): the array literals it binds, and against the
// real test server, a batch holding the same path twice, new ids in load order, and report
// fields that an array literal must escape.
#include "loaders/pg_batch.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "loaders/postgres_loader.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

using testing::Rows;
using testing::pg::PgQuery;
using testing::pg::TestDatabase;

TEST(PgBatchTextArray, QuotesEveryElementAndEscapesQuoteAndBackslash) {
  PgBatchWriter::TextArray a;
  a.Add("a");
  a.Add("b\"c\\d");
  a.AddNull();
  a.AddOpt("");
  a.Add("NULL");
  a.Add("{x, y}");
  a.Add("");
  a.AddInt(-5);
  EXPECT_EQ(a.Done(), "{\"a\",\"b\\\"c\\\\d\",NULL,NULL,\"NULL\",\"{x, y}\",\"\",-5}");
  EXPECT_EQ(PgBatchWriter::TextArray().Done(), "{}");
}

ReportRecord Seed(const std::string& file, const std::string& path) {
  ProcessResult p = testing::ProcessText(testing::ReadFileOrDie(testing::FixturePath("seeds/" + file)),
                                         path);
  EXPECT_TRUE(p.ok) << file;
  p.record.source.path = path;
  return p.record;
}

class PostgresBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    loader_ = OpenPostgresLoader(db_.conninfo());
    const auto& ctx = testing::ProjectContext();
    loader_->Prepare(ctx.templates, ctx.gazetteer);
  }
  Rows Pg(const std::string& sql) { return PgQuery(db_.conninfo(), sql); }

  TestDatabase db_;
  std::unique_ptr<Loader> loader_;
};

// The later load of a path wins inside one batch as across batches, and the path keeps the id
// it was given first; nothing of the earlier version is left.
TEST_F(PostgresBatch, APathTwiceInOneBatchKeepsItsIdAndOnlyTheLastVersion) {
  ReportRecord first = Seed("000_0f2f3fa0c9be7e04.txt", "/in/p.txt");
  loader_->LoadReport(first);
  loader_->Flush();
  Rows id = Pg("SELECT report_id FROM report WHERE source_path='/in/p.txt'");
  ASSERT_EQ(id.size(), 1u);

  ReportRecord other = Seed("001_0b0ebb0c0800d905.txt", "/in/q.txt");
  ReportRecord second = first;
  second.cells[0].raw = "second version";
  second.cells.pop_back();
  ReportRecord third = first;
  third.cells[0].raw = "third version";
  third.cells.resize(3);
  third.findings.clear();
  third.rules.resize(1);
  loader_->LoadReport(second);
  loader_->LoadReport(other);
  loader_->LoadReport(third);
  loader_->Flush();

  EXPECT_EQ(Pg("SELECT report_id FROM report WHERE source_path='/in/p.txt'"), id);
  EXPECT_EQ(Pg("SELECT count(*) FROM report"), (Rows{{"2"}}));
  const std::string p_id = id[0][0];
  EXPECT_EQ(Pg("SELECT count(*) FROM cell WHERE report_id=" + p_id), (Rows{{"3"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM finding WHERE report_id=" + p_id), (Rows{{"0"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM rule_result WHERE report_id=" + p_id), (Rows{{"1"}}));
  EXPECT_EQ(Pg("SELECT cell_count, finding_count FROM report WHERE report_id=" + p_id),
            (Rows{{"3", "0"}}));
  EXPECT_EQ(Pg("SELECT raw FROM cell WHERE report_id=" + p_id + " AND table_code='" +
               third.cells[0].table() + "' AND row_code='" + third.cells[0].row() +
               "' AND col_code='" + third.cells[0].col() + "'"),
            (Rows{{"third version"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM cell c JOIN report r USING (report_id) "
               "WHERE r.source_path='/in/q.txt'"),
            (Rows{{std::to_string(other.cells.size())}}));
}

// New paths get ids in the order they were loaded; a failure in the middle of a batch is a
// report row of its own with its reason.
TEST_F(PostgresBatch, NewPathsGetIdsInLoadOrder) {
  loader_->LoadReport(Seed("002_7da94f88d5ce056c.txt", "/in/c.txt"));
  FailedFile bad;
  bad.source.path = "/in/a.txt";
  bad.source.size = 7;
  bad.extractor_version = "v";
  bad.error_kind = "binary";
  bad.message = "file contains NUL bytes";
  loader_->LoadFailure(bad);
  loader_->LoadReport(Seed("001_0b0ebb0c0800d905.txt", "/in/b.txt"));
  loader_->Flush();
  EXPECT_EQ(Pg("SELECT source_path, status, error_kind FROM report ORDER BY report_id"),
            (Rows{{"/in/c.txt", "loaded", "NULL"},
                  {"/in/a.txt", "failed", "binary"},
                  {"/in/b.txt", "loaded", "NULL"}}));
}

// Text that means something inside an array literal (quotes, backslashes, braces, commas, the
// word NULL, white space at the ends) arrives as written.
TEST_F(PostgresBatch, ArrayLiteralSyntaxInReportFieldsArrivesAsWritten) {
  ReportRecord r = Seed("000_0f2f3fa0c9be7e04.txt", "/in/odd \"name\", {x}\\y.txt");
  r.identity.title = " \"quoted\" \\ {braces}, NULL ";
  r.identity.unit = "NULL";
  r.identity.county = "{}";
  r.identity.county_source = "a,b";
  loader_->LoadReport(r);
  loader_->Flush();
  EXPECT_EQ(Pg("SELECT source_path, title, unit, county, county_source, unit IS NULL FROM report"),
            (Rows{{"/in/odd \"name\", {x}\\y.txt", " \"quoted\" \\ {braces}, NULL ", "NULL", "{}",
                   "a,b", "f"}}));
}

// More reports than one batch holds: batches go to the server while the next one fills, and
// every report arrives whole, with ids in load order.
TEST_F(PostgresBatch, BatchesWrittenWhileTheNextFillsArriveWholeAndInOrder) {
  ReportRecord r = Seed("000_0f2f3fa0c9be7e04.txt", "");
  const int n = 300;
  for (int i = 0; i < n; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/in/%04d.txt", i);
    r.source.path = name;
    loader_->LoadReport(r);
  }
  loader_->Flush();
  EXPECT_EQ(Pg("SELECT count(*), count(DISTINCT report_id) FROM report"),
            (Rows{{std::to_string(n), std::to_string(n)}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM (SELECT source_path, row_number() OVER (ORDER BY report_id) "
               "AS k FROM report) x WHERE source_path <> '/in/' || lpad((k - 1)::text, 4, '0') "
               "|| '.txt'"),
            (Rows{{"0"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM cell"), (Rows{{std::to_string(n * r.cells.size())}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM report r WHERE cell_count <> (SELECT count(*) FROM cell c "
               "WHERE c.report_id = r.report_id)"),
            (Rows{{"0"}}));
}

// A batch that fails while the next one fills is reported at a later call as one LoadError
// naming its first file; none of its reports is stored, the others are whole, and the loader
// goes on loading.
TEST_F(PostgresBatch, ABatchThatFailsInFlightSurfacesAsLoadError) {
  ReportRecord good = Seed("000_0f2f3fa0c9be7e04.txt", "");
  ReportRecord broken = good;
  ASSERT_GT(broken.cells.size(), 60u);
  broken.cells.insert(broken.cells.begin() + 60, broken.cells[10]);  // a duplicate cell key
  broken.source.path = "/in/broken.txt";
  auto load_many = [&](int from, int to) {
    for (int i = from; i < to; ++i) {
      good.source.path = "/in/" + std::to_string(1000 + i) + ".txt";
      loader_->LoadReport(good);
    }
  };
  try {
    load_many(0, 10);
    loader_->LoadReport(broken);
    load_many(10, 300);
    loader_->Flush();
    FAIL() << "the duplicate cell must fail its batch";
  } catch (const LoadError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("duplicate key"), std::string::npos) << msg;
    EXPECT_NE(msg.find("loading "), std::string::npos) << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
  }
  EXPECT_EQ(Pg("SELECT count(*) FROM report WHERE source_path = '/in/broken.txt'"), (Rows{{"0"}}));
  EXPECT_EQ(Pg("SELECT count(*) FROM report r WHERE cell_count <> (SELECT count(*) FROM cell c "
               "WHERE c.report_id = r.report_id)"),
            (Rows{{"0"}}));
  good.source.path = "/in/after.txt";
  loader_->LoadReport(good);
  loader_->Flush();
  EXPECT_EQ(Pg("SELECT cell_count FROM report WHERE source_path = '/in/after.txt'"),
            (Rows{{std::to_string(good.cells.size())}}));
}

// The foreign-key checks of the rows a batch copies (LoadOptions::foreign_key_checks). They are
// not observable one by one, so a row trigger on cell stands in for them: PostgreSQL fires the
// foreign key's own triggers under the same rule as an ordinary trigger (not while
// session_replication_role is replica). A superuser's load skips them, a role that may not set
// the parameter (the database's owner here) and `always` check every row; all three load the
// same rows, and a trigger on report (the counted flags) still works in each.
class PostgresForeignKeyChecks : public ::testing::Test {
 protected:
  // Loads two seeds through a loader opened with `options` and returns how many cell rows the
  // stand-in trigger saw; the rows must be there either way.
  long long CellsChecked(LoadOptions options, const std::string& conninfo) {
    options.warehouse = conninfo;
    auto loader = OpenPostgresLoader(options);
    const auto& ctx = testing::ProjectContext();
    loader->Prepare(ctx.templates, ctx.gazetteer);
    {
      pqxx::connection c(conninfo);
      pqxx::nontransaction tx(c);
      tx.exec("CREATE TABLE cells_seen (n int)");
      tx.exec("CREATE FUNCTION cell_seen() RETURNS trigger LANGUAGE plpgsql AS "
              "$$BEGIN INSERT INTO cells_seen VALUES (1); RETURN NULL; END$$");
      tx.exec("CREATE TRIGGER cell_seen AFTER INSERT ON cell FOR EACH ROW "
              "EXECUTE FUNCTION cell_seen()");
    }
    ReportRecord a = Seed("000_0f2f3fa0c9be7e04.txt", "/in/a.txt");
    ReportRecord b = Seed("001_0b0ebb0c0800d905.txt", "/in/b.txt");
    loader->LoadReport(a);
    loader->LoadReport(b);
    loader->Flush();
    EXPECT_EQ(Pg("SELECT count(*) FROM cell"),
              (Rows{{std::to_string(a.cells.size() + b.cells.size())}}));
    EXPECT_EQ(Pg("SELECT count(*) FROM cell c LEFT JOIN report r USING (report_id) "
                 "WHERE r.report_id IS NULL"),
              (Rows{{"0"}}));
    EXPECT_EQ(Pg("SELECT source_path, counted FROM report ORDER BY report_id"),
              (Rows{{"/in/a.txt", "1"}, {"/in/b.txt", "1"}}));
    EXPECT_EQ(Pg("SELECT count(*) FROM pg_constraint WHERE conrelid = 'cell'::regclass "
                 "AND contype = 'f'"),
              (Rows{{"1"}}));
    return std::stoll(Pg("SELECT count(*) FROM cells_seen")[0][0]);
  }
  Rows Pg(const std::string& sql) { return PgQuery(db_.conninfo(), sql); }
  std::string AsOwner() const {  // the database's owner, not a superuser (trust on the socket)
    std::string c = db_.conninfo();
    return c.replace(c.rfind("user=postgres"), 13, "user=" + testing::pg::TestServer().role);
  }

  TestDatabase db_;
};

TEST_F(PostgresForeignKeyChecks, ASuperuserLoadCopiesChildRowsWithoutThePerRowChecks) {
  EXPECT_EQ(CellsChecked(LoadOptions{}, db_.conninfo()), 0);
}

TEST_F(PostgresForeignKeyChecks, ARoleThatMayNotSetTheReplicationRoleChecksEveryRow) {
  ReportRecord a = Seed("000_0f2f3fa0c9be7e04.txt", "");
  ReportRecord b = Seed("001_0b0ebb0c0800d905.txt", "");
  EXPECT_EQ(CellsChecked(LoadOptions{}, AsOwner()),
            static_cast<long long>(a.cells.size() + b.cells.size()));
}

TEST_F(PostgresForeignKeyChecks, AlwaysChecksEveryRowEvenForASuperuser) {
  LoadOptions always;
  always.foreign_key_checks = LoadOptions::ForeignKeyChecks::kAlways;
  ReportRecord a = Seed("000_0f2f3fa0c9be7e04.txt", "");
  ReportRecord b = Seed("001_0b0ebb0c0800d905.txt", "");
  EXPECT_EQ(CellsChecked(always, db_.conninfo()),
            static_cast<long long>(a.cells.size() + b.cells.size()));
}

}  // namespace
}  // namespace gongkai
