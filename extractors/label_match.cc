#include "extractors/label_match.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace gongkai {
namespace {

// A header without its trailing note: "采购总金额(单位:万元)" -> "采购总金额".
std::string_view WithoutNote(std::string_view header) {
  if (header.empty() || header.back() != ')') return header;
  std::size_t open = header.rfind('(');
  return open == std::string_view::npos || open == 0 ? header : header.substr(0, open);
}

}  // namespace

// The alias ending last in the evidence wins (ties: the longer alias). The search runs back
// from the end of the evidence, one byte at a time, through the template's aliases by their last
// two bytes, and stops at the first end where any alias matches: the row label of a data row
// ends its evidence, so most searches look at a few bytes. (Every byte is a possible end, as
// every byte was a possible start of the search this replaces: tests/extractors/
// label_match_test.cc compares the two.)
RowMatch MatchRow(const TableSpec& t, const std::string& evidence) {
  RowMatch m;
  const std::size_t n = evidence.size();
  const auto* s = reinterpret_cast<const unsigned char*>(evidence.data());
  for (std::size_t end = n; end >= 2 && m.row < 0; --end) {
    const unsigned key = s[end - 2] << 8 | s[end - 1];
    if (!t.MayEndAlias(key)) continue;
    std::size_t best_len = 0;
    auto range = t.alias_index.equal_range(key);
    for (auto it = range.first; it != range.second; ++it) {
      const std::string& alias = t.rows[it->second.row].aliases[it->second.alias];
      if (alias.size() > end || evidence.compare(end - alias.size(), alias.size(), alias) != 0)
        continue;
      const int row = it->second.row;
      if (alias.size() > best_len) {
        m.row = row;
        m.ambiguous = false;
        best_len = alias.size();
      } else if (alias.size() == best_len && m.row != row) {
        m.ambiguous = true;
        m.row = std::min(m.row, row);  // the row a search in template order meets first
      }
    }
  }
  if (m.row < 0) {
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      if (t.rows[i].unlabeled) m.row = static_cast<int>(i);
  }
  return m;
}

namespace {

// Distinct non-ASCII characters of s (CJK text: the characters that carry a label's meaning).
std::set<std::string_view> Characters(std::string_view s) {
  std::set<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c >= 0x80) out.insert(s.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace

int ClosestRow(const TableSpec& t, const std::string& evidence, const std::vector<int>& candidates) {
  const auto have = Characters(evidence);
  int best = -1;
  std::size_t best_score = 0;
  bool tie = false;
  for (int c : candidates) {
    std::size_t score = 0;
    // The label lives in a local: Characters() returns views into it, and a temporary would be
    // gone before the loop reads them (found by scripts/fuzz.sh under ASan).
    const std::string label = NormalizeLabel(t.rows[c].label);
    for (std::string_view ch : Characters(label)) score += have.count(ch);
    if (score > best_score) {
      best = c, best_score = score, tie = false;
    } else if (score == best_score && score > 0) {
      tie = true;
    }
  }
  return tie ? -1 : best;
}

std::string JoinLabels(const Segment& s) {
  std::string out;
  AppendLabels(s, &out);
  return out;
}

void AppendLabels(const Segment& s, std::string* out) {
  for (const auto& l : s.labels) out->append(l.norm.data(), l.norm.size());
}

// Field position of each of `cols` in the tab-separated header rows, or empty if not all found.
// Columns with the same header aliases take the positions found for them in order.
std::vector<int> HeaderFrame(const TableSpec& t, const std::vector<std::string>& cols,
                             const std::vector<const Segment*>& header) {
  struct Group {
    const std::vector<std::string>* aliases;
    std::vector<int> positions;
    std::size_t used = 0;
  };
  std::vector<Group> groups;
  groups.reserve(cols.size());
  std::vector<int> frame;
  frame.reserve(cols.size());
  for (const auto& code : cols) {
    const ColumnSpec* c = t.FindColumn(code);
    if (!c) return {};
    Group* g = nullptr;
    for (auto& x : groups)
      if (*x.aliases == c->header_aliases) g = &x;
    if (!g) {
      g = &groups.emplace_back(Group{&c->header_aliases, {}, 0});
      for (const Segment* s : header)
        for (const auto& l : s->labels) {
          std::string_view label = WithoutNote(l.norm);
          for (const auto& a : c->header_aliases)
            if (label == a) {
              g->positions.push_back(l.field);
              break;
            }
        }
      std::sort(g->positions.begin(), g->positions.end());
      g->positions.erase(std::unique(g->positions.begin(), g->positions.end()),
                         g->positions.end());
    }
    if (g->used >= g->positions.size()) return {};
    frame.push_back(g->positions[g->used++]);
  }
  std::vector<int> sorted = frame;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return {};
  return frame;
}

int SubtotalPosition(const TableSpec& t, const std::string& header, int uncertain) {
  const SubtotalSpec& st = t.subtotal;
  if (!st.enabled) return -1;
  std::size_t at = std::string::npos;
  for (const auto& a : st.header_aliases) at = std::min(at, header.find(a));
  if (at == std::string::npos) return -1;
  std::size_t first = std::string::npos, last = std::string::npos;
  for (const auto& ha : t.FindColumn(st.parts.front())->header_aliases)
    first = std::min(first, header.find(ha));
  for (const auto& ha : t.FindColumn(st.parts.back())->header_aliases) {
    std::size_t r = header.rfind(ha);
    if (r != std::string::npos && (last == std::string::npos || r > last)) last = r;
  }
  if (first == std::string::npos || last == std::string::npos || last < first) return uncertain;
  if (at < first) return st.positions.front();
  if (at > last) return st.positions.back();
  return uncertain;
}

}  // namespace gongkai
