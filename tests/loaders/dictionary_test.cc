// Labels and the data dictionary (issue 12 item 7): every code the warehouse holds after loading
// the seeds, the real reports and bad files has a Chinese and an English label; every table,
// view and column has a description; PostgreSQL carries the same text as COMMENT ON; the
// README's section is the generated one. Failure messages name the file to edit.
#include "loaders/dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "loaders/postgres_loader.h"
#include "loaders/sqlite_loader.h"
#include "pipeline/runner.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Rows;

void CopyDir(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(from))
    fs::copy_file(e.path(), to + "/" + e.path().filename().string());
}

// Seeds, real reports and files that fail, through Run(), into `loader`.
void LoadEverything(const testing::TempDir& tmp, Loader& loader) {
  const std::string input = tmp / "reports";
  CopyDir(testing::FixturePath("seeds"), input + "/seeds");
  CopyDir(testing::FixturePath("real"), input + "/real");
  testing::WriteFile(input + "/bad/empty.txt", "");
  testing::WriteFile(input + "/bad/binary.txt", std::string("\x00\x01\x02\xff\xfe", 5));
  testing::WriteFile(input + "/bad/notice.txt", "关于做好春节期间安全生产工作的通知\n各村：\n");
  std::string seed = testing::ReadFileOrDie(input + "/seeds/001_0b0ebb0c0800d905.txt");
  testing::WriteFile(input + "/bad/truncated.txt", seed.substr(0, seed.size() / 3));
  testing::WriteFile(input + "/dup/copy.txt", seed);
  RunOptions options;
  options.discover.input_dirs = {input};
  options.workers = 2;
  const auto& ctx = testing::ProjectContext();
  loader.Prepare(ctx.templates, ctx.gazetteer);
  gongkai::Run(options, ctx, loader);
  gongkai::Run(options, ctx, loader);  // a second run: run_file, run statuses
}

// (query giving the codes in use, code kind in dim_code). Not report.encoding: a description
// (a web page's own charset name), not a code.
const std::vector<std::pair<std::string, std::string>>& CodeColumns() {
  static const std::vector<std::pair<std::string, std::string>> c = {
      {"SELECT kind FROM finding", "finding_kind"},
      {"SELECT kind FROM mart_findings WHERE kind NOT IN (SELECT error_kind FROM report WHERE "
       "error_kind IS NOT NULL)", "finding_kind"},
      {"SELECT error_kind FROM report", "error_kind"},
      {"SELECT status FROM report", "report_status"},
      {"SELECT county_source FROM report", "county_source"},
      {"SELECT state FROM cell", "cell_state"},
      {"SELECT measure FROM cell", "measure"},
      {"SELECT severity FROM finding", "severity"},
      {"SELECT rule_key FROM rule_result", "rule"},
      {"SELECT status FROM rule_result", "rule_status"},
      {"SELECT status FROM run", "run_status"},
      {"SELECT outcome FROM run_file", "run_file_outcome"},
  };
  return c;
}

TEST(LabelsAndDictionary, EveryCodeInTheWarehouseHasALabel) {
  testing::TempDir tmp;
  const std::string db = tmp / "w.db";
  LoadEverything(tmp, *OpenSqliteLoader(db));
  int codes = 0;
  for (const auto& [select, kind] : CodeColumns()) {
    Rows used = testing::Query(db, "SELECT DISTINCT * FROM (" + select + ") ORDER BY 1");
    for (const auto& row : used) {
      if (row[0] == "NULL") continue;
      ++codes;
      Rows label = testing::Query(db, "SELECT label_zh, label_en FROM dim_code WHERE code_kind = '" +
                                          kind + "' AND code = '" + row[0] + "'");
      EXPECT_TRUE(label.size() == 1 && !label[0][0].empty() && !label[0][1].empty())
          << "code '" << row[0] << "' (" << select << ") has no label: add the line \""
          << row[0] << ": 中文 | English\" under " << kind << ": in sql/dictionary/codes.yaml"
          << (kind == "rule" ? " (rules: English in sql/dictionary/template_en.yaml)" : "");
    }
  }
  EXPECT_GE(codes, 25) << "too few codes in use: the test proves little";
  // Template codes: English beside the template's Chinese.
  for (const char* sql :
       {"SELECT DISTINCT 'tables: ' || c.table_code FROM cell c LEFT JOIN dim_table d USING "
        "(table_code) WHERE d.label_en IS NULL OR d.label_zh IS NULL",
        "SELECT DISTINCT 'rows: ' || c.table_code || '.' || c.row_code FROM cell c JOIN report r "
        "USING (report_id) LEFT JOIN dim_row d ON d.edition = r.edition AND d.table_code = "
        "c.table_code AND d.row_code = c.row_code WHERE d.label_en IS NULL",
        "SELECT DISTINCT 'columns: ' || c.table_code || '.' || c.col_code FROM cell c JOIN "
        "report r USING (report_id) LEFT JOIN dim_col d ON d.edition = r.edition AND "
        "d.table_code = c.table_code AND d.col_code = c.col_code WHERE d.label_en IS NULL",
        "SELECT 'rows: ' || table_code || '.' || row_code FROM dim_row WHERE label_en IS NULL",
        "SELECT 'columns: ' || table_code || '.' || col_code FROM dim_col WHERE label_en IS NULL",
        "SELECT 'tables: ' || table_code FROM dim_table WHERE label_en IS NULL"})
    for (const auto& row : testing::Query(db, sql))
      ADD_FAILURE() << row[0] << " has no English label: add it under that part of "
                    << "sql/dictionary/template_en.yaml";
}

TEST(LabelsAndDictionary, EveryTableViewAndColumnIsDescribed) {
  testing::TempDir tmp;
  const std::string db = tmp / "w.db";
  const auto& ctx = testing::ProjectContext();
  OpenSqliteLoader(db)->Prepare(ctx.templates, ctx.gazetteer);
  Rows objects = testing::Query(
      db, "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT "
          "LIKE 'sqlite_%' ORDER BY 1");
  ASSERT_GE(objects.size(), 25u);
  std::size_t columns = 0;
  for (const auto& o : objects) {
    Rows cols = testing::Query(db, "SELECT name FROM pragma_table_info('" + o[0] + "')");
    columns += cols.size();
    std::vector<std::string> wanted = {""};
    for (const auto& c : cols) wanted.push_back(c[0]);
    for (const auto& c : wanted) {
      Rows d = testing::Query(db, "SELECT object_kind, description_zh, description_en FROM "
                                  "data_dictionary WHERE object_name = '" + o[0] +
                                  "' AND column_name = '" + c + "'");
      bool ok = d.size() == 1 && d[0][0] == o[1] && !d[0][1].empty() && !d[0][2].empty();
      EXPECT_TRUE(ok) << o[1] << " " << o[0] << (c.empty() ? "" : "." + c)
                      << " has no description: add "
                      << (c.empty() ? "its \"about: 中文 | English\""
                                    : "\"" + c + ": 中文 | English\" under columns:")
                      << " in " << DocFileFor(o[0])
                      << (c.empty() ? "" : " (or in sql/dictionary/columns.yaml if it means "
                                           "the same in every view)");
    }
  }
  EXPECT_EQ(testing::Query(db, "SELECT count(*) FROM data_dictionary"),
            (Rows{{std::to_string(objects.size() + columns)}}));
}

TEST(LabelsAndDictionary, TheReadmeSectionIsTheGeneratedOne) {
  std::string readme = testing::ReadFileOrDie(testing::SourceDir() + "/README.md");
  std::string md = RenderDictionaryMarkdown(testing::ProjectContext().templates);
  EXPECT_EQ(ReplaceReadmeSection(readme, md), readme)
      << "README.md's data dictionary is not the generated one: run "
         "`build/gongkai dictionary --readme README.md`";
}

TEST(LabelsAndDictionary, MalformedLabelsNameTheirFile) {
  EXPECT_THROW(ReplaceReadmeSection("no markers", "x"), std::runtime_error);
  EXPECT_FALSE(EmbeddedDictionary().codes.empty());
  EXPECT_EQ(DocFileFor("mart_findings"), "sql/marts/mart_findings.yaml");
  EXPECT_EQ(DocFileFor("stg_report"), "sql/staging/stg_report.yaml");
  EXPECT_EQ(DocFileFor("report"), "sql/dictionary/tables.yaml");
}

// PostgreSQL: the same dictionary and labels as SQLite, and COMMENT ON every table, view and
// column.
TEST(PostgresDictionary, CommentsAndLabelsEqualSqlite) {
  testing::TempDir tmp;
  testing::pg::TestDatabase pgdb;
  const auto& ctx = testing::ProjectContext();
  OpenPostgresLoader(pgdb.conninfo())->Prepare(ctx.templates, ctx.gazetteer);
  const std::string db = tmp / "w.db";
  OpenSqliteLoader(db)->Prepare(ctx.templates, ctx.gazetteer);
  for (const char* sql :
       {"SELECT object_name, column_name, object_kind, description_zh, description_en FROM "
        "data_dictionary ORDER BY 1, 2",
        "SELECT code_kind, code, label_zh, label_en FROM dim_code ORDER BY 1, 2",
        "SELECT edition, table_code, row_code, label_en FROM dim_row ORDER BY 1, 2, 3"})
    EXPECT_EQ(testing::pg::PgQuery(pgdb.conninfo(), sql), testing::Query(db, sql)) << sql;
  Rows missing = testing::pg::PgQuery(
      pgdb.conninfo(),
      "SELECT d.object_name || '.' || d.column_name FROM data_dictionary d WHERE "
      "COALESCE(CASE WHEN d.column_name = '' THEN obj_description(to_regclass(d.object_name), "
      "'pg_class') ELSE col_description(to_regclass(d.object_name), (SELECT attnum FROM "
      "pg_attribute WHERE attrelid = to_regclass(d.object_name) AND attname = d.column_name)) "
      "END, '') <> d.description_zh || E'\\n' || d.description_en");
  EXPECT_EQ(missing, Rows{});
  EXPECT_EQ(testing::pg::PgQuery(pgdb.conninfo(),
                                 "SELECT obj_description('mart_findings'::regclass, 'pg_class')"),
            testing::pg::PgQuery(pgdb.conninfo(),
                                 "SELECT description_zh || E'\\n' || description_en FROM "
                                 "data_dictionary WHERE object_name = 'mart_findings' AND "
                                 "column_name = ''"));
}

}  // namespace
}  // namespace gongkai
