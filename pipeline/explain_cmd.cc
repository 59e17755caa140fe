// gongkai explain: see pipeline/commands.h and pipeline/explain.h.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "loaders/stored_report.h"
#include "pipeline/commands.h"
#include "pipeline/explain.h"
#include "pipeline/explain_decisions.h"
#include "pipeline/messages_zh.h"
#include "pipeline/runner.h"

namespace gongkai {
namespace {

const Template* FindEdition(const ExtractContext& ctx, int edition) {
  for (const auto& t : ctx.templates)
    if (t.edition == edition) return &t;
  return nullptr;
}

// explain --unit U --year Y [--division CODE]: the report that counts for that unit and year.
int ReadFromWarehouse(const RunOptions& options, const PeopleArgs& a, ReportRecord* record,
                      StoredDecisions* decisions) {
  try {
    auto db = OpenWarehouseReader(options.load);
    auto found = FindStoredReports(*db, a.unit, a.year, a.division);
    if (found.empty()) {
      std::fprintf(stderr,
                   "gongkai explain: 仓库中没有 %s %d 年度的报告 / no report of %s for %d in %s\n",
                   a.unit.c_str(), a.year, a.unit.c_str(), a.year, db->Describe().c_str());
      return kExitUsage;
    }
    if (found.size() > 1) {
      std::fprintf(stderr,
                   "gongkai explain: %s 在 %d 年度有 %zu 份报告，请用 --division 指定区划 / "
                   "%zu units named %s reported for %d; pick one with --division CODE:\n",
                   a.unit.c_str(), a.year, found.size(), found.size(), a.unit.c_str(), a.year);
      for (const auto& f : found)
        std::fprintf(stderr, "  --division %s  %s  %s\n",
                     f.division_code.empty() ? "(未定位 unplaced)" : f.division_code.c_str(),
                     f.county.c_str(), f.source_path.c_str());
      return kExitUsage;
    }
    *record = ReadStoredReport(*db, found[0].report_id);
    *decisions = ReadStoredDecisions(*db, found[0].report_id);
    return kExitOk;
  } catch (const LoadError& e) {
    std::fprintf(stderr, "gongkai explain: warehouse: %s\n", e.what());
    return kExitWarehouse;
  }
}

}  // namespace

int ExplainCommand(const RunOptions& options, const PeopleArgs& a) {
  if (a.file.empty() == a.unit.empty() || (!a.unit.empty() && a.year == 0)) {
    std::fprintf(stderr, "gongkai explain: give a FILE, or --unit and --year\n");
    return kExitUsage;
  }
  ExplainFormat format = ParseExplainFormat(a.format);
  ExtractContext ctx = MakeContext(options);
  ReportRecord record;
  StoredDecisions decisions;  // --unit: corrections and review decisions
  if (!a.file.empty()) {
    std::ifstream in(a.file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "gongkai: 无法读取 / cannot read %s\n", a.file.c_str());
      return kExitFilesFailed;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string bytes = buf.str();
    ProcessResult p = ProcessReport({a.file, bytes.size()}, bytes, ctx);
    if (!p.ok) {
      std::fprintf(stderr, "gongkai: %s: %s\n  %s: %s\n", a.file.c_str(),
                   ErrorMessageZh(p.failure.error_kind, "").c_str(),
                   p.failure.error_kind.c_str(), p.failure.message.c_str());
      return kExitFilesFailed;
    }
    record = std::move(p.record);
  } else {
    int code = ReadFromWarehouse(options, a, &record, &decisions);
    if (code != kExitOk) return code;
  }
  const Template* tmpl = FindEdition(ctx, record.identity.edition);
  if (a.file.empty()) {  // the stored Chinese messages; built only where none was stored
    std::vector<std::string> stored;
    for (const auto& f : record.findings) stored.push_back(f.message_zh);
    AddChineseMessages(tmpl, &record);
    for (std::size_t i = 0; i < stored.size(); ++i)
      if (!stored[i].empty()) record.findings[i].message_zh = stored[i];
  }
  std::string out = RenderExplain(record, tmpl, format);
  if (a.file.empty()) out = AddDecisions(out, decisions, tmpl, format);
  std::cout << out;
  return kExitOk;
}

}  // namespace gongkai
