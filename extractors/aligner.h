// aligner: one table's segments in, the table's cells and findings out.
// A data segment is tied to a template row by the row's alias keywords in the text read since
// the previous data row (the alias ending last wins, so a wrapped label's leftovers do not
// matter), then its values are placed on the row's columns:
//   - as many numbers/marks as columns: in order (empty fields were layout debris);
//   - fewer: only by position, when the layout keeps empty cells (tab and Markdown rows) and
//     the position is certain: the row has exactly the header's fields (a lost or doubled
//     field makes the whole row a finding) and the cells after the label number exactly the
//     columns, or the header's field positions place every value;
//   - table 三 under a header that declares 法人或其他组织小计: exactly one value more, the
//     subtotal at its declared position (checked, not stored); without that header one value
//     more is placed only when all values are equal (every reading gives the same cells) —
//     the column count comes from the header, arithmetic never creates a placement;
//   - a row whose label matches no alias: placed only when it is the one such row between two
//     placed rows, exactly one template row is missing there and its label is closest to it.
// The 2019 row 三（六）其他处理 beside 2021's 三（六）1.–3. is a finding, not a row. Anything
// else is a Finding and the row's cells stay absent: a number is never guessed.
#ifndef GONGKAI_EXTRACTORS_ALIGNER_H_
#define GONGKAI_EXTRACTORS_ALIGNER_H_

#include <string>
#include <vector>

#include "core/lines.h"
#include "core/report.h"
#include "core/template.h"
#include "extractors/tokenizer.h"

namespace gongkai {

// Appends the table's cells and findings. `lines` is the report (for raw text in findings).
void AlignTable(const TableSpec& table, const std::vector<Segment>& segments,
                const Lines& lines, std::vector<Cell>* cells,
                std::vector<Finding>* findings);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_ALIGNER_H_
