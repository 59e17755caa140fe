#include "pipeline/discover.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>
#include <utility>

#include "pipeline/path_key.h"
#include "readers/sniff.h"

namespace gongkai {
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

bool UnderFolder(const std::string& key, const std::string& folder) {
  if (folder == "/") return !key.empty() && key[0] == '/';
  return key.size() > folder.size() && key.compare(0, folder.size(), folder) == 0 &&
         key[folder.size()] == '/';
}

using FolderId = std::pair<dev_t, ino_t>;

class Walker {
 public:
  Walker(const DiscoverOptions& options, Discovery* out) : options_(options), out_(*out) {}

  // `dir` is a realpath (raw bytes).
  void Walk(const std::string& dir, const struct stat& st) {
    const FolderId id{st.st_dev, st.st_ino};
    if (!visited_.insert(id).second) return;  // reached already through another spelling
    ancestors_.push_back(id);
    std::vector<std::string> names;
    if (!List(dir, &names)) {
      ancestors_.pop_back();
      return;
    }
    for (const std::string& name : names) Entry(dir == "/" ? "/" + name : dir + "/" + name, name);
    ancestors_.pop_back();
  }

 private:
  bool List(const std::string& dir, std::vector<std::string>* names) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
      if (errno != ENOENT) Unreadable(dir, errno);  // ENOENT: removed since listed
      return false;
    }
    errno = 0;
    while (struct dirent* e = ::readdir(d)) {
      if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
        names->push_back(e->d_name);
      errno = 0;
    }
    const int err = errno;
    ::closedir(d);
    if (err != 0) {
      Unreadable(dir, err);
      return false;
    }
    std::sort(names->begin(), names->end());
    return true;
  }

  void Unreadable(const std::string& dir, int err) {
    std::string key = EscapePath(dir);
    out_.unreadable.push_back(key);
    out_.problems.push_back({key, "unreadable_folder",
                             std::string("cannot list the folder: ") + std::strerror(err) +
                                 "; nothing loaded from it counts as missing"});
  }

  bool Wanted(const std::string& name) const {
    return std::any_of(options_.extensions.begin(), options_.extensions.end(),
                       [&](const std::string& ext) { return EndsWithNoCase(name, ext); });
  }

  void Entry(const std::string& path, const std::string& name) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return;  // removed since listed
    const bool link = S_ISLNK(st.st_mode);
    if (link && ::stat(path.c_str(), &st) != 0) return;  // a dangling link is no file
    if (S_ISDIR(st.st_mode)) {
      if (Wanted(name))
        out_.problems.push_back({EscapePath(path), "folder_named_like_report",
                                 "a folder named like a report file; the files in it are read"});
      if (std::find(ancestors_.begin(), ancestors_.end(), FolderId{st.st_dev, st.st_ino}) !=
          ancestors_.end()) {
        out_.problems.push_back({EscapePath(path), "symlink_loop",
                                 "a symlink to a folder that contains it; not followed"});
        return;
      }
      if (!link) return Walk(path, st);
      char real[PATH_MAX];
      if (::realpath(path.c_str(), real)) Walk(real, st);
      return;
    }
    if (!S_ISREG(st.st_mode) || name[0] == '.') return;
    if (!Wanted(name) && !(options_.sniff && SniffFile(path))) return;
    std::string key;
    if (link) {
      char real[PATH_MAX];
      if (!::realpath(path.c_str(), real)) return;
      key = EscapePath(real);
    } else {
      key = EscapePath(path);
    }
    // stat(2) rather than last_write_time(): its clock's epoch is not the Unix epoch.
    std::int64_t mtime_ns =
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    out_.files.Add(key, static_cast<std::uint64_t>(st.st_size), mtime_ns);
  }

  const DiscoverOptions& options_;
  Discovery& out_;
  std::set<FolderId> visited_;
  std::vector<FolderId> ancestors_;
};

}  // namespace

void FileList::Add(std::string_view key, std::uint64_t size, std::int64_t mtime_ns) {
  if (key.size() > 0xffff) throw DiscoverError("a path longer than 65,535 bytes: " +
                                               std::string(key.substr(0, 200)) + "...");
  std::uint32_t at;
  try {
    at = keys_.Append(key);
  } catch (const std::length_error&) {
    throw DiscoverError("more than 4 GiB of file paths under the input folders");
  }
  recs_.push_back({size, mtime_ns, at, static_cast<std::uint32_t>(key.size())});
}

void FileList::SortUnique() {
  std::sort(recs_.begin(), recs_.end(), [&](const Rec& a, const Rec& b) { return Key(a) < Key(b); });
  // A file reached twice (two input folders, a symlinked folder) is one key: kept once.
  recs_.erase(std::unique(recs_.begin(), recs_.end(),
                          [&](const Rec& a, const Rec& b) { return Key(a) == Key(b); }),
              recs_.end());
  recs_.shrink_to_fit();
}

std::size_t FileList::Find(std::string_view key) const {
  std::size_t lo = 0, hi = recs_.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (Path(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < recs_.size() && Path(lo) == key ? lo : recs_.size();
}

bool Discovery::UnderRoots(const std::string& key) const {
  return std::any_of(roots.begin(), roots.end(),
                     [&](const std::string& r) { return UnderFolder(key, r); });
}

bool Discovery::Covers(const std::string& key) const {
  return UnderRoots(key) && std::none_of(unreadable.begin(), unreadable.end(), [&](const std::string& u) {
           return UnderFolder(key, u);
         });
}

Discovery DiscoverFiles(const DiscoverOptions& options) {
  Discovery out;
  Walker walker(options, &out);
  for (const auto& dir : options.input_dirs) {
    struct stat st {};
    char real[PATH_MAX];
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || !::realpath(dir.c_str(), real))
      throw DiscoverError("input folder not found: " + dir);
    out.roots.push_back(EscapePath(real));
    walker.Walk(real, st);
  }
  auto by_path = [](const auto& a, const auto& b) { return a.path < b.path; };
  out.files.SortUnique();
  std::sort(out.problems.begin(), out.problems.end(), by_path);
  out.problems.erase(std::unique(out.problems.begin(), out.problems.end(),
                                 [](const DiscoverProblem& a, const DiscoverProblem& b) {
                                   return a.path == b.path && a.kind == b.kind;
                                 }),
                     out.problems.end());
  return out;
}

std::vector<SourceFile> Discover(const DiscoverOptions& options) {
  const Discovery found = DiscoverFiles(options);
  std::vector<SourceFile> out;
  out.reserve(found.files.size());
  for (std::size_t i = 0; i < found.files.size(); ++i) out.push_back(found.files.At(i));
  return out;
}

}  // namespace gongkai
