#include "tests/support/cli.h"

#include <sys/wait.h>

#include <cstdio>

#include "tests/support/fixtures.h"

namespace gongkai::testing {
namespace {

CliResult Popen(const std::string& cmd) {
  CliResult out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.output.append(buf, n);
  int status = pclose(p);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return out;
}

}  // namespace

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

CliResult RunGongkai(const std::vector<std::string>& args, int timeout_s) {
  std::string cmd = "timeout -s KILL " + std::to_string(timeout_s) + " " +
                    ShellQuote(GONGKAI_BINARY) + " -c " +
                    ShellQuote(SourceDir() + "/config/gongkai.yaml");
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  return Popen(cmd);
}

CliResult RunCli(const std::vector<std::string>& args, const std::string& cwd,
                 const std::string& env, int timeout_s) {
  std::string cmd = "cd " + ShellQuote(cwd.empty() ? SourceDir() : cwd) + " && env " + env +
                    " timeout -s KILL " + std::to_string(timeout_s) + " " +
                    ShellQuote(GONGKAI_BINARY);
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  return Popen(cmd);
}

}  // namespace gongkai::testing
