#include "readers/legacy_reader.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "readers/docx_reader.h"

extern char** environ;

namespace gongkai {
namespace fs = std::filesystem;

std::string FindInPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    std::string full = dir + "/" + name;
    if (::access(full.c_str(), X_OK) == 0) return full;
  }
  return "";
}

namespace {

// Runs argv, waits at most `timeout`; returns the exit status, or -1 (not started / killed).
int RunWithTimeout(const std::vector<std::string>& argv, std::chrono::seconds timeout) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return -1;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (true) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (done < 0) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace

ReadResult ReadLegacyDoc(std::string_view bytes, const std::string& soffice_arg) {
  std::string soffice = soffice_arg.empty() ? FindInPath("soffice") : soffice_arg;
  if (soffice.empty() || ::access(soffice.c_str(), X_OK) != 0)
    return Fail("converter_missing",
                "an old .doc/.wps file: reading it needs LibreOffice (soffice, Debian package "
                "libreoffice-writer-nogui), which is not installed");
  std::string tmpl = (fs::temp_directory_path() / "gongkai-doc-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return Fail("conversion_failed", "cannot create a temporary folder");
  const fs::path dir(tmpl);
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
  } cleanup{dir};
  {
    std::ofstream out(dir / "in.doc", std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Fail("conversion_failed", "cannot write a temporary copy");
  }
  int rc = RunWithTimeout({soffice, "-env:UserInstallation=file://" + (dir / "profile").string(),
                           "--headless", "--norestore", "--convert-to", "docx", "--outdir",
                           (dir / "out").string(), (dir / "in.doc").string()},
                          std::chrono::seconds(120));
  std::ifstream in(dir / "out" / "in.docx", std::ios::binary);
  if (rc != 0 || !in)
    return Fail("conversion_failed", "LibreOffice could not convert the .doc/.wps file to DOCX" +
                                         std::string(rc == -1 ? " (killed or not started)" : ""));
  std::ostringstream buf;
  buf << in.rdbuf();
  ReadResult r = ReadDocx(buf.str());
  if (r.ok) r.encoding = "DOC";
  return r;
}

}  // namespace gongkai
