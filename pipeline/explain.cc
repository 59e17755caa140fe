#include "pipeline/explain.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "pipeline/messages_zh.h"
#include "pipeline/text_table.h"

namespace gongkai {
namespace {

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string Value(const Cell& c) { return c.value ? Number(*c.value) : ""; }
std::string Opt(const std::optional<double>& v) { return v ? Number(*v) : ""; }

std::string Key(const std::string& t, const std::string& r, const std::string& c) {
  return t + "." + r + "." + c;
}

std::string JoinLines(const std::vector<int>& lines) {
  std::string out;
  for (int l : lines) out += (out.empty() ? "" : " ") + std::to_string(l);
  return out;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string Coord(const std::string& t, const std::string& r, const std::string& c) {
  std::string out = t;
  for (const auto* p : {&r, &c})
    if (!p->empty()) out += "." + *p;
  return out;
}

const char* PlacedByZh(const std::string& s) {
  if (s == "title") return "标题";
  if (s == "text") return "正文";
  if (s == "alias") return "别名";
  if (s == "gazetteer") return "单位名录";
  return "未定位";
}

struct Item {  // one row of any section, in the CSV's columns
  std::string section, table, row, col, label, value, measure, state, raw, line, status, lines,
      message_zh, message;
};

std::vector<Item> Items(const ReportRecord& r, const Template* tmpl) {
  std::vector<Item> items;
  const auto& id = r.identity;
  auto field = [&](const char* key, const char* zh, const std::string& value) {
    Item it;
    it.section = "report";
    it.col = key;
    it.label = zh;
    it.raw = value;
    items.push_back(it);
  };
  field("source_path", "文件", r.source.path);
  field("title", "标题", id.title);
  field("unit", "单位", id.unit);
  field("year", "年度", id.year ? std::to_string(id.year) : "");
  field("county", "所属县（市、区）", id.county.value_or(""));
  field("county_source", "归属依据", PlacedByZh(id.county_source));
  field("division_code", "区划代码", id.division_code);
  field("placed_by", "定位依据", PlacedByZh(id.placed_by));
  field("edition", "模板版本", id.edition ? std::to_string(id.edition) : "");
  field("encoding", "编码", r.encoding);
  field("extractor_version", "提取器版本", r.extractor_version);
  for (const auto& c : CellsInTemplateOrder(tmpl, r.cells)) {
    Item it{"cell", c.table(), c.row(), c.col(),
            CoordinateLabelZh(tmpl, c.table(), c.row(), c.col()),
            Value(c), c.measure(), CellStateName(c.state), c.raw, std::to_string(c.line), "", "", "",
            ""};
    items.push_back(it);
  }
  for (const auto& rr : r.rules) {
    Item it;
    it.section = "rule";
    it.table = rr.rule_key();
    it.row = rr.subject();
    it.label = RuleLabelZh(tmpl, rr.rule_key());
    it.value = Opt(rr.diff);
    it.raw = rr.lhs_terms() + " = " + rr.rhs_terms();
    it.status = RuleStatusName(rr.status);
    it.lines = JoinLines(OperandLines(rr, r.cells));
    it.message_zh = RuleMessageZh(tmpl, rr);
    it.message = it.raw + " (" + Opt(rr.lhs) + " vs " + Opt(rr.rhs) + ")";
    items.push_back(it);
  }
  for (const auto& f : r.findings) {
    Item it{"finding", f.table, f.row, f.col, KindLabelZh(f.kind), "", "", "", f.raw,
            f.line ? std::to_string(f.line) : "", SeverityName(f.severity), f.kind,
            f.message_zh.empty() ? FindingMessageZh(tmpl, f) : f.message_zh, f.message};
    items.push_back(it);
  }
  return items;
}

std::string RenderCsv(const std::vector<Item>& items) {
  std::string out =
      "section,table,row,col,label_zh,value,measure,state,raw,line,status,lines,message_zh,"
      "message\n";
  for (const auto& i : items) {
    const std::string* f[] = {&i.section, &i.table, &i.row,    &i.col,   &i.label,
                              &i.value,   &i.measure, &i.state, &i.raw,  &i.line,
                              &i.status,  &i.lines, &i.message_zh, &i.message};
    for (std::size_t k = 0; k < 14; ++k) out += (k ? "," : "") + CsvField(*f[k]);
    out += "\n";
  }
  return out;
}

std::string RenderJson(const ReportRecord& r, const Template* tmpl) {
  using nlohmann::json;
  json out;
  json rep = json::object();
  for (const auto& it : Items(r, tmpl))
    if (it.section == "report") rep[it.col] = it.raw;
  if (r.identity.year) rep["year"] = r.identity.year;
  if (r.identity.edition) rep["edition"] = r.identity.edition;
  if (!r.identity.county) rep["county"] = nullptr;
  rep["county_source"] = r.identity.county_source;
  out["report"] = rep;
  out["cells"] = json::array();
  for (const auto& c : CellsInTemplateOrder(tmpl, r.cells)) {
    json j = {{"table", c.table()}, {"row", c.row()}, {"col", c.col()},
              {"label_zh", CoordinateLabelZh(tmpl, c.table(), c.row(), c.col())},
              {"state", CellStateName(c.state)}, {"measure", c.measure()}, {"raw", c.raw},
              {"line", c.line}};
    j["value"] = c.value ? json(*c.value) : json(nullptr);
    out["cells"].push_back(j);
  }
  out["rules"] = json::array();
  auto opt = [](const std::optional<double>& v) { return v ? json(*v) : json(nullptr); };
  for (const auto& rr : r.rules)
    out["rules"].push_back({{"rule", rr.rule_key()}, {"subject", rr.subject()},
                            {"label_zh", RuleLabelZh(tmpl, rr.rule_key())},
                            {"status", RuleStatusName(rr.status)}, {"lhs_terms", rr.lhs_terms()},
                            {"rhs_terms", rr.rhs_terms()}, {"lhs", opt(rr.lhs)},
                            {"rhs", opt(rr.rhs)}, {"diff", opt(rr.diff)},
                            {"lines", OperandLines(rr, r.cells)},
                            {"message_zh", RuleMessageZh(tmpl, rr)}});
  out["findings"] = json::array();
  for (const auto& f : r.findings)
    out["findings"].push_back(
        {{"kind", f.kind}, {"kind_zh", KindLabelZh(f.kind)}, {"severity", SeverityName(f.severity)},
         {"table", f.table}, {"row", f.row}, {"col", f.col}, {"line", f.line}, {"raw", f.raw},
         {"message", f.message},
         {"message_zh", f.message_zh.empty() ? FindingMessageZh(tmpl, f) : f.message_zh}});
  return out.dump(2) + "\n";
}

std::string RenderText(const ReportRecord& r, const Template* tmpl) {
  std::vector<Item> items = Items(r, tmpl);
  std::string out = "报告\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& i : items)
    if (i.section == "report") rows.push_back({"  " + i.label, i.raw});
  out += RenderTextTable({"", ""}, rows).substr(1);  // no header line
  std::string table;
  rows.clear();
  auto flush = [&]() {
    if (rows.empty()) return;
    const TableSpec* t = tmpl ? tmpl->FindTable(table) : nullptr;
    out += "\n表 " + table + (t ? " " + t->label : "") + "\n";
    out += RenderTextTable({"代码", "行", "列", "值", "计量", "状态", "原文", "行号"}, rows);
    rows.clear();
  };
  for (const auto& c : CellsInTemplateOrder(tmpl, r.cells)) {
    if (c.table() != table) flush();
    table = c.table();
    const TableSpec* t = tmpl ? tmpl->FindTable(c.table()) : nullptr;
    const RowSpec* rs = t ? t->FindRow(c.row()) : nullptr;
    const ColumnSpec* cs = t ? t->FindColumn(c.col()) : nullptr;
    rows.push_back({Key(c.table(), c.row(), c.col()), rs ? rs->label : c.row(),
                    cs ? cs->label : c.col(), Value(c), c.measure(), CellStateZh(c.state), c.raw, std::to_string(c.line)});
  }
  flush();
  for (const auto& rr : r.rules)
    rows.push_back({rr.rule_key(), rr.subject(), RuleStatusName(rr.status), Opt(rr.lhs),
                    Opt(rr.rhs), JoinLines(OperandLines(rr, r.cells)),
                    RuleLabelZh(tmpl, rr.rule_key())});
  out += "\n勾稽关系（" + std::to_string(r.rules.size()) + "）\n";
  out += RenderTextTable({"规则", "对象", "结果", "左边", "右边", "运算数所在行", "说明"}, rows);
  rows.clear();
  for (const auto& i : items)
    if (i.section == "finding")
      rows.push_back({i.status, i.lines, Coord(i.table, i.row, i.col), i.line, i.message_zh});
  out += "\n发现的问题（" + std::to_string(r.findings.size()) + "）\n";
  out += RenderTextTable({"级别", "类型", "位置", "行号", "说明"}, rows);
  return out;
}

}  // namespace

ExplainFormat ParseExplainFormat(const std::string& name) {
  if (name == "text") return ExplainFormat::kText;
  if (name == "csv") return ExplainFormat::kCsv;
  if (name == "json") return ExplainFormat::kJson;
  throw std::invalid_argument("unknown format '" + name + "' (text, csv or json)");
}

const char* CellStateZh(CellState s) {
  switch (s) {
    case CellState::kNumber: return "数字";
    case CellState::kBlank: return "空白";
    case CellState::kNotApplicable: return "不适用";
  }
  return "";
}

std::vector<Cell> CellsInTemplateOrder(const Template* tmpl, const std::vector<Cell>& cells) {
  using Pos = std::tuple<int, int, int, std::size_t>;
  std::vector<std::pair<Pos, const Cell*>> keyed;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Cell& c = cells[i];
    int ti = 1 << 20, ri = 0, ci = 0;
    if (tmpl)
      for (std::size_t k = 0; k < tmpl->tables.size(); ++k) {
        const TableSpec& t = tmpl->tables[k];
        if (t.code != c.table()) continue;
        int row = t.RowIndex(c.row());
        if (row < 0) continue;
        const auto& cols = t.rows[row].cols;
        auto at = std::find(cols.begin(), cols.end(), c.col());
        if (at == cols.end()) continue;
        ti = static_cast<int>(k);
        ri = row;
        ci = static_cast<int>(at - cols.begin());
      }
    keyed.push_back({{ti, ri, ci, i}, &c});
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Cell> out;
  out.reserve(keyed.size());
  for (const auto& k : keyed) out.push_back(*k.second);
  return out;
}

std::vector<int> OperandLines(const RuleResult& rule, const std::vector<Cell>& cells) {
  std::set<std::string> refs;
  const std::string lhs = rule.lhs_terms(), rhs = rule.rhs_terms();
  for (const std::string* side : {&lhs, &rhs}) {
    std::size_t start = 0;
    while (start < side->size()) {
      std::size_t end = side->find_first_of(" +", start);
      if (end == std::string::npos) end = side->size();
      if (end > start) refs.insert(side->substr(start, end - start));
      start = end + 1;
    }
  }
  std::set<int> lines;
  for (const auto& c : cells)
    if (c.line > 0 && refs.count(Key(c.table(), c.row(), c.col()))) lines.insert(c.line);
  return {lines.begin(), lines.end()};
}

std::string RenderExplain(const ReportRecord& record, const Template* tmpl,
                          ExplainFormat format) {
  switch (format) {
    case ExplainFormat::kCsv: return RenderCsv(Items(record, tmpl));
    case ExplainFormat::kJson: return RenderJson(record, tmpl);
    case ExplainFormat::kText: break;
  }
  return RenderText(record, tmpl);
}

}  // namespace gongkai
