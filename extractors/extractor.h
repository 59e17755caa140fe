// extract: a decoded report and its template in, every numeric cell of tables 二, 三, 四 out.
// Finds each table's section by its heading, tokenizes it (tokenizer.h) and aligns it to the
// template (aligner.h). Narrative outside the sections is never read for cells. Never throws on
// report content; what cannot be read with certainty becomes a Finding.
#ifndef GONGKAI_EXTRACTORS_EXTRACTOR_H_
#define GONGKAI_EXTRACTORS_EXTRACTOR_H_

#include <string>
#include <vector>

#include "core/lines.h"
#include "core/report.h"
#include "core/template.h"
#include "extractors/sections.h"

namespace gongkai {

struct Extraction {
  std::vector<Cell> cells;
  std::vector<Finding> findings;
  // A heading that follows the tables (五、存在的主要问题…) was found: the text was not cut short.
  bool end_heading_found = false;
};

// `index` (optional) is the report's section index, shared with identify and the narrative
// check so the sections are searched once; without it Extract makes its own.
Extraction Extract(const Lines& lines, const Template& tmpl,
                   SectionIndex* index = nullptr);

}  // namespace gongkai

#endif  // GONGKAI_EXTRACTORS_EXTRACTOR_H_
