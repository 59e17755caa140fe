#include "pipeline/export.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

#include "loaders/dictionary.h"
#include "loaders/sql_files.h"

namespace gongkai {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

using HeaderRows = std::vector<std::vector<std::string>>;

void WriteCsv(const QueryResult& r, const HeaderRows& headers, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw ExportError("cannot write " + path);
  out << "\xEF\xBB\xBF";
  for (const auto& h : headers) {
    for (std::size_t i = 0; i < h.size(); ++i) out << (i ? "," : "") << CsvField(h[i]);
    out << "\r\n";
  }
  for (const auto& row : r.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out << (i ? "," : "") << CsvField(FormatDbValue(row[i]));
    out << "\r\n";
  }
  out.flush();
  if (!out) throw ExportError("cannot write " + path);
}

void WriteXlsx(const QueryResult& r, const HeaderRows& headers, const std::string& sheet,
               const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw ExportError("cannot create " + path);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.substr(0, 31).c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "0");
  const auto top = static_cast<lxw_row_t>(headers.size());
  for (std::size_t h = 0; h < headers.size(); ++h)
    for (std::size_t c = 0; c < headers[h].size(); ++c)
      worksheet_write_string(ws, static_cast<lxw_row_t>(h), static_cast<lxw_col_t>(c),
                             headers[h][c].c_str(), bold);
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    auto row = static_cast<lxw_row_t>(i + top);
    for (std::size_t c = 0; c < r.rows[i].size(); ++c) {
      const DbValue& v = r.rows[i][c];
      auto col = static_cast<lxw_col_t>(c);
      if (v.IsNumber())
        worksheet_write_number(ws, row, col, v.Number(),
                               v.kind == DbValue::Kind::kInt ? integer : nullptr);
      else if (!v.IsNull()) worksheet_write_string(ws, row, col, v.text.c_str(), nullptr);
    }
  }
  worksheet_freeze_panes(ws, top, 0);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    throw ExportError("cannot write " + path + ": " + lxw_strerror(err));
}

}  // namespace

std::vector<std::string> ExportableViews() {
  std::vector<std::string> out;
  for (const auto& v : Views()) out.push_back(v.name);
  std::sort(out.begin(), out.end());
  return out;
}

std::pair<std::string, std::string> ParseWhere(const std::string& pair) {
  std::size_t eq = pair.find('=');
  if (eq == std::string::npos || eq == 0)
    throw ExportError("--where wants COLUMN=VALUE, got '" + pair + "'");
  return {pair.substr(0, eq), pair.substr(eq + 1)};
}

QueryResult ReadView(WarehouseReader& db, const std::string& view,
                     const std::vector<std::pair<std::string, std::string>>& where) {
  auto views = ExportableViews();
  if (!std::binary_search(views.begin(), views.end(), view)) {
    std::string list;
    for (const auto& v : views) list += (list.empty() ? "" : ", ") + v;
    throw ExportError("unknown view '" + view + "'; one of: " + list);
  }
  // `view` is now one of our own names; the column names come from the view itself.
  std::vector<std::string> columns = db.Query("SELECT * FROM " + view + " WHERE 1 = 0").columns;
  std::string sql = "SELECT * FROM " + view;
  std::vector<DbParam> params;
  for (const auto& [column, value] : where) {
    auto it = std::find(columns.begin(), columns.end(), column);
    if (it == columns.end())
      throw ExportError("view " + view + " has no column '" + column + "'");
    sql += params.empty() ? " WHERE " : " AND ";
    sql += "CAST(" + *it + " AS TEXT) = ?";  // *it: a column name of our view
    params.push_back(value);
  }
  return db.Query(sql, params);
}

std::string FormatDbValue(const DbValue& v) {
  switch (v.kind) {
    case DbValue::Kind::kNull: return "";
    case DbValue::Kind::kInt: return std::to_string(v.i);
    case DbValue::Kind::kReal: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.15g", v.r);
      return buf;
    }
    case DbValue::Kind::kText: break;
  }
  return v.text;
}

std::vector<std::string> ColumnLabels(const std::string& view,
                                      const std::vector<std::string>& columns) {
  const Dictionary& d = EmbeddedDictionary();
  std::vector<std::string> out;
  for (const auto& c : columns) {
    auto own = d.columns.find(view + "." + c);
    auto common = d.common.find(c);
    std::string zh = own != d.columns.end()       ? own->second.zh
                     : common != d.common.end() ? common->second.zh
                                                 : std::string();
    std::size_t comma = zh.find("，");
    if (comma != std::string::npos) zh.resize(comma);
    out.push_back(zh.empty() ? c : zh);
  }
  return out;
}

void WriteExport(const QueryResult& result, const HeaderRows& h, const std::string& sheet,
                 const std::string& path) {
  std::string lower = Lower(path);
  if (EndsWith(lower, ".csv")) return WriteCsv(result, h, path);
  if (EndsWith(lower, ".xlsx")) return WriteXlsx(result, h, sheet, path);
  throw ExportError("the output file must end in .csv or .xlsx: " + path);
}

}  // namespace gongkai
