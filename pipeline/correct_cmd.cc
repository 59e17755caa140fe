// gongkai correct: see pipeline/review_cmd.h and loaders/review_store.h.
#include <cstdio>
#include <cstdlib>

#include "loaders/review_store.h"
#include "pipeline/review_cmd.h"
#include "pipeline/runner.h"

namespace gongkai {

int CorrectCommand(const RunOptions& options, const ReviewArgs& a) {
  try {
    CorrectionRequest q;
    q.unit = a.unit;
    q.year = a.year;
    q.division_code = a.division;
    q.cell = ParseCellAddress(a.cell);
    if (!a.blank) {
      if (a.value.empty()) throw ReviewError("give --value N or --blank");
      char* end = nullptr;
      double v = std::strtod(a.value.c_str(), &end);
      if (end == a.value.c_str() || *end != '\0')
        throw ReviewError("--value " + a.value + " is not a number");
      q.value = v;
    }
    q.reason = a.reason;
    q.by = a.by.empty() ? DefaultActor() : a.by;
    q.at = NowUtc();
    auto db = OpenWarehouseReader(options.load);
    ReviewStore store(*db);
    CorrectionResult r = store.Correct(q);
    std::printf("gongkai correct: %s %d %s = %s (extracted: %s \"%s\"), report %lld's facts "
                "recomputed\n",
                a.unit.c_str(), a.year, a.cell.c_str(), a.blank ? "blank" : a.value.c_str(),
                r.extracted_state.c_str(), r.extracted_raw.c_str(), r.report_id);
    return kExitOk;
  } catch (const ReviewError& e) {
    std::fprintf(stderr, "gongkai correct: %s\n", e.what());
    return kExitUsage;
  } catch (const LoadError& e) {
    std::fprintf(stderr, "gongkai correct: warehouse: %s\n", e.what());
    return kExitWarehouse;
  }
}

}  // namespace gongkai
