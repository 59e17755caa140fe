// The fuzzed function: read (text, HTML, DOCX, PDF) + identify + extract + validate of arbitrary
// bytes, with the
// invariants every result must keep. Shared by the libFuzzer target (report_fuzzer.cc) and the
// replay test that runs in the ordinary test suite (fuzz_replay_test.cc).
#ifndef GONGKAI_TESTS_FUZZ_FUZZ_REPORT_H_
#define GONGKAI_TESTS_FUZZ_FUZZ_REPORT_H_

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>
#include <tuple>

#include "config/config.h"
#include "pipeline/runner.h"

namespace gongkai::fuzz {

inline const ExtractContext& Context() {
  static const ExtractContext ctx = [] {
    RunOptions o;
    o.extract.template_dir = std::string(GONGKAI_SOURCE_DIR) + "/config/templates";
    o.identify.gazetteer = std::string(GONGKAI_SOURCE_DIR) + "/config/units.yaml";
    o.decode.soffice = "/nonexistent/soffice";  // an OLE header must not start LibreOffice
    o.identify.divisions = std::string(GONGKAI_SOURCE_DIR) + "/data/divisions";
    return MakeContext(o);
  }();
  return ctx;
}

// Aborts (a crash for the fuzzer) when an invariant breaks.
inline void FuzzReport(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ProcessResult r = ProcessReport({"fuzz.txt", size, 0}, bytes, Context());
  if (!r.ok) {
    if (r.failure.error_kind.empty() || r.failure.message.empty()) std::abort();
    return;
  }
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const auto& c : r.record.cells) {
    if (!seen.insert({c.table(), c.row(), c.col()}).second) std::abort();  // a coordinate twice
    if ((c.state == CellState::kNumber) != c.value.has_value()) std::abort();
    if (c.value && !std::isfinite(*c.value)) std::abort();
  }
}

}  // namespace gongkai::fuzz

#endif  // GONGKAI_TESTS_FUZZ_FUZZ_REPORT_H_
