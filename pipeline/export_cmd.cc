// gongkai export: see pipeline/commands.h and pipeline/export.h.
#include <cstdio>

#include "pipeline/commands.h"
#include "pipeline/export.h"
#include "pipeline/runner.h"

namespace gongkai {

int ExportCommand(const RunOptions& options, const PeopleArgs& a) {
  try {
    Where where;
    for (const auto& w : a.where) where.push_back(ParseWhere(w));
    auto db = OpenWarehouseReader(options.load);
    std::size_t rows = ExportView(*db, a.view, where, a.output);
    if (!options.quiet)
      std::printf("gongkai: %zu rows of %s -> %s\n", rows, a.view.c_str(), a.output.c_str());
    return kExitOk;
  } catch (const ExportError& e) {
    std::fprintf(stderr, "gongkai export: %s\n", e.what());
    return kExitUsage;
  } catch (const LoadError& e) {
    std::fprintf(stderr, "gongkai export: warehouse: %s\n", e.what());
    return kExitWarehouse;
  }
}

}  // namespace gongkai
