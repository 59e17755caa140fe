// arena: bytes appended into large chunks, each piece readable back as a stable string_view,
// so that many small texts (a report's normalised labels, a run's file paths) cost no
// allocation each.
//
// Contract:
//   - Append(text) copies text into the current chunk, or into a new one when it does not fit;
//     a piece never spans two chunks. A piece longer than a chunk gets a chunk of its own size.
//   - A piece is addressed by a 32-bit position (chunk << chunk_bits | offset): View(at, len)
//     gives it back; Keep(text) appends and returns the view directly. Positions and views stay
//     valid (chunks never move) until Clear() or the arena's end.
//   - At most 2^(32 - chunk_bits) chunks: Append throws std::length_error beyond that.
//   - Clear() forgets every piece and keeps the chunks of the standard size for reuse (pieces
//     appended afterwards fill them again; oversized chunks are freed).
//   - Not thread-safe: one owner at a time.
#ifndef GONGKAI_CORE_ARENA_H_
#define GONGKAI_CORE_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace gongkai {

class Arena {
 public:
  // Chunks of 2^chunk_bits bytes (10..30); the default, 16 KiB, suits per-report texts.
  explicit Arena(unsigned chunk_bits = 14);
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  std::uint32_t Append(std::string_view text) {
    if (text.size() > left_) return AppendToNextChunk(text);
    const std::uint32_t at = pos_;
    Copy(text);
    return at;
  }
  std::string_view View(std::uint32_t at, std::size_t len) const {
    if (len == 0) return {};
    return std::string_view(chunks_[at >> bits_].data.get() + (at & mask_), len);
  }
  std::string_view Keep(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > left_) return View(AppendToNextChunk(text), text.size());
    const std::string_view kept(cur_, text.size());
    Copy(text);
    return kept;
  }
  void Clear();

  std::size_t chunk_count() const { return chunks_.size(); }  // allocated, in use or not

 private:
  struct Chunk {
    std::unique_ptr<char[]> data;
    std::size_t size;
  };
  void Copy(std::string_view text) {
    if (!text.empty()) std::memcpy(cur_, text.data(), text.size());
    cur_ += text.size();
    left_ -= text.size();
    pos_ += static_cast<std::uint32_t>(text.size());
  }
  std::uint32_t AppendToNextChunk(std::string_view text);

  unsigned bits_;
  std::uint32_t mask_;
  std::vector<Chunk> chunks_;
  std::size_t current_ = 0;  // chunk being filled (== chunks_.size() when none yet)
  char* cur_ = nullptr;      // its first free byte
  std::size_t left_ = 0;     // free bytes in it (0 in an oversized chunk: one piece each)
  std::uint32_t pos_ = 0;    // position of cur_
};

}  // namespace gongkai

#endif  // GONGKAI_CORE_ARENA_H_
