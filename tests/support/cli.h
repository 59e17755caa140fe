// Runs the gongkai binary as cron or an operator would (popen, stdout and stderr together) for
// tests of the command line: exit codes and what an operator sees.
#ifndef GONGKAI_TESTS_SUPPORT_CLI_H_
#define GONGKAI_TESTS_SUPPORT_CLI_H_

#include <string>
#include <vector>

namespace gongkai::testing {

struct CliResult {
  int exit_code = -1;  // 137 when the timeout killed it
  std::string output;  // stdout and stderr
};

std::string ShellQuote(const std::string& s);

// gongkai -c <project config> ARGS..., killed after `timeout_s` seconds (a run that blocks
// fails the test instead of hanging it).
CliResult RunGongkai(const std::vector<std::string>& args, int timeout_s = 120);

// gongkai ARGS... (no -c) in folder `cwd` (the project root when empty), with `env` ("NAME=value
// ..." or "-u NAME", passed to env(1)), killed after `timeout_s` seconds.
CliResult RunCli(const std::vector<std::string>& args, const std::string& cwd = "",
                 const std::string& env = "", int timeout_s = 120);

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_SUPPORT_CLI_H_
