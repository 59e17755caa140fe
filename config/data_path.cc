#include "config/data_path.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace gongkai {
namespace fs = std::filesystem;

std::string ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return exe.parent_path().string();
}

std::vector<std::string> DataSearchDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("GONGKAI_DATA_DIR"); env && *env) dirs.push_back(env);
  std::string exe = ExecutableDir();
  if (!exe.empty()) {
    dirs.push_back((fs::path(exe) / ".." / "share" / "gongkai").lexically_normal().string());
    dirs.push_back((fs::path(exe) / "..").lexically_normal().string());
  }
  return dirs;
}

std::string FindDataPath(const std::string& rel, const std::string& base) {
  if (rel.empty() || fs::path(rel).is_absolute()) return rel;
  std::error_code ec;
  fs::path first = base.empty() ? fs::path(rel) : fs::path(base) / rel;
  if (fs::exists(first, ec)) return first.lexically_normal().string();
  for (const auto& dir : DataSearchDirs()) {
    fs::path p = fs::path(dir) / rel;
    if (fs::exists(p, ec)) return p.lexically_normal().string();
  }
  return first.lexically_normal().string();
}

}  // namespace gongkai
