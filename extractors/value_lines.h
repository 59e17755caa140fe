// value_lines: PDF text may wrap the unlabelled row of table 四 (15 numbers) over several lines.
// Consecutive label-less lines of numbers (words layout) are joined into one segment when,
// together, they hold exactly that row's number of values; any other run is left as it is (a
// short or long run stays separate lines and becomes a finding in the aligner).
#ifndef GONGKAI_EXTRACTORS_VALUE_LINES_H_
#define GONGKAI_EXTRACTORS_VALUE_LINES_H_

#include <vector>

#include "core/template.h"
#include "extractors/tokenizer.h"

namespace gongkai {

// Returns false (and leaves *joined alone) when the table has no unlabelled row or nothing is to
// be joined: the input is used as is. Otherwise *joined is the input with each run joined.
bool JoinWrappedValueLines(const TableSpec& t, const std::vector<Segment>& in,
                           std::vector<Segment>* joined);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_VALUE_LINES_H_
