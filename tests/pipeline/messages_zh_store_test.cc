// Chinese messages are stored at load on SQLite and on the real PostgreSQL test server: every
// finding and rule result has message_zh (rule messages name the cells by their Chinese
// labels), a file that failed has error_message_zh, and mart_findings shows them; the English
// stays beside them.
#include <gtest/gtest.h>

#include <fstream>

#include "loaders/warehouse_reader.h"
#include "tests/loaders/postgres_test_server.h"
#include "tests/support/fixtures.h"
#include "tests/support/run_command.h"

namespace gongkai {
namespace {

std::string Q(const std::string& warehouse, const std::string& sql) {
  auto db = OpenWarehouseReader(LoadOptions{warehouse});
  std::string out;
  for (const auto& row : db->Query(sql).rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "|" : "") + row[i].text;
    out += "\n";
  }
  return out;
}

void ExpectChineseMessagesStored(const std::string& warehouse, const testing::TempDir& dir) {
  std::string in = dir / "in";
  testing::CopySeeds(in);
  std::ofstream(in + "/zz_no_report.txt") << "hello, this is no report\n";
  ASSERT_EQ(testing::RunGongkaiStdout({"-q", "run", "-i", in, "-w", warehouse}).exit_code, 3);

  EXPECT_EQ(Q(warehouse, "SELECT count(*) FROM finding WHERE message_zh IS NULL OR message_zh = "
                         "'' OR message = ''"),
            "0\n");
  EXPECT_EQ(Q(warehouse, "SELECT count(*) FROM rule_result WHERE message_zh IS NULL"), "0\n");
  // A rule names its cells by the template's Chinese labels.
  EXPECT_EQ(Q(warehouse,
              "SELECT x.message_zh FROM rule_result x JOIN report r USING (report_id) WHERE "
              "r.unit = '东木镇' AND x.rule_key = 't3.row_total' AND x.subject = 'new'"),
            "勾稽关系“总计列 = 六类申请人之和”成立：一、本年新收政府信息公开申请数量·总计 = "
            "一、本年新收政府信息公开申请数量·自然人 + 一、本年新收政府信息公开申请数量·商业企业 + "
            "一、本年新收政府信息公开申请数量·科研机构 + "
            "一、本年新收政府信息公开申请数量·社会公益组织 + "
            "一、本年新收政府信息公开申请数量·法律服务机构 + 一、本年新收政府信息公开申请数量·其他 "
            "= 0\n");
  // A narrative rule's label comes from codes.yaml, the one source of labels outside the template.
  EXPECT_EQ(Q(warehouse, "SELECT x.message_zh FROM rule_result x WHERE x.rule_key = "
                         "'narrative.applications_processed' AND x.status = 'fail'"),
            "勾稽关系“正文所述办理（答复）申请数 = 表三办理结果总计”不成立：左边 text: "
            "2020年共办理群众、企业向政府提出的政府信息公开申请10件 = 10，右边 三（七）总计·总计 "
            "= 0，相差 10\n");
  EXPECT_EQ(Q(warehouse, "SELECT message_zh FROM mart_findings WHERE kind = 'narrative_mismatch'"),
            "正文所述数字与表格不符，位置：收到和处理政府信息公开申请情况·三（七）总计·总计，第5行，"
            "原文：“2020年共办理群众、企业向政府提出的政府信息公开申请10件”\n");
  EXPECT_EQ(Q(warehouse, "SELECT error_message_zh FROM report WHERE status = 'failed'"),
            "不是政府信息公开年度报告（no title naming 政府信息公开…报告 in the first 20 lines）\n");
  EXPECT_EQ(Q(warehouse, "SELECT kind, message_zh, message FROM mart_findings WHERE kind = "
                         "'not_a_report'"),
            "not_a_report|不是政府信息公开年度报告（no title naming 政府信息公开…报告 in the "
            "first 20 lines）|no title naming 政府信息公开…报告 in the first 20 lines\n");
  // Loaded again, the report's Chinese error goes with its English one.
  EXPECT_EQ(Q(warehouse, "SELECT count(*) FROM report WHERE status = 'loaded' AND "
                         "error_message_zh IS NOT NULL"),
            "0\n");
}

TEST(ChineseMessagesStored, EveryFindingRuleAndErrorOnSqlite) {
  testing::TempDir dir;
  ExpectChineseMessagesStored(dir / "w.db", dir);
}

TEST(PostgresChineseMessagesStored, EveryFindingRuleAndErrorOnPostgres) {
  testing::pg::TestDatabase db;
  testing::TempDir dir;
  ExpectChineseMessagesStored(db.conninfo(), dir);
}

}  // namespace
}  // namespace gongkai
