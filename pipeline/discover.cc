#include "pipeline/discover.h"

#include <dirent.h>
#include <fcntl.h>
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

  // An entry of the folder being walked: ~100 bytes (and a long name's bytes) each.
  struct Item {
    std::string name;
    std::string order;  // the escaped name, '/' after a folder's; empty when that is `name`
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    FolderId id{};
    bool dir = false, regular = false, link = false;
    std::string_view Order() const { return order.empty() ? name : order; }
  };

  // `dir` is a realpath (raw bytes). Its entries are visited in the byte order of their keys
  // (a folder's with a trailing '/'), so that the files' keys come out in byte order. Entries
  // are stat'ed relative to the folder's descriptor (fstatat), not by full path, and a file's
  // key is the folder's key, '/', and the escaped name: no path is built per file.
  void Walk(const std::string& dir, FolderId id) {
    if (!visited_.insert(id).second) return;  // reached already through another spelling
    ancestors_.push_back(id);
    std::vector<Item> items;
    if (!List(dir, &items)) {
      ancestors_.pop_back();
      return;
    }
    std::sort(items.begin(), items.end(),
              [](const Item& a, const Item& b) { return a.Order() < b.Order(); });
    // EscapePath(dir + "/" + name) is EscapePath(dir) + "/" + EscapePath(name): a well-formed
    // UTF-8 sequence never holds a '/'.
    std::string prefix = dir == "/" ? "/" : EscapePath(dir) + "/";
    std::string key;
    for (const Item& item : items) {
      if (item.dir || item.link || !Wanted(item.name)) {
        Entry(Join(dir, item.name), item);
        continue;
      }
      if (!item.regular || item.name[0] == '.') continue;
      key.assign(prefix).append(item.Order());
      out_.files.Add(key, item.size, item.mtime_ns);
    }
    ancestors_.pop_back();
  }

 private:
  // The folder's entries, each stat'ed (an entry gone since listed, or a dangling link, is
  // left out). False when the folder cannot be listed.
  bool List(const std::string& dir, std::vector<Item>* items) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
      if (errno != ENOENT) Unreadable(dir, errno);  // ENOENT: removed since listed
      return false;
    }
    const int fd = ::dirfd(d);
    errno = 0;
    while (struct dirent* e = ::readdir(d)) {
      const char* name = e->d_name;
      if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0) {
        Item item;
        // A regular file of another name is not a report (unless sniffed): no stat needed.
        const bool skip = e->d_type == DT_REG && !options_.sniff && !Wanted(name);
        if (!skip && Stat(fd, name, &item)) {
          item.name = name;
          if (!Plain(item.name) || item.dir) {
            std::string escaped = EscapePath(item.name);
            if (item.dir) escaped += '/';
            if (escaped != item.name) item.order = std::move(escaped);
          }
          items->push_back(std::move(item));
        }
      }
      errno = 0;
    }
    const int err = errno;
    ::closedir(d);
    if (err != 0) {
      items->clear();
      Unreadable(dir, err);
      return false;
    }
    return true;
  }

  // A name of printable ASCII without a backslash is its own escape.
  static bool Plain(const std::string& name) {
    for (unsigned char c : name)
      if (c >= 0x80 || c == '\\') return false;
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

  static std::string Join(const std::string& dir, const std::string& name) {
    return dir == "/" ? "/" + name : dir + "/" + name;
  }

  // False for an entry that is gone since listed or a dangling link.
  static bool Stat(int dir_fd, const char* name, Item* item) {
    struct stat st {};
    if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return false;
    item->link = S_ISLNK(st.st_mode);
    if (item->link && ::fstatat(dir_fd, name, &st, 0) != 0) return false;
    item->dir = S_ISDIR(st.st_mode);
    item->regular = S_ISREG(st.st_mode);
    item->id = {st.st_dev, st.st_ino};
    item->size = static_cast<std::uint64_t>(st.st_size);
    // stat(2) rather than last_write_time(): its clock's epoch is not the Unix epoch.
    item->mtime_ns =
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return true;
  }

  void Entry(const std::string& path, const Item& item) {
    const std::string& name = item.name;
    const bool link = item.link;
    if (item.dir) {
      if (Wanted(name))
        out_.problems.push_back({EscapePath(path), "folder_named_like_report",
                                 "a folder named like a report file; the files in it are read"});
      if (std::find(ancestors_.begin(), ancestors_.end(), item.id) !=
          ancestors_.end()) {
        out_.problems.push_back({EscapePath(path), "symlink_loop",
                                 "a symlink to a folder that contains it; not followed"});
        return;
      }
      if (!link) return Walk(path, item.id);
      char real[PATH_MAX];
      if (::realpath(path.c_str(), real)) Walk(real, item.id);
      return;
    }
    if (!item.regular || name[0] == '.') return;
    if (!Wanted(name) && !(options_.sniff && SniffFile(path))) return;
    std::string key;
    if (link) {
      char real[PATH_MAX];
      if (!::realpath(path.c_str(), real)) return;
      key = EscapePath(real);
    } else {
      key = EscapePath(path);
    }
    out_.files.Add(key, item.size, item.mtime_ns);
  }

  const DiscoverOptions& options_;
  Discovery& out_;
  std::set<FolderId> visited_;
  std::vector<FolderId> ancestors_;
};

}  // namespace

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
    walker.Walk(real, {st.st_dev, st.st_ino});
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
