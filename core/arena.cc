#include "core/arena.h"

#include <stdexcept>

namespace gongkai {

Arena::Arena(unsigned chunk_bits)
    : bits_(chunk_bits < 10 ? 10 : chunk_bits > 30 ? 30 : chunk_bits),
      mask_((std::uint32_t{1} << bits_) - 1) {}

std::uint32_t Arena::AppendToNextChunk(std::string_view text) {
  const std::size_t standard = std::size_t{1} << bits_;
  // The next chunk: a kept one of the standard size when the text fits it, else a new one (put
  // in its place, so that positions stay chunk << bits | offset).
  const std::size_t next = current_ == chunks_.size() ? current_ : current_ + 1;
  if (next >= (std::size_t{1} << (32 - bits_)))
    throw std::length_error("arena: more than 4 GiB of text");
  const std::size_t size = text.size() > standard ? text.size() : standard;
  if (next == chunks_.size()) {
    chunks_.push_back({std::unique_ptr<char[]>(new char[size]), size});
  } else if (chunks_[next].size < text.size()) {
    chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(next),
                   Chunk{std::unique_ptr<char[]>(new char[size]), size});
  }
  current_ = next;
  cur_ = chunks_[next].data.get();
  pos_ = static_cast<std::uint32_t>(next << bits_);
  const std::uint32_t at = pos_;
  left_ = size;
  Copy(text);
  if (size != standard) left_ = 0;  // an oversized chunk holds one piece: offsets would not fit
  return at;
}

void Arena::Clear() {
  const std::size_t standard = std::size_t{1} << bits_;
  std::vector<Chunk> kept;
  kept.reserve(chunks_.size());
  for (auto& c : chunks_)
    if (c.size == standard) kept.push_back(std::move(c));
  chunks_ = std::move(kept);
  current_ = 0;  // the first kept chunk, or none (0 == size())
  cur_ = chunks_.empty() ? nullptr : chunks_[0].data.get();
  left_ = chunks_.empty() ? 0 : standard;
  pos_ = 0;
}

}  // namespace gongkai
