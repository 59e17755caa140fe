// lines: a decoded report's text as one buffer plus line offsets, so that decode allocates once
// per report instead of once per line and every later stage reads lines as views into it.
//
// Contract:
//   - lines[i] is source line i+1 without its terminator, a string_view into the buffer; views
//     stay valid while the Lines lives and nothing is appended (Append may move the buffer).
//   - Text() is every line followed by '\n' (the normalised report, one buffer).
//   - Built from strings (tests, the document renderer) or line by line (decode writes a line's
//     bytes at the end of Buffer() and closes it with EndLine()).
#ifndef GONGKAI_CORE_LINES_H_
#define GONGKAI_CORE_LINES_H_

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

class Lines {
 public:
  Lines() = default;
  Lines(const std::vector<std::string>& lines);  // NOLINT: implicit, a list of lines is Lines
  Lines(std::initializer_list<std::string_view> lines);

  std::size_t size() const { return starts_.size() - 1; }
  bool empty() const { return size() == 0; }
  std::string_view operator[](std::size_t i) const {
    return std::string_view(buf_.data() + starts_[i], starts_[i + 1] - starts_[i] - 1);
  }
  const std::string& Text() const { return buf_; }

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;
    const_iterator(const Lines* l, std::size_t i) : l_(l), i_(i) {}
    std::string_view operator*() const { return (*l_)[i_]; }
    const_iterator& operator++() { return ++i_, *this; }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const Lines* l_;
    std::size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  void Append(std::string_view line);
  // Building in place: bytes appended to Buffer() since the last EndLine() become the next line.
  std::string& Buffer() { return buf_; }
  std::size_t OpenLineStart() const { return starts_.back(); }
  void EndLine();
  // Building in bulk: the caller has written a line and its '\n' into Buffer() ending at
  // byte `end` (it sizes the buffer itself and trims it when done).
  void EndLineAt(std::size_t end) { starts_.push_back(end); }
  void Reserve(std::size_t bytes, std::size_t lines);
  void Clear();

  std::vector<std::string> ToStrings() const;
  bool operator==(const std::vector<std::string>& other) const;

 private:
  std::string buf_;
  std::vector<std::size_t> starts_{0};  // line i is buf_[starts_[i], starts_[i+1] - 1)
};

}  // namespace gongkai

#endif  // GONGKAI_CORE_LINES_H_
