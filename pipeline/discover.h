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
// A DiscoverError is thrown for a path longer than 65,535 bytes too (pipeline/file_list.h).
//
// Order and memory: a folder's entries are walked in the byte order of their keys, a folder's
// key taken with its trailing '/' (so "a-b.txt" and "a.txt" come before the folder "a", whose
// files' keys start "a/"): the keys come out already in byte order, and the FileList
// (pipeline/file_list.h) front-codes them as they come, ~20 bytes a file (~2 MB for 100,000
// files). Only what a symlink or a later input folder brings out of order is held in full
// until the end. One folder's names and stat results are held while it is walked. The run
// streams the manifest past the list (pipeline/runner.cc) and keeps no other copy of either.
#ifndef GONGKAI_PIPELINE_DISCOVER_H_
#define GONGKAI_PIPELINE_DISCOVER_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config/options.h"
#include "core/report.h"
#include "pipeline/file_list.h"

namespace gongkai {

struct DiscoverProblem {
  std::string path;  // key of the folder or link concerned
  std::string kind;  // unreadable_folder | symlink_loop | folder_named_like_report
  std::string message;
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
