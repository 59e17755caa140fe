#include "pipeline/discover.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "readers/sniff.h"

namespace gongkai {
namespace fs = std::filesystem;
namespace {

bool EndsWithNoCase(const std::string& name, const std::string& ext) {
  if (name.size() < ext.size()) return false;
  for (std::size_t i = 0; i < ext.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(name[name.size() - ext.size() + i])) !=
        std::tolower(static_cast<unsigned char>(ext[i])))
      return false;
  return true;
}

// A file with another name is a report when its first bytes say HTML, PDF or DOCX.
bool SniffFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4096];
  in.read(head, sizeof head);
  return LooksLikeReportFile(std::string_view(head, static_cast<std::size_t>(in.gcount())));
}

}  // namespace

std::vector<SourceFile> Discover(const DiscoverOptions& options) {
  std::vector<SourceFile> out;
  for (const auto& dir : options.input_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw DiscoverError("input folder not found: " + dir);
    auto it = fs::recursive_directory_iterator(
        dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code fec;
      if (!it->is_regular_file(fec)) continue;
      const std::string name = it->path().filename().string();
      bool wanted = std::any_of(options.extensions.begin(), options.extensions.end(),
                                [&](const std::string& ext) { return EndsWithNoCase(name, ext); });
      if (name[0] == '.') continue;
      if (!wanted && !(options.sniff && SniffFile(it->path().string()))) continue;
      // stat(2) rather than last_write_time(): its clock's epoch is not the Unix epoch.
      struct stat st {};
      if (::stat(it->path().c_str(), &st) != 0) continue;  // vanished since listed
      std::int64_t mtime_ns =
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
      out.push_back({it->path().lexically_normal().string(),
                     static_cast<std::uint64_t>(st.st_size), mtime_ns});
    }
    if (ec) throw DiscoverError("cannot list " + dir + ": " + ec.message());
  }
  std::sort(out.begin(), out.end(),
            [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const SourceFile& a, const SourceFile& b) { return a.path == b.path; }),
            out.end());
  return out;
}

}  // namespace gongkai
