// sections: where each template table's section lies in a decoded report, found by its heading.
// One SectionIndex per report is shared by identify, extract and the narrative check, so that a
// line is normalised at most once (NormalizeLabel, on first use: identify reads its title and
// stated period in the opening lines, the section search only heading-sized lines) and each
// template's section search runs once.
//
// Contract:
//   - A heading is a short line (<= 40 characters, no tab) whose normalised text holds a table's
//     heading key words ("a+b": all, in order).
//   - Sections(tmpl) is the template's tables in template order, each from the line after its
//     heading to the next section's heading (the last one: to the first end heading or the next
//     top-level numbered heading 五./六./七./八., else the end of the report).
//   - Label(i) is NormalizeLabel(lines[i]); Labels(from, to) the labels of lines [from, to)
//     concatenated (no separator). Both are views valid while the index lives; only the lines
//     asked for are normalised (Labels extends a prefix [0, to) of labels in one buffer).
//   - LabelsContain(from, to, phrase): does Labels(from, to) contain `phrase` (a normalised
//     text)? Without normalising the range when the phrase starts with a character that
//     normalisation keeps as it is (any non-ASCII character it does not drop or fold).
//   - The index holds a reference to `lines`: it must not outlive them. Not thread-safe (one
//     report, one thread).
#ifndef GONGKAI_EXTRACTORS_SECTIONS_H_
#define GONGKAI_EXTRACTORS_SECTIONS_H_

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/lines.h"
#include "core/template.h"

namespace gongkai {

struct Section {
  const TableSpec* table = nullptr;
  int first = 0, last = 0;  // line indices [first, last), heading excluded
};

class SectionIndex {
 public:
  explicit SectionIndex(const Lines& lines);
  SectionIndex(Lines&&) = delete;  // it keeps a reference: not to a temporary
  SectionIndex(const std::vector<std::string>&) = delete;

  // The template's sections (computed on first use per template, then cached).
  const std::vector<Section>& Sections(const Template& tmpl);
  // Line index of the first end heading at or after `from`, else of the first top-level numbered
  // heading (五. … 八.) at or after `from`; -1 when neither.
  int EndAfter(const Template& tmpl, int from);
  int FindEndHeading(const Template& tmpl, int from);
  int FindNextNumberedHeading(int from);

  bool IsHeading(int i, const std::vector<std::string>& keywords);
  int size() const { return static_cast<int>(lines_.size()); }

  std::string_view Label(int i);
  std::string_view Labels(int from, int to);
  bool LabelsContain(int from, int to, std::string_view phrase);

 private:
  std::string_view Norm(int i);  // label of a heading-sized line, else ""
  bool HeadingSized(int i);
  bool StartsWithAny(int i, const std::vector<std::string>& prefixes);

  const Lines& lines_;
  // Labels of lines [0, prefix_start_.size() - 1), in order: line i's is
  // [prefix_start_[i], prefix_start_[i + 1]) of prefix_.
  std::string prefix_;
  std::vector<std::size_t> prefix_start_;
  // Labels of single lines past the prefix (heading-sized lines), each at single_at_[i] in
  // single_ (npos: not built). Both buffers are reserved to the text's size on first use and
  // never exceed it (a label is never longer than its line), so views into them stay valid.
  std::string single_;
  std::vector<std::pair<std::size_t, std::size_t>> single_at_;  // (offset, length)
  std::vector<signed char> heading_sized_;  // -1 not yet known, else 0/1
  std::deque<std::pair<const Template*, std::vector<Section>>> cache_;  // references stay valid
};

// Locates the sections of the template's tables, in template order (a one-off SectionIndex).
std::vector<Section> FindSections(const Lines& lines, const Template& tmpl);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_SECTIONS_H_
