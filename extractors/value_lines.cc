#include "extractors/value_lines.h"

#include <stdexcept>

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
      // The run's values lie one after another in the store (Tokenize's contract): the joined
      // segment's values span them all.
      Segment seg = in[i];
      for (std::size_t k = i + 1; k < j; ++k) {
        if (in[k].values.begin() != seg.values.end())
          throw std::logic_error("JoinWrappedValueLines: segments not from one Tokenize call");
        seg.values = TokenSpan(seg.values.begin(), in[k].values.end());
      }
      out.push_back(seg);
      i = j - 1;
    } else {
      out.push_back(in[i]);
    }
  }
  return true;
}

}  // namespace gongkai
