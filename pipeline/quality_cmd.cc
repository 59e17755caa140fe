// gongkai report: see pipeline/commands.h, pipeline/quality.h and pipeline/quality_page.h.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "config/data_path.h"
#include "pipeline/commands.h"
#include "pipeline/quality.h"
#include "pipeline/quality_page.h"
#include "pipeline/runner.h"

namespace gongkai {

int ReportCommand(const RunOptions& options, const PeopleArgs& a) {
  const std::string lib_path = FindDataPath(kEchartsPath);
  std::ifstream lib(lib_path, std::ios::binary);
  if (!lib) {
    std::fprintf(stderr,
                 "gongkai report: 找不到 ECharts / cannot read %s (scripts/refresh_echarts.sh "
                 "vendors it; GONGKAI_DATA_DIR names another data folder)\n",
                 lib_path.c_str());
    return kExitUsage;
  }
  std::ostringstream js;
  js << lib.rdbuf();
  QualityData data;
  try {
    auto db = OpenWarehouseReader(options.load);
    data = ReadQuality(*db, MakeContext(options).templates);
  } catch (const LoadError& e) {
    std::fprintf(stderr, "gongkai report: warehouse: %s\n", e.what());
    return kExitWarehouse;
  }
  std::ofstream out(a.output, std::ios::binary | std::ios::trunc);
  out << RenderQualityPage(data, js.str());
  out.flush();
  if (!out) {
    std::fprintf(stderr, "gongkai report: cannot write %s\n", a.output.c_str());
    return kExitUsage;
  }
  if (!options.quiet)
    std::printf("gongkai: quality page of %s -> %s\n", data.warehouse.c_str(), a.output.c_str());
  return kExitOk;
}

}  // namespace gongkai
