// discover: the report files under the configured input folders, recursively, in a stable
// (byte-wise key) order so that runs are reproducible. A report file is named with one of
// discover.extensions (any case) or, with discover.sniff, has the first bytes of an HTML page,
// a PDF or a DOCX (readers/sniff.h), whatever its name; names starting with '.' are left out.
//
// Keys: a file is known by its realpath, escaped as pipeline/path_key.h says, so a folder
// reached by a relative path, an absolute path or a symlink yields the same key per file and
// each file once. Symlinked folders are followed (a folder already walked is not walked
// again).
//
// What cannot be walked is a DiscoverProblem with a reason, never silently skipped:
//   unreadable_folder        a folder that cannot be listed (EACCES, EIO, ...); its key is in
//                            `unreadable`, and nothing the warehouse holds under it counts as
//                            missing (a --prune run must not delete what it could not see)
//   symlink_loop             a symlink to a folder that contains it (not followed)
//   folder_named_like_report a folder whose name ends like a report file (x.txt/); it is
//                            walked like any folder
// A missing input folder throws DiscoverError (the run cannot do what it was asked).
//
// Memory: the files are held as a FileList, every key in one arena (core/arena.h) of 1 MiB
// chunks and a 24-byte record per file (size, mtime, where its key is): about (key length +
// 24) bytes a file,
// ~10 MB for 100,000 files, with no allocation per file. The run streams the manifest past it
// (pipeline/runner.cc) and keeps no other copy of either.
#ifndef GONGKAI_PIPELINE_DISCOVER_H_
#define GONGKAI_PIPELINE_DISCOVER_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config/options.h"
#include "core/arena.h"
#include "core/report.h"

namespace gongkai {

struct DiscoverError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct DiscoverProblem {
  std::string path;  // key of the folder or link concerned
  std::string kind;  // unreadable_folder | symlink_loop | folder_named_like_report
  std::string message;
};

// The discovered files, compactly: Add() in any order, then SortUnique(); after that, index i
// is the i-th key in byte order, each key once. Keys are at most 65,535 bytes (an escaped
// PATH_MAX path is at most 16,384) and 4 GiB in all (DiscoverError beyond).
class FileList {
 public:
  void Add(std::string_view key, std::uint64_t size, std::int64_t mtime_ns);
  void SortUnique();
  std::size_t size() const { return recs_.size(); }
  bool empty() const { return recs_.empty(); }
  std::string_view Path(std::size_t i) const { return Key(recs_[i]); }
  std::uint64_t Size(std::size_t i) const { return recs_[i].size; }
  std::int64_t MtimeNs(std::size_t i) const { return recs_[i].mtime_ns; }
  SourceFile At(std::size_t i) const { return {std::string(Path(i)), Size(i), MtimeNs(i)}; }
  // Index of `key` (after SortUnique), or size() when it is not in the list.
  std::size_t Find(std::string_view key) const;

 private:
  struct Rec {
    std::uint64_t size;
    std::int64_t mtime_ns;
    std::uint32_t at;  // where its key is in keys_
    std::uint32_t len;
  };
  std::string_view Key(const Rec& r) const { return keys_.View(r.at, r.len); }
  Arena keys_{20};  // 1 MiB chunks; a key never spans two
  std::vector<Rec> recs_;
};

struct Discovery {
  FileList files;                         // path = key; sorted by key, each key once
  std::vector<DiscoverProblem> problems;  // sorted by path
  std::vector<std::string> roots;         // keys of the input folders
  std::vector<std::string> unreadable;    // keys of folders that could not be listed
  // True when `key` lies under one of the roots and under none of the unreadable folders:
  // a file the walk would have seen.
  bool Covers(const std::string& key) const;
  bool UnderRoots(const std::string& key) const;  // under one of the roots
};

Discovery DiscoverFiles(const DiscoverOptions& options);

// DiscoverFiles(options).files as records (tests, small inputs).
std::vector<SourceFile> Discover(const DiscoverOptions& options);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_DISCOVER_H_
