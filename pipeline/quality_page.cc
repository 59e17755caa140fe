#include "pipeline/quality_page.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace gongkai {
namespace {

std::string Html(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string Number(const std::optional<double>& v) {
  if (!v) return "—";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", *v);
  return buf;
}

std::string Table(const QualityChart& c) {
  std::string out = "<table id=\"table-" + c.id + "\"><thead><tr><th>" + Html(c.category_name) +
                    "</th>";
  for (const auto& [name, values] : c.extra) out += "<th>" + Html(name) + "</th>";
  for (const auto& s : c.series) out += "<th>" + Html(s.name) + "</th>";
  out += "</tr></thead><tbody>";
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    out += "<tr><th scope=\"row\">" + Html(c.categories[i]) + "</th>";
    for (const auto& [name, values] : c.extra) out += "<td>" + Html(values[i]) + "</td>";
    for (const auto& s : c.series)
      out += "<td class=\"num\" data-series=\"" + Html(s.key) + "\" data-index=\"" +
             std::to_string(i) + "\">" + Number(s.data[i]) + "</td>";
    out += "</tr>";
  }
  if (c.categories.empty())
    out += "<tr><td colspan=\"" + std::to_string(1 + c.extra.size() + c.series.size()) +
           "\">（无数据）</td></tr>";
  return out + "</tbody></table>";
}

const char* kStyle = R"css(
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
.meta, .source { color: #666; font-size: 0.9em; }
.row { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.plot { width: 760px; height: 300px; flex: 0 0 auto; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #f3f3f3; }
)css";

const char* kInit = R"js(
(function () {
  // Colours that say what a state means (red: needs attention); other series take ECharts'.
  var COLORS = { pass: '#3ba272', fail: '#ee6666', not_assessable: '#a0a0a0',
                 open: '#ee6666', confirmed: '#fac858', dismissed: '#a0a0a0', fixed: '#3ba272',
                 loaded: '#3ba272', skipped: '#a0a0a0', failed: '#ee6666', missing: '#fac858',
                 findings: '#5470c6' };
  var data = JSON.parse(document.getElementById('gongkai-data').textContent);
  window.gongkaiData = data;
  window.gongkaiCharts = {};
  data.charts.forEach(function (c) {
    var el = document.getElementById('chart-' + c.id);
    // Horizontal bars: the categories (long Chinese names) read on the y axis, top down.
    el.style.height = Math.max(220, 90 + 30 * c.categories.length) + 'px';
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: c.series.map(function (s) { return s.name; }) },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: c.categories, inverse: true,
               axisLabel: { interval: 0, width: 260, overflow: 'break' } },
      xAxis: { type: 'value', minInterval: 1 },
      series: c.series.map(function (s) {
        var one = { name: s.name, type: 'bar', data: s.data };
        if (c.stack) one.stack = 'all';
        if (COLORS[s.key]) one.itemStyle = { color: COLORS[s.key] };
        return one;
      })
    });
    window.gongkaiCharts[c.id] = chart;
  });
})();
)js";

}  // namespace

std::string QualityJson(const QualityData& d) {
  using nlohmann::json;
  json out = {{"warehouse", d.warehouse}, {"generated_at", d.generated_at},
              {"review_state", d.review_state}, {"charts", json::array()}};
  for (const auto& c : d.charts) {
    json series = json::array();
    for (const auto& s : c.series) {
      json data = json::array();
      for (const auto& v : s.data) data.push_back(v ? json(*v) : json(nullptr));
      series.push_back({{"key", s.key}, {"name", s.name}, {"data", data}});
    }
    json extra = json::array();
    for (const auto& [name, values] : c.extra) extra.push_back({{"name", name}, {"values", values}});
    out["charts"].push_back({{"id", c.id}, {"title", c.title}, {"source", c.source},
                             {"category_name", c.category_name}, {"keys", c.keys},
                             {"categories", c.categories}, {"stack", c.stack},
                             {"series", series}, {"extra", extra}});
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ScriptSafeJson(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char ch : json) {
    if (ch == '<') out += "\\u003c";
    else if (ch == '>') out += "\\u003e";
    else if (ch == '&') out += "\\u0026";
    else out += ch;
  }
  return out;
}

std::string RenderQualityPage(const QualityData& d, const std::string& echarts_js) {
  std::string lib = echarts_js;
  for (std::size_t at = 0; (at = lib.find("</script", at)) != std::string::npos; at += 2)
    lib.replace(at, 2, "<\\/");
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>政府信息公开工作年度报告 · 数据质量</title>\n<style>" +
      std::string(kStyle) + "</style>\n<script>\n" + lib + "\n</script>\n</head>\n<body>\n";
  out += "<h1>政府信息公开工作年度报告 · 数据质量</h1>\n<p class=\"meta\">仓库 " +
         Html(d.warehouse) + " · 生成于 " + Html(d.generated_at) +
         (d.review_state ? "" : " · 尚无审核记录，所有问题按“未处理”计") + "</p>\n";
  for (const auto& c : d.charts) {
    out += "<section id=\"section-" + c.id + "\">\n<h2>" + Html(c.title) +
           "</h2>\n<div class=\"row\"><div class=\"plot\" id=\"chart-" + c.id + "\"></div>\n" +
           Table(c) + "</div>\n<p class=\"source\">数据来源：" + Html(c.source) +
           "</p>\n</section>\n";
  }
  out += "<script type=\"application/json\" id=\"gongkai-data\">" +
         ScriptSafeJson(QualityJson(d)) + "</script>\n<script>" + kInit +
         "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace gongkai
