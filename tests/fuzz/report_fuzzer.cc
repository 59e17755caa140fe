// libFuzzer target over decode + extract. Build and run: scripts/fuzz.sh [seconds].
#include "tests/fuzz/fuzz_report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gongkai::fuzz::FuzzReport(data, size);
  return 0;
}
