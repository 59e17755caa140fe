#include "extractors/template.h"

#include "extractors/utf8.h"

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

const TableSpec* Template::FindTable(const std::string& table_code) const {
  for (const auto& t : tables)
    if (t.code == table_code) return &t;
  return nullptr;
}

std::size_t Template::CellCount() const {
  std::size_t n = 0;
  for (const auto& t : tables)
    for (const auto& r : t.rows)
      if (!r.optional) n += r.cols.size();
  return n;
}

std::string NormalizeLabel(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  utf8::ForEachCodePoint(text, [&](char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (cp == 0x3001 || cp == 0xFF0E) cp = '.';      // 、 ．
    if (utf8::IsSpace(cp)) return;
    if (cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019)
      return;
    utf8::Append(out, cp);
  });
  return out;
}

}  // namespace gongkai
