// explain --unit --year: what people decided about the report, after what the report says:
// cell corrections (the person's value beside the extracted raw text, reason, who, when) and
// review decisions of findings (confirmed / dismissed / fixed, reason, who, when).
//   text: two more sections, 人工更正 and 审核决定 (only when there is something to show);
//   csv:  more rows in explain's 14 columns, section "correction" (value = the person's value,
//         raw = the extracted text, status "corrected", message = reason) and "review"
//         (label = the kind's Chinese name, line, status = the decision, lines = kind,
//         message = reason);
//   json: "corrections" and "reviews" arrays added to explain's object.
#ifndef GONGKAI_PIPELINE_EXPLAIN_DECISIONS_H_
#define GONGKAI_PIPELINE_EXPLAIN_DECISIONS_H_

#include <string>

#include "core/template.h"
#include "loaders/stored_report.h"
#include "pipeline/explain.h"

namespace gongkai {

// `rendered` is RenderExplain's output in `format`; returns it with the decisions added.
std::string AddDecisions(const std::string& rendered, const StoredDecisions& decisions,
                         const Template* tmpl, ExplainFormat format);

// Chinese name of a review state: 已确认 | 已驳回 | 已修正 | 未处理.
const char* ReviewStateZh(const std::string& state);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_EXPLAIN_DECISIONS_H_
