#include "pipeline/explain_decisions.h"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "pipeline/messages_zh.h"
#include "pipeline/text_table.h"

namespace gongkai {
namespace {

std::string Number(const std::optional<double>& v) {
  if (!v) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", *v);
  return buf;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& f) {
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + CsvField(f[i]);
  return out + "\n";
}

std::string Coord(const std::string& t, const std::string& r, const std::string& c) {
  std::string out = t;
  for (const auto* p : {&r, &c})
    if (!p->empty()) out += "." + *p;
  return out;
}

std::string Who(const std::string& by, const std::string& at) {
  return (by.empty() ? std::string("") : by + " ") + at;
}

std::string CorrectionZh(const Template* tmpl, const StoredCorrection& c) {
  return "人工更正 " + CoordinateLabelZh(tmpl, c.table, c.row, c.col) + "：原文“" +
         c.extracted_raw + "”，改为 " + (c.value ? Number(c.value) : std::string("空白")) +
         "；理由：" + c.reason + "（" + Who(c.corrected_by, c.corrected_at) + "）";
}

std::string ReviewZh(const StoredReview& r) {
  return std::string("审核：") + ReviewStateZh(r.state) + "“" + KindLabelZh(r.kind) + "”" +
         (r.reason.empty() ? "" : "；理由：" + r.reason) + "（" +
         Who(r.reviewed_by, r.reviewed_at) + "）";
}

}  // namespace

const char* ReviewStateZh(const std::string& state) {
  if (state == "confirmed") return "已确认";
  if (state == "dismissed") return "已驳回";
  if (state == "fixed") return "已修正";
  return "未处理";
}

std::string AddDecisions(const std::string& rendered, const StoredDecisions& d,
                         const Template* tmpl, ExplainFormat format) {
  if (format == ExplainFormat::kJson) {
    auto j = nlohmann::json::parse(rendered);
    j["corrections"] = nlohmann::json::array();
    for (const auto& c : d.corrections)
      j["corrections"].push_back(
          {{"table", c.table}, {"row", c.row}, {"col", c.col},
           {"label_zh", CoordinateLabelZh(tmpl, c.table, c.row, c.col)},
           {"value", c.value ? nlohmann::json(*c.value) : nlohmann::json(nullptr)},
           {"extracted_raw", c.extracted_raw}, {"reason", c.reason},
           {"corrected_by", c.corrected_by}, {"corrected_at", c.corrected_at},
           {"message_zh", CorrectionZh(tmpl, c)}});
    j["reviews"] = nlohmann::json::array();
    for (const auto& r : d.reviews)
      j["reviews"].push_back({{"seq", r.seq}, {"kind", r.kind}, {"table", r.table},
                              {"row", r.row}, {"col", r.col}, {"line", r.line},
                              {"state", r.state}, {"reason", r.reason},
                              {"reviewed_by", r.reviewed_by}, {"reviewed_at", r.reviewed_at},
                              {"message_zh", ReviewZh(r)}});
    return j.dump(2) + "\n";
  }
  std::string out = rendered;
  if (format == ExplainFormat::kCsv) {
    for (const auto& c : d.corrections)
      out += CsvRow({"correction", c.table, c.row, c.col,
                     CoordinateLabelZh(tmpl, c.table, c.row, c.col), Number(c.value), "",
                     c.value ? "number" : "blank", c.extracted_raw, "", "corrected", "",
                     CorrectionZh(tmpl, c), c.reason});
    for (const auto& r : d.reviews)
      out += CsvRow({"review", r.table, r.row, r.col, KindLabelZh(r.kind), "", "", "", "",
                     r.line ? std::to_string(r.line) : "", r.state, r.kind, ReviewZh(r),
                     r.reason});
    return out;
  }
  if (!d.corrections.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : d.corrections)
      rows.push_back({Coord(c.table, c.row, c.col), c.extracted_raw,
                      c.value ? Number(c.value) : "空白", c.reason,
                      Who(c.corrected_by, c.corrected_at)});
    out += "\n人工更正（" + std::to_string(d.corrections.size()) + "）\n";
    out += RenderTextTable({"代码", "原文", "更正为", "理由", "更正人与时间"}, rows);
  }
  if (!d.reviews.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : d.reviews)
      rows.push_back({r.kind, Coord(r.table, r.row, r.col), r.line ? std::to_string(r.line) : "",
                      ReviewStateZh(r.state), r.reason, Who(r.reviewed_by, r.reviewed_at)});
    out += "\n审核决定（" + std::to_string(d.reviews.size()) + "）\n";
    out += RenderTextTable({"类型", "位置", "行号", "决定", "理由", "审核人与时间"}, rows);
  }
  return out;
}

}  // namespace gongkai
