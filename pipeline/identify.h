// identify: who and what a decoded report is about — unit, year (from the title, never from
// dates in the body), its place among the national divisions (pipeline/place.h: division,
// county, prefecture and province codes, unit kind, or a finding) and template edition (from the year, cross-checked against phrases only one
// edition prints). A text with no such title is not a report: an error, not an exception.
#ifndef GONGKAI_PIPELINE_IDENTIFY_H_
#define GONGKAI_PIPELINE_IDENTIFY_H_

#include <map>
#include <string>
#include <vector>

#include "core/lines.h"
#include "core/gazetteer.h"
#include "core/report.h"
#include "core/template.h"
#include "extractors/sections.h"

namespace gongkai {

struct IdentifyResult {
  bool ok = false;
  Identity identity;
  const Template* tmpl = nullptr;
  std::vector<Finding> findings;
  std::string error_kind;  // when !ok: "not_a_report" | "unknown_edition"
  std::string error_message;
};

// `index` (optional): the report's section index, shared with extract (extractors/sections.h).
IdentifyResult Identify(const Lines& lines, const Gazetteer& gazetteer,
                        const std::vector<Template>& templates, SectionIndex* index = nullptr);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_IDENTIFY_H_
