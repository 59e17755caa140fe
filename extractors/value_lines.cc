#include "extractors/value_lines.h"

namespace gongkai {

bool JoinWrappedValueLines(const TableSpec& t, const std::vector<Segment>& in,
                           std::vector<Segment>* joined) {
  std::size_t n = 0;
  for (const auto& r : t.rows)
    if (r.unlabeled) n = r.cols.size();
  if (n == 0) return false;
  auto bare = [](const Segment& s) {
    return s.layout == Layout::kWords && s.labels.empty() && s.HasValue();
  };
  bool any = false;
  for (std::size_t i = 0; i + 1 < in.size() && !any; ++i) any = bare(in[i]) && bare(in[i + 1]);
  if (!any) return false;
  std::vector<Segment>& out = *joined;
  for (std::size_t i = 0; i < in.size(); ++i) {
    std::size_t j = i, count = 0;
    while (j < in.size() && bare(in[j]) && count < n) count += in[j++].values.size();
    if (j - i > 1 && count == n) {
      Segment seg = in[i];
      for (std::size_t k = i + 1; k < j; ++k)
        seg.values.insert(seg.values.end(), in[k].values.begin(), in[k].values.end());
      out.push_back(std::move(seg));
      i = j - 1;
    } else {
      out.push_back(in[i]);
    }
  }
  return true;
}

}  // namespace gongkai
