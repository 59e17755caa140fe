// aligner: one table's segments in, the table's cells and findings out.
// A data segment is tied to a template row by the row's alias keywords in the text read since
// the previous data row (the alias ending last wins, so a wrapped label's leftovers do not
// matter), then its values are placed on the row's columns:
//   - as many numbers/marks as columns: in order (empty fields were layout debris);
//   - fewer: only by position, when the layout keeps empty cells (tab layouts) and the position
//     is certain (cells after the label number exactly the columns, or the header's field
//     positions place every value);
//   - one more in table 三: the 法人或其他组织小计 column, placed by the header or by the only
//     reading that adds up.
// Anything else is a Finding and the row's cells stay absent: a number is never guessed.
#ifndef GONGKAI_EXTRACTORS_ALIGNER_H_
#define GONGKAI_EXTRACTORS_ALIGNER_H_

#include <string>
#include <vector>

#include "core/report.h"
#include "core/template.h"
#include "extractors/tokenizer.h"

namespace gongkai {

// Appends the table's cells and findings. `lines` is the report (for raw text in findings).
void AlignTable(const TableSpec& table, const std::vector<Segment>& segments,
                const std::vector<std::string>& lines, std::vector<Cell>* cells,
                std::vector<Finding>* findings);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_ALIGNER_H_
