// The data-quality page: one static HTML file with Apache ECharts embedded (no network), one
// section per chart of QualityData with the chart and, beside it, a table of the same numbers.
//
// Contract:
//   - The data goes into the page as JSON in <script type="application/json" id="gongkai-data">
//     with every '<', '>' and '&' written \u003c, \u003e, \u0026 (no text can end the script).
//   - The page keeps its charts in window.gongkaiCharts (id -> ECharts instance) and the data in
//     window.gongkaiData, for people with a console and for the browser test.
//   - Table cells carry data-series (series key) and data-index (category index); a null number
//     shows as "—".
//   - echarts_js is embedded as given; a "</script" in it is written "<\/script".
#ifndef GONGKAI_PIPELINE_QUALITY_PAGE_H_
#define GONGKAI_PIPELINE_QUALITY_PAGE_H_

#include <string>

#include "pipeline/quality.h"

namespace gongkai {

// The data as the page embeds it: {"warehouse","generated_at","review_state","charts":[{"id",
// "title","source","category_name","keys","categories","stack","series":[{"key","name",
// "data"}],"extra":[{"name","values"}]}]}.
std::string QualityJson(const QualityData& data);

// JSON made safe inside a <script> element ('<', '>', '&' as \u escapes).
std::string ScriptSafeJson(const std::string& json);

std::string RenderQualityPage(const QualityData& data, const std::string& echarts_js);

// Where the vendored library is looked up: data/echarts/echarts.min.js (config/data_path.h).
inline constexpr const char* kEchartsPath = "data/echarts/echarts.min.js";

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_QUALITY_PAGE_H_
