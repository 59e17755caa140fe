// The warehouse the people's commands are tested on (export, explain --unit, the quality page):
// the five seeds and the shared real reports (tests/fixtures/real, every layout) loaded by the
// gongkai binary.
#ifndef GONGKAI_TESTS_SUPPORT_PEOPLE_WAREHOUSE_H_
#define GONGKAI_TESTS_SUPPORT_PEOPLE_WAREHOUSE_H_

#include <string>

namespace gongkai::testing {

// Copies the seeds and real reports into `input` (created).
void CopySeedsAndReal(const std::string& input);

// Copies them into `dir`/in and runs `gongkai run -i dir/in -w warehouse`; returns the run's
// exit code (1: the seeds hold one finding by design).
int LoadSeedsAndReal(const std::string& dir, const std::string& warehouse);

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_SUPPORT_PEOPLE_WAREHOUSE_H_
