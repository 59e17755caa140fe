// sections: where each template table's section lies in a decoded report, found by its heading.
// One SectionIndex per report is shared by identify, extract and the narrative check, so that the
// report's short lines are normalised once and each template's section search runs once
// (it was three times per report before).
//
// Contract:
//   - A heading is a short line (<= 40 characters, no tab) whose normalised text holds a table's
//     heading key words ("a+b": all, in order).
//   - Sections(tmpl) is the template's tables in template order, each from the line after its
//     heading to the next section's heading (the last one: to the first end heading or the next
//     top-level numbered heading 五./六./七./八., else the end of the report).
//   - The index holds a reference to `lines`: it must not outlive them. Not thread-safe (one
//     report, one thread).
#ifndef GONGKAI_EXTRACTORS_SECTIONS_H_
#define GONGKAI_EXTRACTORS_SECTIONS_H_

#include <deque>
#include <string>
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

 private:
  const std::string& Norm(int i);  // normalised text of a heading-sized line, else ""
  bool StartsWithAny(int i, const std::vector<std::string>& prefixes);

  const Lines& lines_;
  std::vector<std::string> norm_;
  std::vector<char> done_;
  std::deque<std::pair<const Template*, std::vector<Section>>> cache_;  // references stay valid
};

// Locates the sections of the template's tables, in template order (a one-off SectionIndex).
std::vector<Section> FindSections(const Lines& lines, const Template& tmpl);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_SECTIONS_H_
