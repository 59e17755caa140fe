#include "tests/support/synth.h"

#include <algorithm>
#include <cstdlib>
#include <random>
#include <set>
#include <sstream>

#include "core/utf8.h"

namespace gongkai::testing {
namespace {

const std::string kWan = "万元";
const std::string kUnitNote = "（单位：万元）";

std::vector<std::string> CodePoints(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    utf8::Next(s, i);
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Digits, '.' and '-' as their full-width forms (the decoder folds them back).
std::string FullWidth(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool ascii = (c < '0' || c > '9') && c != '.' && c != '-';
    if (ascii) out += c;
    if (!ascii) utf8::Append(out, 0xFF00 + static_cast<char32_t>(c) - 0x20);  // U+FF0D..U+FF19
  }
  return out;
}

// Splits text into pieces of `width` code points; a one-code-point tail joins the piece before
// (a lone "无" or "1" would read as a mark or a number).
std::vector<std::string> Wrap(const std::string& s, std::size_t width) {
  auto cps = CodePoints(s);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < cps.size(); i += width) {
    std::string piece;
    for (std::size_t j = i; j < std::min(cps.size(), i + width); ++j) piece += cps[j];
    if (cps.size() - i == 1 && !out.empty())
      out.back() += piece;
    else
      out.push_back(piece);
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

bool StartsWith(const std::string& s, const std::string& p) {
  return s.compare(0, p.size(), p) == 0;
}

// One printed table row. Group and header rows: `labels` are every cell, positional (the tab
// layout keeps them; the others drop spans). Data rows: label slots, then the values.
struct GridRow {
  bool data = false;
  std::vector<std::string> labels;
  std::vector<std::string> values;  // as written, "" = blank
  int stray_at = -1;                // stray_fields: an empty field goes in before this index
};

struct Grid {
  std::vector<GridRow> rows;
  std::size_t width = 0;  // fields per row in the tab layout
};

Grid T2Grid(const TableSpec& t, const SynthReport& r) {
  Grid g;
  for (const auto& row : t.rows) g.width = std::max(g.width, row.cols.size() + 1);
  std::string group;
  for (const auto& row : t.rows) {
    if (row.optional) continue;
    int last = static_cast<int>(row.cols.size());  // index of the last column's field
    if (row.group != group) {
      group = row.group;
      g.rows.push_back({false, {group}, {}, -1});
      GridRow header{false, {"信息内容"}, {}, last};
      for (const auto& code : row.cols) {
        const ColumnSpec* c = t.FindColumn(code);
        bool note = c->money && r.money_unit == MoneyUnit::kInHeader;
        header.labels.push_back(c->label + (note ? kUnitNote : ""));
      }
      g.rows.push_back(std::move(header));
    }
    GridRow data{true, {row.label}, {}, last};
    for (const auto& code : row.cols)
      data.values.push_back(r.raw.at(CellKey(t.code, row.code, code)));
    g.rows.push_back(std::move(data));
  }
  return g;
}

Grid T3Grid(const TableSpec& t, const SynthReport& r) {
  Grid g;
  const std::size_t n = t.columns.size();
  g.width = 3 + n;
  auto header = [&](std::vector<std::pair<std::size_t, std::string>> at) {
    GridRow h{false, std::vector<std::string>(g.width), {}, -1};
    for (auto& [i, text] : at) h.labels[i] = text;
    g.rows.push_back(std::move(h));
  };
  header({{0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"},
          {3, "申请人情况"}});
  header(
      {{3, t.columns.front().label}, {4, "法人或其他组织"}, {g.width - 1, t.columns.back().label}});
  std::vector<std::pair<std::size_t, std::string>> legal;
  for (std::size_t c = 1; c + 1 < n; ++c) legal.push_back({3 + c, t.columns[c].label});
  header(legal);

  // Labels "三（三）不予公开 1.属于国家秘密" print as the merged cells of the real table:
  // 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密, each merged cell once.
  bool results_started = false;
  std::string prev_sub;
  for (const auto& row : t.rows) {
    if (row.optional) continue;
    GridRow d{true, {"", "", ""}, {}, -1};
    if (StartsWith(row.label, "三（")) {
      std::string rest = row.label.substr(std::string("三").size());
      std::size_t sp = rest.find(' ');
      std::string sub = rest.substr(0, sp);
      if (!results_started) d.labels[0] = "三、本年度办理结果";
      results_started = true;
      if (sub != prev_sub)
        d.labels[1] =
            sub + (sub == "（二）部分公开" ? "（区分处理的，只计这一情形，不计其他情形）" : "");
      prev_sub = sub;
      if (sp != std::string::npos) d.labels[2] = rest.substr(sp + 1);
    } else {
      d.labels[0] = row.label;
    }
    for (const auto& c : t.columns) d.values.push_back(r.raw.at(CellKey(t.code, row.code, c.code)));
    g.rows.push_back(std::move(d));
  }
  return g;
}

// 行政复议·结果维持 / 行政诉讼·未经复议直接起诉·结果维持: three header rows from the labels.
Grid T4Grid(const TableSpec& t, const SynthReport& r) {
  Grid g;
  g.width = t.columns.size();
  std::vector<GridRow> h(3, GridRow{false, std::vector<std::string>(g.width), {}, -1});
  std::set<std::string> placed;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    std::vector<std::string> parts;
    std::string label = t.columns[i].label, dot = "·";
    for (std::size_t at; (at = label.find(dot)) != std::string::npos;
         label.erase(0, at + dot.size()))
      parts.push_back(label.substr(0, at));
    parts.push_back(label);
    for (std::size_t level = 0; level < parts.size(); ++level) {
      bool leaf = level + 1 == parts.size();
      std::size_t row = leaf ? (parts.size() == 2 ? 1 : 2) : level;
      std::string path =
          Join(std::vector<std::string>(parts.begin(), parts.begin() + level + 1), "/");
      if (leaf || placed.insert(path).second) h[row].labels[i] = parts[level];
    }
  }
  for (auto& row : h) g.rows.push_back(std::move(row));
  GridRow d{true, {}, {}, -1};
  for (const auto& c : t.columns)
    d.values.push_back(r.raw.at(CellKey(t.code, t.rows.front().code, c.code)));
  g.rows.push_back(std::move(d));
  return g;
}

class Writer {
 public:
  Writer(Layout layout, const RenderStyle& style) : layout_(layout), style_(style) {}

  void Table(const Grid& g) {
    for (const auto& row : g.rows) {
      if (layout_ == Layout::kCells) Cells(row);
      if (layout_ == Layout::kFields) Fields(row, g.width);
      if (layout_ == Layout::kWords) Words(row);
      if (layout_ == Layout::kMarkdown) Markdown(row, g.width, &row == &g.rows.front());
    }
    out_ << "\n";
  }
  void Line(const std::string& s) { out_ << s << "\n"; }
  std::string str() const { return out_.str(); }

 private:
  std::string Value(const std::string& v) const {
    return style_.fullwidth_digits ? FullWidth(v) : v;
  }

  // One cell per tab-indented line, wrapped text on untabbed lines, a blank line after the row.
  void Cells(const GridRow& row) {
    std::vector<std::string> cells = row.labels;
    if (row.data) {
      while (!cells.empty() && cells.back().empty()) cells.pop_back();
    } else {  // merged header cells: the span's empty cells are not exported
      std::vector<std::string> kept;
      for (const auto& c : cells)
        if (!c.empty() || kept.empty() || kept.back().empty()) kept.push_back(c);
      while (!kept.empty() && kept.back().empty()) kept.pop_back();
      cells = kept;
    }
    for (const auto& c : cells) {
      auto pieces = style_.wrap_labels && !c.empty() ? Wrap(c, 6) : std::vector<std::string>{c};
      out_ << "\t" << pieces[0] << "\n";
      for (std::size_t i = 1; i < pieces.size(); ++i) out_ << pieces[i] << "\n";
    }
    for (const auto& v : row.values) out_ << "\t" << Value(v) << "\n";
    out_ << "\n";
  }

  // One row per line, tab-separated, padded to the table's width.
  void Fields(const GridRow& row, std::size_t width) {
    std::vector<std::string> cells = row.labels;
    for (const auto& v : row.values) cells.push_back(Value(v));
    if (cells.size() < width) cells.resize(width);
    if (style_.stray_fields) {
      if (row.stray_at >= 0) cells.insert(cells.begin() + row.stray_at, "");
      cells.push_back("");
    }
    out_ << Join(cells, "\t") << "\n";
  }

  // Markdown: the fields between '|' marks, the rule line after the table's first row.
  void Markdown(const GridRow& row, std::size_t width, bool first) {
    std::vector<std::string> cells = row.labels;
    for (const auto& v : row.values) cells.push_back(Value(v));
    if (cells.size() < width) cells.resize(width);
    out_ << "| " << Join(cells, " | ") << " |\n";
    if (first) {
      for (std::size_t i = 0; i < cells.size(); ++i) out_ << "|---";
      out_ << "|\n";
    }
  }

  // PDF text: labels (wrapped: over several lines), a row's numbers at the end of its last line,
  // blank lines between lines, page numbers between rows. Blank cells are simply not printed.
  void Words(const GridRow& row) {
    std::vector<std::string> labels, values;
    for (const auto& l : row.labels)
      if (!l.empty()) labels.push_back(l);
    for (const auto& v : row.values)
      if (!v.empty()) values.push_back(Value(v));
    std::vector<std::string> lines;
    if (!style_.wrap_labels) {
      auto all = labels;
      all.insert(all.end(), values.begin(), values.end());
      lines.push_back(Join(all, " "));
    } else {
      for (const auto& l : labels)
        for (const auto& piece : Wrap(l, 6)) lines.push_back(piece);
      if (!values.empty()) {
        if (lines.empty() || !row.data)
          lines.push_back(Join(values, " "));
        else
          lines.back() += " " + Join(values, " ");
      }
    }
    for (const auto& l : lines) out_ << l << "\n\n";
    if (row.data && style_.page_numbers && ++data_rows_ % 6 == 0)
      out_ << "-" << 2 + data_rows_ / 6 << "-\n\n";
  }

  Layout layout_;
  RenderStyle style_;
  std::ostringstream out_;
  int data_rows_ = 0;
};

std::string Money(int wan, int cents) {
  std::string c = std::to_string(cents);
  return std::to_string(wan) + "." + (c.size() < 2 ? "0" : "") + c;
}

int DefaultYear(const Template& tmpl) { return tmpl.edition == 2019 ? 2020 : 2021; }

// Fills every cell of `tmpl` with `pick(table, row, column)`.
template <typename Pick>
SynthReport Fill(const Template& tmpl, Pick pick) {
  SynthReport r;
  r.edition = tmpl.edition;
  r.year = DefaultYear(tmpl);
  r.title_unit = tmpl.edition == 2019 ? "东木镇" : "昌乐县红河镇";
  for (const auto& t : tmpl.tables)
    for (const auto& row : t.rows) {
      if (row.optional) continue;
      for (const auto& code : row.cols) {
        const ColumnSpec* c = t.FindColumn(code);
        if (c->money) r.money.insert(CellKey(t.code, row.code, code));
        r.Set(CellKey(t.code, row.code, code), pick(t, row, *c));
      }
    }
  return r;
}

}  // namespace

std::string CellKey(const std::string& table, const std::string& row, const std::string& col) {
  return table + "." + row + "." + col;
}

void SynthReport::Set(const std::string& key, const std::string& number) {
  bool unit = money.count(key) && money_unit == MoneyUnit::kInCell && !number.empty();
  raw[key] = number + (unit ? kWan : "");
  value[key] =
      number.empty() ? std::nullopt : std::optional<double>(std::strtod(number.c_str(), nullptr));
}

void SynthReport::SetMoneyUnit(MoneyUnit unit) {
  money_unit = unit;
  for (const auto& key : money) {
    std::string text = raw[key];
    if (text.size() >= kWan.size() &&
        text.compare(text.size() - kWan.size(), kWan.size(), kWan) == 0)
      text.resize(text.size() - kWan.size());
    Set(key, text);
  }
}

std::vector<std::string> NarrativeNumbers(const SynthReport& r) {
  std::vector<std::string> out = {std::to_string(r.year), std::to_string(r.year + 1)};
  for (const char* n :
       {"163", "27", "12345", "100", "0536-6661106", "6", "30", "3", "1", "15", "1.", "2.", "3."})
    out.push_back(n);
  return out;
}

SynthReport DistinctValues(const Template& tmpl, unsigned seed) {
  std::mt19937 rng(seed);
  SynthReport probe;
  probe.year = DefaultYear(tmpl);
  auto numbers = NarrativeNumbers(probe);
  std::set<std::string> narrative(numbers.begin(), numbers.end());
  std::vector<int> pool;
  for (int v = 4; pool.size() < 3 * tmpl.CellCount(); ++v)
    if (!narrative.count(std::to_string(v))) pool.push_back(v);
  std::shuffle(pool.begin(), pool.end(), rng);
  std::size_t next = 0;
  return Fill(tmpl, [&](const TableSpec&, const RowSpec&, const ColumnSpec& c) {
    int v = pool[next++];
    if (c.money) {  // two decimals, the last one non-zero: "37.46"
      int cents = 11 + static_cast<int>(rng() % 88);
      return Money(v, cents % 10 ? cents : cents + 1);
    }
    if (c.is_signed && v % 2) return "-" + std::to_string(v);
    return std::to_string(v);
  });
}

SynthReport ConsistentValues(const Template& tmpl, unsigned seed) {
  std::mt19937 rng(seed);
  auto rnd = [&](int hi) { return static_cast<int>(rng() % static_cast<unsigned>(hi + 1)); };
  std::map<std::string, long> v;  // t3 and t4 cells
  const TableSpec* t3 = tmpl.FindTable("t3");
  const std::vector<std::string> ends = {"new", "carried", "total", "carry_next"};
  for (std::size_t c = 0; c + 1 < t3->columns.size(); ++c) {
    const std::string& col = t3->columns[c].code;
    long total = 0;
    for (const auto& row : t3->rows) {
      if (row.optional || std::count(ends.begin(), ends.end(), row.code)) continue;
      total += v[CellKey("t3", row.code, col)] = rnd(9);
    }
    long carry_next = rnd(5), carried = rnd(static_cast<int>(std::min(5L, total + carry_next)));
    v[CellKey("t3", "total", col)] = total;
    v[CellKey("t3", "carry_next", col)] = carry_next;
    v[CellKey("t3", "carried", col)] = carried;
    v[CellKey("t3", "new", col)] = total + carry_next - carried;
  }
  for (const auto& row : t3->rows) {  // the 总计 column: the six applicant columns
    long sum = 0;
    for (std::size_t c = 0; c + 1 < t3->columns.size(); ++c)
      sum += v[CellKey("t3", row.code, t3->columns[c].code)];
    v[CellKey("t3", row.code, t3->columns.back().code)] = sum;
  }
  const TableSpec* t4 = tmpl.FindTable("t4");
  for (std::size_t g = 0; g + 4 < t4->columns.size(); g += 5) {  // four results, then 总计
    long sum = 0;
    for (std::size_t c = g; c < g + 4; ++c)
      sum += v[CellKey("t4", "all", t4->columns[c].code)] = rnd(6);
    v[CellKey("t4", "all", t4->columns[g + 4].code)] = sum;
  }
  return Fill(tmpl, [&](const TableSpec& t, const RowSpec& row, const ColumnSpec& c) {
    if (t.code != "t2") return std::to_string(v.at(CellKey(t.code, row.code, c.code)));
    if (c.money) return Money(rnd(90), 11 + rnd(88));
    return std::to_string(c.is_signed ? rnd(10) - 5 : rnd(40));
  });
}

void BlankEvery(SynthReport* r, int every, int offset) {
  int i = offset;
  for (auto& [key, text] : r->raw)
    if (!r->money.count(key) && i++ % every == 0) r->Set(key, "");
}

std::string Render(const Template& tmpl, const SynthReport& r, Layout layout,
                   const RenderStyle& style) {
  Writer w(layout, style);
  const std::string y = std::to_string(r.year), next = std::to_string(r.year + 1);
  const bool md = layout == Layout::kMarkdown;  // # headings, **bold**, |-separated tables
  w.Line((md ? "# " : "") + r.title_unit + y + "年政府信息公开工作年度报告");
  w.Line(md ? "## **一、总体情况**" : "一、总体情况");
  w.Line(y + "年，" + r.title_unit +
         "坚持以公开为常态、不公开为例外，全年主动公开政府信息163条，"
         "办理群众来信来访27件次，12345热线工单按时回复率100%。现将本年度工作报告如下：");
  w.Line(
      "1.加强组织领导。明确专人负责信息发布，政务公开咨询电话0536-6661106，工作日受理群众咨询。");
  w.Line("2.规范公开流程。" + y + "年6月30日前完成公开目录梳理，对拟公开信息逐条进行保密审查。");
  w.Line("3.强化平台建设。及时更新信息公开栏和微信公众号，方便群众查询。");
  static const char* kNumerals[] = {"二", "三", "四"};
  for (std::size_t i = 0; i < tmpl.tables.size() && i < 3; ++i) {
    const TableSpec& t = tmpl.tables[i];
    w.Line((layout == Layout::kMarkdown ? "## " : "") + std::string(kNumerals[i]) + "、" + t.label);
    if (layout != Layout::kCells) w.Line("");
    w.Table(t.code == "t2" ? T2Grid(t, r) : t.code == "t3" ? T3Grid(t, r) : T4Grid(t, r));
  }
  w.Line("五、存在的主要问题及改进情况");
  w.Line("一是公开内容还不够丰富；二是政策解读形式单一。" + next +
         "年，将进一步加强培训，力争全年开展3次业务培训。");
  w.Line("六、其他需要报告的事项");
  w.Line("无。");
  w.Line(r.title_unit + "人民政府");
  w.Line(next + "年1月15日");
  return w.str();
}

}  // namespace gongkai::testing
