#include "pipeline/export.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <memory>

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

// The rows are written as they are read; Finish() completes the file.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Row(const std::vector<DbValue>& row) = 0;
  virtual void Finish() = 0;
};

class CsvSink : public Sink {
 public:
  CsvSink(const std::string& path, const HeaderRows& headers)
      : path_(path), out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) throw ExportError("cannot write " + path);
    out_ << "\xEF\xBB\xBF";
    for (const auto& h : headers) {
      for (std::size_t i = 0; i < h.size(); ++i) out_ << (i ? "," : "") << CsvField(h[i]);
      out_ << "\r\n";
    }
  }
  void Row(const std::vector<DbValue>& row) override {
    for (std::size_t i = 0; i < row.size(); ++i)
      out_ << (i ? "," : "") << CsvField(FormatDbValue(row[i]));
    out_ << "\r\n";
  }
  ~CsvSink() override {
    if (!finished_) {  // an error on the way: no half file left behind
      out_.close();
      std::remove(path_.c_str());
    }
  }
  void Finish() override {
    out_.flush();
    if (!out_) throw ExportError("cannot write " + path_);
    finished_ = true;
  }

 private:
  std::string path_;
  std::ofstream out_;
  bool finished_ = false;
};

// constant_memory: libxlsxwriter writes each finished row out, so memory stays flat.
class XlsxSink : public Sink {
 public:
  XlsxSink(const std::string& path, const HeaderRows& headers, const std::string& sheet)
      : path_(path) {
    lxw_workbook_options opt{};
    opt.constant_memory = LXW_TRUE;
    wb_ = workbook_new_opt(path.c_str(), &opt);
    if (!wb_) throw ExportError("cannot create " + path);
    ws_ = workbook_add_worksheet(wb_, sheet.substr(0, 31).c_str());
    lxw_format* bold = workbook_add_format(wb_);
    format_set_bold(bold);
    integer_ = workbook_add_format(wb_);
    format_set_num_format(integer_, "0");
    for (const auto& h : headers) {
      for (std::size_t c = 0; c < h.size(); ++c)
        worksheet_write_string(ws_, next_, static_cast<lxw_col_t>(c), h[c].c_str(), bold);
      ++next_;
    }
    worksheet_freeze_panes(ws_, next_, 0);
  }
  ~XlsxSink() override {
    if (wb_) {  // not finished: an error on the way; no half file left behind
      workbook_close(wb_);
      std::remove(path_.c_str());
    }
  }
  void Row(const std::vector<DbValue>& row) override {
    if (next_ >= LXW_ROW_MAX)
      throw ExportError("an xlsx sheet holds at most " + std::to_string(LXW_ROW_MAX) +
                        " rows; narrow it with --where or write .csv");
    for (std::size_t c = 0; c < row.size(); ++c) {
      const DbValue& v = row[c];
      auto col = static_cast<lxw_col_t>(c);
      lxw_error err = LXW_NO_ERROR;
      if (v.IsNumber())
        err = worksheet_write_number(ws_, next_, col, v.Number(),
                                     v.kind == DbValue::Kind::kInt ? integer_ : nullptr);
      else if (!v.IsNull())
        err = worksheet_write_string(ws_, next_, col, v.text.c_str(), nullptr);
      if (err != LXW_NO_ERROR)
        throw ExportError("cannot write row " + std::to_string(next_) + " of " + path_ + ": " +
                          lxw_strerror(err));
    }
    ++next_;
  }
  void Finish() override {
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR)
      throw ExportError("cannot write " + path_ + ": " + lxw_strerror(err));
  }

 private:
  std::string path_;
  lxw_workbook* wb_ = nullptr;
  lxw_worksheet* ws_ = nullptr;
  lxw_format* integer_ = nullptr;
  lxw_row_t next_ = 0;
};

// The validated query of a view and its bound values.
struct ViewQuery {
  std::string sql;
  std::vector<DbParam> params;
};

ViewQuery MakeViewQuery(WarehouseReader& db, const std::string& view, const Where& where) {
  auto views = ExportableViews();
  if (!std::binary_search(views.begin(), views.end(), view)) {
    std::string list;
    for (const auto& v : views) list += (list.empty() ? "" : ", ") + v;
    throw ExportError("unknown view '" + view + "'; one of: " + list);
  }
  // `view` is now one of our own names; the column names come from the view itself.
  std::vector<std::string> columns = db.Query("SELECT * FROM " + view + " WHERE 1 = 0").columns;
  ViewQuery q{"SELECT * FROM " + view, {}};
  for (const auto& [column, value] : where) {
    auto it = std::find(columns.begin(), columns.end(), column);
    if (it == columns.end())
      throw ExportError("view " + view + " has no column '" + column + "'");
    q.sql += q.params.empty() ? " WHERE " : " AND ";
    q.sql += "CAST(" + *it + " AS TEXT) = ?";  // *it: a column name of our view
    q.params.push_back(value);
  }
  return q;
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

QueryResult ReadView(WarehouseReader& db, const std::string& view, const Where& where) {
  ViewQuery q = MakeViewQuery(db, view, where);
  return db.Query(q.sql, q.params);
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

std::size_t ExportView(WarehouseReader& db, const std::string& view, const Where& where,
                       const std::string& path) {
  std::string lower = Lower(path);
  const bool csv = EndsWith(lower, ".csv");
  if (!csv && !EndsWith(lower, ".xlsx"))
    throw ExportError("the output file must end in .csv or .xlsx: " + path);
  ViewQuery q = MakeViewQuery(db, view, where);
  std::unique_ptr<Sink> sink;
  std::size_t rows = 0;
  db.Stream(
      q.sql, q.params,
      [&](const std::vector<std::string>& columns) {
        HeaderRows headers = {ColumnLabels(view, columns), columns};
        if (csv) sink = std::make_unique<CsvSink>(path, headers);
        else sink = std::make_unique<XlsxSink>(path, headers, view);
      },
      [&](const std::vector<DbValue>& row) {
        sink->Row(row);
        ++rows;
      });
  sink->Finish();
  return rows;
}

}  // namespace gongkai
