#include "core/lines.h"

namespace gongkai {

Lines::Lines(const std::vector<std::string>& lines) {
  std::size_t bytes = 0;
  for (const auto& l : lines) bytes += l.size() + 1;
  Reserve(bytes, lines.size());
  for (const auto& l : lines) Append(l);
}

Lines::Lines(std::initializer_list<std::string_view> lines) {
  for (std::string_view l : lines) Append(l);
}

void Lines::Append(std::string_view line) {
  buf_.append(line.data(), line.size());
  EndLine();
}

void Lines::EndLine() {
  buf_ += '\n';
  starts_.push_back(buf_.size());
}

void Lines::Reserve(std::size_t bytes, std::size_t lines) {
  buf_.reserve(bytes);
  starts_.reserve(lines + 1);
}

void Lines::Clear() {
  buf_.clear();
  starts_.assign(1, 0);
}

std::vector<std::string> Lines::ToStrings() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::string_view l : *this) out.emplace_back(l);
  return out;
}

bool Lines::operator==(const std::vector<std::string>& other) const {
  if (other.size() != size()) return false;
  for (std::size_t i = 0; i < size(); ++i)
    if ((*this)[i] != other[i]) return false;
  return true;
}

}  // namespace gongkai
