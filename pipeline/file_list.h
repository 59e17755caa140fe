// file_list: the files a run discovered (key, size, mtime), held compactly so that the
// unchanged re-run's memory barely grows with the archive (issue 15).
//
// Contract:
//   - Add() in any order, then SortUnique() once; after that, entry i is the i-th key in byte
//     order, each key once (a key added twice is kept with one of its sizes and times). Nothing may be
//     added after SortUnique().
//   - Keys are at most 65,535 bytes (an escaped PATH_MAX path is at most 16,384) and the list
//     at most 4 GiB encoded: DiscoverError (pipeline/discover.h) beyond.
//   - Path(i)/At(i)/Find() may be called from several threads at once (const, no cache);
//     a Cursor walks the list in order at a few bytes per step (the run's comparison).
//
// Layout: keys added in increasing byte order (what discovery's sorted walk produces, see
// pipeline/discover.cc) are front-coded at once: per file the length shared with the previous
// key, the rest of the key, the size and the mtime's difference to the previous file's, as
// varints, in blocks of 32 files (the first of a block shares nothing) appended to an arena of
// 1 MiB chunks: about 12-25 bytes a file for paths like /archive/2025/省/市/r123.html, with no
// allocation per file and nothing copied as the list grows. A key that does not come after the
// last one (a symlinked file or folder, an input folder that sorts before an earlier one) is
// held aside in full (key + 24 bytes) and merged in by SortUnique(), which then re-encodes the
// list once (the old and the new encoding are both held for that moment).
#ifndef GONGKAI_PIPELINE_FILE_LIST_H_
#define GONGKAI_PIPELINE_FILE_LIST_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/arena.h"
#include "core/report.h"

namespace gongkai {

// A walk that cannot do what it was asked (a missing input folder, a path or a list too long).
struct DiscoverError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class FileList {
 public:
  void Add(std::string_view key, std::uint64_t size, std::int64_t mtime_ns);
  void SortUnique();

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  std::string Path(std::size_t i) const { return At(i).path; }
  SourceFile At(std::size_t i) const;
  // Index of `key`, or size() when it is not in the list.
  std::size_t Find(std::string_view key) const;

  // The entries in order from entry `from`: while (c.Next()) use c.path(), c.size(),
  // c.mtime_ns(), c.index().
  class Cursor {
   public:
    explicit Cursor(const FileList& list, std::size_t from = 0);
    bool Next();
    const std::string& path() const { return path_; }
    std::uint64_t size() const { return size_; }
    std::int64_t mtime_ns() const { return mtime_; }
    std::size_t index() const { return index_; }

   private:
    const FileList& list_;
    std::size_t index_, want_, next_;
    std::string_view block_;  // the rest of the current block's bytes
    std::string path_;
    std::uint64_t size_ = 0;
    std::int64_t mtime_ = 0;
  };

  // Encoded bytes held (blocks, without the arena's unused tail), and how many keys came out
  // of order and were held aside until SortUnique(): for the tests.
  std::size_t encoded_bytes() const { return encoded_; }
  std::size_t held_aside() const { return held_aside_; }

 private:
  static constexpr std::size_t kBlock = 32;
  struct Piece {
    std::uint32_t at, len;
  };
  struct Aside {  // a key out of order, in full
    std::uint64_t size;
    std::int64_t mtime_ns;
    std::uint32_t at, len;
  };
  void Append(std::string_view key, std::uint64_t size, std::int64_t mtime_ns);
  void CloseBlock();
  std::string_view Block(std::size_t b) const {
    return blocks_arena_.View(blocks_[b].at, blocks_[b].len);
  }

  Arena blocks_arena_{20};
  std::vector<Piece> blocks_;  // every kBlock entries, closed
  std::string open_;           // the block being filled
  std::string last_;           // the last key appended in order
  std::int64_t last_mtime_ = 0;
  std::size_t count_ = 0, encoded_ = 0, held_aside_ = 0;
  bool sorted_ = false;
  Arena aside_keys_{16};
  std::vector<Aside> aside_;
};

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_FILE_LIST_H_
