// Matching report text to the template: which row a label names, and where a tab-separated
// header puts each column. Used by the aligner; pure functions of the template and the text.
#ifndef GONGKAI_EXTRACTORS_LABEL_MATCH_H_
#define GONGKAI_EXTRACTORS_LABEL_MATCH_H_

#include <string>
#include <vector>

#include "core/template.h"
#include "extractors/tokenizer.h"

namespace gongkai {

struct RowMatch {
  int row = -1;  // index into TableSpec::rows; the unlabeled row when no alias matches
  bool ambiguous = false;
};

// The row whose alias ends last in `evidence` (normalised text); ties go to the longer alias.
RowMatch MatchRow(const TableSpec& t, const std::string& evidence);

// Of `candidates` (indices into t.rows), the row whose label shares the most distinct characters
// with `evidence` (normalised text); -1 on a tie or when none shares any.
int ClosestRow(const TableSpec& t, const std::string& evidence, const std::vector<int>& candidates);

// The segment's labels, normalised and joined (AppendLabels: appended to *out).
std::string JoinLabels(const Segment& s);
void AppendLabels(const Segment& s, std::string* out);

// Field position of each of `cols` in the tab-separated header rows, or empty if not all are
// found or two share a position. Columns with the same header aliases take the positions found
// for them in order; a header's trailing note ("(单位:万元)") is ignored.
std::vector<int> HeaderFrame(const TableSpec& t, const std::vector<std::string>& cols,
                             const std::vector<const Segment*>& header);

// Where the subtotal column (TableSpec::subtotal) stands among a row's values by the table's
// header text `header` (normalised): before its parts (after 自然人) or after them (after 其他);
// -1 when the header declares none, `uncertain` when it declares one but does not show both
// ends of the parts to tell where.
int SubtotalPosition(const TableSpec& t, const std::string& header, int uncertain);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_LABEL_MATCH_H_
