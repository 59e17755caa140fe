// Running a command (or the gongkai binary) from tests with its stdout alone (stderr stays the
// test's), for output that is parsed (CSV, JSON); and reading CSV. See cli.h for cron's view.
#ifndef GONGKAI_TESTS_SUPPORT_RUN_COMMAND_H_
#define GONGKAI_TESTS_SUPPORT_RUN_COMMAND_H_

#include <string>
#include <vector>

namespace gongkai::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout (stderr goes to the test's stderr)
};

// Runs argv (no shell; arguments passed as they are) and collects stdout.
CommandResult RunCommand(const std::vector<std::string>& argv);
// The gongkai binary with the project's config: gongkai -c <root>/config/gongkai.yaml ARGS...
CommandResult RunGongkaiStdout(const std::vector<std::string>& args);

// RFC 4180 CSV (quotes, doubled quotes, CRLF or LF) into rows of fields.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_SUPPORT_RUN_COMMAND_H_
