#include "tests/support/people_warehouse.h"

#include <filesystem>

#include "tests/support/fixtures.h"
#include "tests/support/run_command.h"

namespace gongkai::testing {

namespace fs = std::filesystem;

void CopySeedsAndReal(const std::string& input) {
  CopySeeds(input);
  for (const auto& e : fs::directory_iterator(FixturePath("real")))
    if (e.path().extension() == ".txt")
      fs::copy_file(e.path(), input + "/" + e.path().filename().string());
}

int LoadSeedsAndReal(const std::string& dir, const std::string& warehouse) {
  CopySeedsAndReal(dir + "/in");
  return RunGongkaiStdout({"-q", "run", "-i", dir + "/in", "-w", warehouse}).exit_code;
}

}  // namespace gongkai::testing
