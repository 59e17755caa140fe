#include "core/template.h"

#include <string.h>

#include <algorithm>
#include <functional>

#include "core/report.h"

namespace gongkai {

const ColumnSpec* TableSpec::FindColumn(const std::string& col_code) const {
  for (const auto& c : columns)
    if (c.code == col_code) return &c;
  return nullptr;
}

const RowSpec* TableSpec::FindRow(const std::string& row_code) const {
  int i = RowIndex(row_code);
  return i < 0 ? nullptr : &rows[i];
}

int TableSpec::RowIndex(const std::string& row_code) const {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].code == row_code) return static_cast<int>(i);
  return -1;
}

void TableSpec::BuildAliasIndex() {
  for (RowSpec& r : rows) {
    r.col_index.clear();
    for (const std::string& col_code : r.cols) {
      const ColumnSpec* c = FindColumn(col_code);
      r.col_index.push_back(c ? static_cast<int>(c - columns.data()) : -1);
    }
  }
  alias_index.clear();
  alias_pairs.assign(1024, 0);
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t a = 0; a < rows[r].aliases.size(); ++a) {
      const std::string& alias = rows[r].aliases[a];
      if (alias.size() < 2) continue;  // config/ rejects such aliases
      const std::size_t n = alias.size();
      unsigned key = static_cast<unsigned char>(alias[n - 2]) << 8 |
                     static_cast<unsigned char>(alias[n - 1]);
      alias_index.emplace(key, AliasRef{static_cast<int>(r), static_cast<int>(a)});
      alias_pairs[key >> 6] |= std::uint64_t{1} << (key & 63);
    }
}

const TableSpec* Template::FindTable(const std::string& table_code) const {
  for (const auto& t : tables)
    if (t.code == table_code) return &t;
  return nullptr;
}

int TableSpec::CellId(const RowSpec& row, const ColumnSpec& col) const {
  if (first_cell_id < 0) return -1;
  const std::less<const void*> before;
  if (rows.empty() || before(&row, rows.data()) || !before(&row, rows.data() + rows.size()))
    return -1;
  if (columns.empty() || before(&col, columns.data()) ||
      !before(&col, columns.data() + columns.size()))
    return -1;
  return first_cell_id + static_cast<int>((&row - rows.data()) * columns.size() +
                                          (&col - columns.data()));
}

int Template::NumberCells() {
  int next = 0;
  for (auto& t : tables) {
    t.first_cell_id = next;
    next += static_cast<int>(t.rows.size() * t.columns.size());
    t.coords.clear();
    t.coords.reserve(t.rows.size() * t.columns.size());
    for (const auto& r : t.rows)
      for (const auto& c : t.columns)
        t.coords.push_back(InternCoord(t.code, r.code, c.code, c.measure));
  }
  return next;
}

const CellCoord* TableSpec::Coord(const RowSpec& row, const ColumnSpec& col) const {
  const int id = CellId(row, col);
  if (id >= 0 && static_cast<std::size_t>(id - first_cell_id) < coords.size())
    return coords[id - first_cell_id];
  return InternCoord(code, row.code, col.code, col.measure);
}

std::size_t Template::CellCount() const {
  std::size_t n = 0;
  for (const auto& t : tables)
    for (const auto& r : t.rows)
      if (!r.optional) n += r.cols.size();
  return n;
}

std::string NormalizeLabel(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendNormalizedLabel(text, &out);
  return out;
}

namespace {

// Bytes that may begin a character the normalisation drops or folds: ASCII white space and
// quotes, and the lead bytes of NBSP (C2 A0), the U+2000-block spaces and quotes (E2 80 xx),
// U+3000 and 、 (E3 80 80/81), full-width ASCII (EF BC/BD xx) and the BOM (EF BB BF). No
// UTF-8 continuation byte (80-BF) is among them, so text is scanned byte by byte without
// decoding: most of a report is CJK text that passes through unchanged.
struct FoldLeads {
  bool may[256] = {};
  constexpr FoldLeads() {
    for (unsigned char c : {' ', '\t', '\n', '\r', '\v', '\f', '"', '\''}) may[c] = true;
    for (unsigned c : {0xC2u, 0xE2u, 0xE3u, 0xEFu}) may[c] = true;
  }
};
constexpr FoldLeads kFoldLeads;

// Does the normalisation change the character at `i` (a byte where one may begin: kFoldLeads)?
// Then its length in *bytes and its replacement (0: dropped). Whether it does depends only on
// the bytes at i.. (no state: a fold's other bytes are continuation bytes, never a lead).
inline bool FoldAt(const unsigned char* s, std::size_t n, std::size_t i, std::size_t* bytes,
                   char* replacement) {
  const unsigned char c = s[i];
  *replacement = 0;
  if (c < 0x80) {
    *bytes = 1;
    return true;
  }
  if (c == 0xC2) {
    if (i + 1 < n && s[i + 1] == 0xA0) {
      *bytes = 2;
      return true;
    }
  } else if (c == 0xE2) {
    if (i + 2 < n && s[i + 1] == 0x80) {
      const unsigned char d = s[i + 2];
      if (d == 0x82 || d == 0x83 || d == 0x89 || d == 0x8B || d == 0xAF || d == 0x98 ||
          d == 0x99 || d == 0x9C || d == 0x9D) {
        *bytes = 3;
        return true;
      }
    }
  } else if (c == 0xE3) {
    if (i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x80 || s[i + 2] == 0x81)) {
      *bytes = 3;
      *replacement = s[i + 2] == 0x81 ? '.' : 0;
      return true;
    }
  } else if (i + 2 < n) {  // 0xEF
    const unsigned char b = s[i + 1], d = s[i + 2];
    if (b == 0xBB && d == 0xBF) {
      *bytes = 3;
      return true;
    }
    if ((b == 0xBC && d >= 0x81) || (b == 0xBD && d <= 0x9E)) {  // U+FF01..U+FF5E
      const char32_t cp = ((b & 0x3F) << 6 | (d & 0x3F)) + 0xF000 - 0xFEE0;
      *bytes = 3;
      *replacement = cp != '"' && cp != '\'' ? static_cast<char>(cp) : 0;
      return true;
    }
  }
  return false;
}

// The next character at or after `i` that the normalisation changes: its position (n when
// none), its length in *bytes and its replacement (0: dropped).
std::size_t NextFold(const unsigned char* s, std::size_t n, std::size_t i, std::size_t* bytes,
                     char* replacement) {
  for (;; ++i) {
    while (i < n && !kFoldLeads.may[s[i]]) ++i;
    if (i == n) return n;
    if (FoldAt(s, n, i, bytes, replacement)) return i;
  }
}

// Appends text[from, n) normalised; `at` is the first fold at or after `from` (n when none).
void AppendFrom(std::string_view text, std::size_t from, std::size_t at, std::size_t bytes,
                char replacement, std::string* out) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  while (at < n) {
    out->append(text.data() + from, at - from);
    if (replacement) *out += replacement;
    from = at + bytes;
    at = NextFold(s, n, from, &bytes, &replacement);
  }
  out->append(text.data() + from, n - from);
}

}  // namespace

void AppendNormalizedLabel(std::string_view text, std::string* out) {
  std::size_t bytes = 0;
  char replacement = 0;
  const std::size_t at = NextFold(reinterpret_cast<const unsigned char*>(text.data()),
                                  text.size(), 0, &bytes, &replacement);
  AppendFrom(text, 0, at, bytes, replacement, out);
}

std::string_view NormalizedLabelView(std::string_view text, std::string* scratch) {
  std::size_t bytes = 0;
  char replacement = 0;
  const std::size_t at = NextFold(reinterpret_cast<const unsigned char*>(text.data()),
                                  text.size(), 0, &bytes, &replacement);
  if (at == text.size()) return text;
  scratch->clear();
  AppendFrom(text, 0, at, bytes, replacement, scratch);
  return *scratch;
}

// A match of `phrase` in NormalizeLabel(text) begins with its first byte, which (a lead byte
// the normalisation never drops, folds or holds inside a fold) stands as it is in `text`:
// each occurrence of the phrase's first character there is a candidate, and the rest is
// compared with the normalised text that follows it, folded on the fly.
bool NormalizedContains(std::string_view text, std::string_view phrase) {
  const auto* p = reinterpret_cast<const unsigned char*>(phrase.data());
  const std::size_t m = phrase.size();
  if (m == 0 || p[0] < 0xC0 || kFoldLeads.may[p[0]]) {
    const std::string label = NormalizeLabel(text);
    return memmem(label.data(), label.size(), phrase.data(), m) != nullptr;
  }
  const std::size_t lead = std::min<std::size_t>(m, p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2);
  // Candidates by the first character's last byte (memchr): a CJK lead byte is in most of
  // the text, a given continuation byte in few places.
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char key = p[lead - 1];
  for (std::size_t from = lead - 1; from < n;) {
    const void* hit = memchr(s + from, key, n - from);
    if (!hit) return false;
    const std::size_t at = static_cast<const unsigned char*>(hit) - s - (lead - 1);
    from = at + lead;
    if (memcmp(s + at, p, lead - 1) != 0) continue;
    std::size_t i = at + lead, k = lead, bytes = 0;
    char replacement = 0;
    bool match = true;
    while (match && k < m) {
      if (i >= n) {
        match = false;
      } else if (kFoldLeads.may[s[i]] && FoldAt(s, n, i, &bytes, &replacement)) {
        i += bytes;
        if (replacement) match = static_cast<unsigned char>(replacement) == p[k++];
      } else {
        match = s[i++] == p[k++];
      }
    }
    if (match) return true;
  }
  return false;
}

}  // namespace gongkai
