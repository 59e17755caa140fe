#include "pipeline/file_list.h"

#include <algorithm>
#include <stdexcept>

namespace gongkai {
namespace {

void PutVarint(std::string* out, std::uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

std::uint64_t GetVarint(std::string_view* in) {
  std::uint64_t v = 0;
  for (unsigned shift = 0; !in->empty(); shift += 7) {
    const auto b = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (b < 0x80) break;
  }
  return v;
}

std::uint64_t ZigZag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t UnZigZag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

std::size_t SharedPrefix(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

}  // namespace

void FileList::Add(std::string_view key, std::uint64_t size, std::int64_t mtime_ns) {
  if (sorted_) throw std::logic_error("FileList::Add after SortUnique");
  if (key.size() > 0xffff)
    throw DiscoverError("a path longer than 65,535 bytes: " + std::string(key.substr(0, 200)) +
                        "...");
  if (count_ > 0 && key == last_) return;  // reached twice in a row: kept once
  if (count_ == 0 || key > last_) return Append(key, size, mtime_ns);
  std::uint32_t at;
  try {
    at = aside_keys_.Append(key);
  } catch (const std::length_error&) {
    throw DiscoverError("more than 4 GiB of file paths under the input folders");
  }
  aside_.push_back({size, mtime_ns, at, static_cast<std::uint32_t>(key.size())});
}

void FileList::Append(std::string_view key, std::uint64_t size, std::int64_t mtime_ns) {
  const bool first = count_ % kBlock == 0;
  const std::size_t shared = first ? 0 : SharedPrefix(last_, key);
  PutVarint(&open_, shared);
  PutVarint(&open_, key.size() - shared);
  open_.append(key.substr(shared));
  PutVarint(&open_, size);
  // The difference wraps around (unsigned) rather than overflow for extreme times.
  PutVarint(&open_, ZigZag(static_cast<std::int64_t>(static_cast<std::uint64_t>(mtime_ns) -
                                                      static_cast<std::uint64_t>(first ? 0 : last_mtime_))));
  last_.assign(key);
  last_mtime_ = mtime_ns;
  if (++count_ % kBlock == 0) CloseBlock();
}

void FileList::CloseBlock() {
  if (open_.empty()) return;
  std::uint32_t at;
  try {
    at = blocks_arena_.Append(open_);
  } catch (const std::length_error&) {
    throw DiscoverError("more than 4 GiB of file paths under the input folders");
  }
  blocks_.push_back({at, static_cast<std::uint32_t>(open_.size())});
  encoded_ += open_.size();
  open_.clear();
}

void FileList::SortUnique() {
  if (sorted_) return;
  CloseBlock();
  if (!aside_.empty()) {  // merged in: the list encoded once more, in order
    auto key = [&](const Aside& a) { return aside_keys_.View(a.at, a.len); };
    std::stable_sort(aside_.begin(), aside_.end(),
                     [&](const Aside& a, const Aside& b) { return key(a) < key(b); });
    FileList merged;
    Cursor c(*this);
    bool more = c.Next();
    std::size_t k = 0;
    while (more || k < aside_.size()) {
      if (k < aside_.size() && (!more || key(aside_[k]) < c.path())) {
        merged.Add(key(aside_[k]), aside_[k].size, aside_[k].mtime_ns);  // a repeat is dropped
        ++k;
      } else {
        merged.Add(c.path(), c.size(), c.mtime_ns());
        more = c.Next();
      }
    }
    merged.CloseBlock();
    merged.held_aside_ = aside_.size();
    *this = std::move(merged);
  }
  aside_ = {};
  aside_keys_ = Arena{16};
  std::string().swap(last_);
  std::string().swap(open_);
  blocks_.shrink_to_fit();
  sorted_ = true;
}

FileList::Cursor::Cursor(const FileList& list, std::size_t from)
    : list_(list), index_(from), want_(from), next_(from - from % kBlock) {}

bool FileList::Cursor::Next() {
  for (;;) {
    if (next_ >= list_.count_) return false;
    if (next_ % kBlock == 0) {  // a block starts afresh: no shared prefix, the mtime itself
      block_ = list_.Block(next_ / kBlock);
      mtime_ = 0;
    }
    const std::size_t shared = GetVarint(&block_);
    const std::size_t rest = GetVarint(&block_);
    path_.resize(shared);
    path_.append(block_.substr(0, rest));
    block_.remove_prefix(rest);
    size_ = GetVarint(&block_);
    mtime_ = static_cast<std::int64_t>(static_cast<std::uint64_t>(mtime_) +
                                       static_cast<std::uint64_t>(UnZigZag(GetVarint(&block_))));
    index_ = next_++;
    if (index_ >= want_) return true;
  }
}

SourceFile FileList::At(std::size_t i) const {
  Cursor c(*this, i);
  c.Next();
  return {c.path(), c.size(), c.mtime_ns()};
}

std::size_t FileList::Find(std::string_view key) const {
  // The last block whose first key is <= key, then along it.
  std::size_t lo = 0, hi = blocks_.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    std::string_view b = Block(mid);
    GetVarint(&b);
    const std::size_t len = GetVarint(&b);
    if (b.substr(0, len) <= key) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return count_;
  for (Cursor c(*this, (lo - 1) * kBlock); c.Next() && c.index() < lo * kBlock;) {
    if (c.path() == key) return c.index();
    if (c.path() > key) break;
  }
  return count_;
}

}  // namespace gongkai
