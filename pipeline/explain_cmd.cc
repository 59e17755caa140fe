// gongkai explain: see pipeline/commands.h and pipeline/explain.h.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "pipeline/commands.h"
#include "pipeline/explain.h"
#include "pipeline/messages_zh.h"
#include "pipeline/runner.h"

namespace gongkai {
namespace {

const Template* FindEdition(const ExtractContext& ctx, int edition) {
  for (const auto& t : ctx.templates)
    if (t.edition == edition) return &t;
  return nullptr;
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
    std::fprintf(stderr, "gongkai explain: --unit/--year needs the warehouse reader\n");
    return kExitUsage;
  }
  std::cout << RenderExplain(record, FindEdition(ctx, record.identity.edition), format);
  return kExitOk;
}

}  // namespace gongkai
