#include "pipeline/quality.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include "loaders/dictionary.h"
#include "pipeline/export.h"
#include "pipeline/messages_zh.h"

namespace gongkai {
namespace {

struct Triple {
  std::string category, series;
  std::optional<double> value;
};

std::string Key(const DbValue& v) { return v.IsNull() ? "" : v.text; }
std::optional<double> Num(const DbValue& v) {
  if (v.IsNull()) return std::nullopt;
  if (v.IsNumber()) return v.Number();
  return std::stod(v.text);
}

using Names = std::vector<std::pair<std::string, std::string>>;  // key, shown name

// Categories in `categories` order (empty: every category key in byte order); series in
// `series` order, then any other series key in byte order (named by its key). counts: a
// combination the SQL did not return is 0 (a COUNT), else null (nothing to sum).
QualityChart Pivot(const std::vector<Triple>& rows, std::vector<std::string> categories,
                   Names series, bool counts = true) {
  if (categories.empty()) {
    std::set<std::string> keys;
    for (const auto& r : rows) keys.insert(r.category);
    categories.assign(keys.begin(), keys.end());
  }
  std::set<std::string> extra;
  for (const auto& r : rows) {
    bool known = std::any_of(series.begin(), series.end(),
                             [&](const auto& s) { return s.first == r.series; });
    if (!known) extra.insert(r.series);
  }
  for (const auto& k : extra) series.push_back({k, k});
  QualityChart c;
  c.keys = categories;
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < categories.size(); ++i) at[categories[i]] = i;
  for (const auto& [key, name] : series)
    c.series.push_back({key, name,
                        std::vector<std::optional<double>>(
                            categories.size(), counts ? std::optional<double>(0) : std::nullopt)});
  for (const auto& r : rows) {
    auto it = at.find(r.category);
    if (it == at.end()) continue;
    for (auto& s : c.series)
      if (s.key == r.series) s.data[it->second] = r.value;
  }
  return c;
}

std::vector<Triple> Triples(const QueryResult& q) {
  std::vector<Triple> out;
  for (const auto& r : q.rows) out.push_back({Key(r[0]), Key(r[1]), Num(r[2])});
  return out;
}

const char* kNoCounty = "（县级以上或未定位）";

std::string CountyLabel(const std::string& key) { return key.empty() ? kNoCounty : key; }

const Names kReviewStates = {
    {"open", "未处理"}, {"confirmed", "已确认"}, {"dismissed", "已驳回"}, {"fixed", "已修正"}};

bool HasColumn(WarehouseReader& db, const std::string& view, const std::string& column) {
  auto cols = db.Query("SELECT * FROM " + view + " WHERE 1 = 0").columns;
  return std::find(cols.begin(), cols.end(), column) != cols.end();
}

QualityChart Coverage(WarehouseReader& db) {
  auto rows = Triples(db.Query(
      "SELECT county, CAST(year AS TEXT), COUNT(*) FROM stg_report GROUP BY county, year"));
  std::set<std::string> years;
  for (const auto& r : rows) years.insert(r.series);
  Names series;
  for (const auto& y : years) series.push_back({y, y + " 年"});
  QualityChart c = Pivot(rows, {}, series);
  c.id = "coverage";
  c.category_name = "县（市、区）";
  c.title = "各县（市、区）各年度报告数";
  c.source = "stg_report";
  c.stack = true;
  for (const auto& k : c.keys) c.categories.push_back(CountyLabel(k));
  return c;
}

QualityChart Findings(WarehouseReader& db, const std::string& state) {
  auto rows = Triples(db.Query("SELECT kind, " + state +
                               ", COUNT(*) FROM mart_findings GROUP BY 1, 2"));
  QualityChart c = Pivot(rows, {}, kReviewStates);
  c.id = "findings";
  c.category_name = "问题类型";
  c.title = "发现的问题：按类型和处理状态";
  c.source = "mart_findings";
  c.stack = true;
  for (const auto& k : c.keys) c.categories.push_back(KindLabelZh(k) + "（" + k + "）");
  return c;
}

QualityChart Rules(WarehouseReader& db, const std::vector<Template>& templates) {
  auto rows = Triples(db.Query(
      "SELECT rule_key, status, SUM(results) FROM mart_rule_results GROUP BY rule_key, status"));
  QualityChart c = Pivot(rows, {}, {{"pass", "成立"}, {"fail", "不成立"},
                                    {"not_assessable", "无法判断"}});
  c.id = "rules";
  c.category_name = "规则";
  c.title = "勾稽关系检查结果：按规则";
  c.source = "mart_rule_results";
  c.stack = true;
  std::map<std::string, std::string> labels;  // the templates' rules and codes.yaml's `rule:`
  for (const auto& l : AllCodeLabels(templates))
    if (l.kind == "rule") labels[l.code] = l.zh;
  for (const auto& k : c.keys)
    c.categories.push_back((labels.count(k) ? labels[k] : k) + "（" + k + "）");
  return c;
}

QualityChart Applications(WarehouseReader& db) {
  const std::vector<std::string> cols = {"new_total", "outcome_open", "outcome_partial",
                                         "outcome_denied", "outcome_total"};
  std::string sql = "SELECT county";
  for (const auto& col : cols) sql += ", SUM(" + col + ")";
  sql += " FROM mart_unit_year GROUP BY county";
  auto labels = ColumnLabels("mart_unit_year", cols);
  std::vector<Triple> rows;
  for (const auto& r : db.Query(sql).rows)
    for (std::size_t i = 0; i < cols.size(); ++i)
      rows.push_back({Key(r[0]), cols[i], Num(r[i + 1])});
  Names series;
  for (std::size_t i = 0; i < cols.size(); ++i) series.push_back({cols[i], labels[i]});
  QualityChart c = Pivot(rows, {}, series, /*counts=*/false);
  c.id = "applications";
  c.category_name = "县（市、区）";
  c.title = "依申请公开：各县（市、区）申请数与办理结果";
  c.source = "mart_unit_year";
  for (const auto& k : c.keys) c.categories.push_back(CountyLabel(k));
  return c;
}

QualityChart TopUnits(WarehouseReader& db, const std::string& state) {
  // key: county \x1f unit \x1f year
  auto q = db.Query("SELECT county, unit, CAST(year AS TEXT), " + state +
                    ", COUNT(*) FROM mart_findings WHERE unit IS NOT NULL "
                    "GROUP BY 1, 2, 3, 4");
  std::map<std::string, double> total;
  std::vector<Triple> rows;
  for (const auto& r : q.rows) {
    std::string key = Key(r[0]) + "\x1f" + Key(r[1]) + "\x1f" + Key(r[2]);
    auto n = Num(r[4]);
    total[key] += n.value_or(0);
    rows.push_back({key, Key(r[3]), n});
  }
  std::vector<std::pair<std::string, double>> ranked(total.begin(), total.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.size() > static_cast<std::size_t>(kTopUnits)) ranked.resize(kTopUnits);
  std::vector<std::string> keys;
  for (const auto& r : ranked) keys.push_back(r.first);
  QualityChart c = Pivot(rows, keys, kReviewStates);
  c.id = "top_units";
  c.category_name = "单位";
  c.title = "发现问题最多的单位（前 " + std::to_string(kTopUnits) + " 名）";
  c.source = "mart_findings";
  c.stack = true;
  for (const auto& k : c.keys) {
    std::size_t a = k.find('\x1f'), b = k.find('\x1f', a + 1);
    std::string county = k.substr(0, a), unit = k.substr(a + 1, b - a - 1), year = k.substr(b + 1);
    c.categories.push_back((county.empty() ? "" : county + "·") + unit + " " + year);
  }
  return c;
}

QualityChart Runs(WarehouseReader& db) {
  auto q = db.Query(
      "SELECT run_id, started_at, status, exit_code, loaded, skipped, failed, missing, findings "
      "FROM run ORDER BY run_id DESC LIMIT " + std::to_string(kLastRuns));
  std::reverse(q.rows.begin(), q.rows.end());
  const Names series = {{"loaded", "已入库"}, {"skipped", "未变跳过"}, {"failed", "失败"},
                        {"missing", "缺失"}, {"findings", "发现问题"}};
  std::vector<std::string> keys;
  std::vector<Triple> rows;
  QualityChart c;
  std::vector<std::string> started, status, exit_code;
  for (const auto& r : q.rows) {
    keys.push_back(Key(r[0]));
    started.push_back(Key(r[1]));
    status.push_back(Key(r[2]));
    exit_code.push_back(Key(r[3]));
    for (std::size_t i = 0; i < series.size(); ++i)
      rows.push_back({Key(r[0]), series[i].first, Num(r[4 + i])});
  }
  c = Pivot(rows, keys, series);
  c.id = "runs";
  c.category_name = "运行";
  c.title = "最近 " + std::to_string(kLastRuns) + " 次运行";
  c.source = "run";
  for (const auto& k : c.keys) c.categories.push_back("#" + k);
  c.extra = {{"开始时间", started}, {"状态", status}, {"退出码", exit_code}};
  return c;
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

QualityData ReadQuality(WarehouseReader& db, const std::vector<Template>& templates) {
  QualityData d;
  d.warehouse = db.Describe();
  d.generated_at = NowUtc();
  d.review_state = HasColumn(db, "mart_findings", "review_state");
  const std::string state = d.review_state ? "review_state" : "CAST('open' AS TEXT)";
  d.charts = {Coverage(db), Findings(db, state), Rules(db, templates), Applications(db),
              TopUnits(db, state), Runs(db)};
  return d;
}

}  // namespace gongkai
