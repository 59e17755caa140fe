#include "loaders/sql_files.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace gongkai {

const SqlFile& EmbeddedSqlFile(const std::string& path) {
  for (const auto& f : EmbeddedSqlFiles())
    if (f.path == path) return f;
  throw std::runtime_error("sql/" + path + " is not embedded");
}

std::vector<const SqlFile*> Migrations(const std::string& dialect) {
  std::vector<const SqlFile*> out;
  const std::string prefix = "schema/" + dialect + "/";
  for (const auto& f : EmbeddedSqlFiles())
    if (f.path.rfind(prefix, 0) == 0) out.push_back(&f);
  return out;  // EmbeddedSqlFiles is sorted, and versions are zero-padded
}

int MigrationVersion(const SqlFile& f) {
  auto slash = f.path.rfind('/');
  return std::atoi(f.path.c_str() + slash + 1);
}

std::vector<ViewDef> Views() {
  std::vector<ViewDef> out;
  for (const char* layer : {"staging/", "marts/"}) {
    for (const auto& f : EmbeddedSqlFiles()) {
      if (f.path.rfind(layer, 0) != 0) continue;
      if (f.path.size() < 4 || f.path.compare(f.path.size() - 4, 4, ".sql") != 0) continue;
      const std::string key = "CREATE VIEW ";
      auto at = f.text.find(key);
      if (at == std::string::npos) continue;
      auto start = at + key.size();
      auto end = f.text.find_first_of(" \n", start);
      out.push_back({f.text.substr(start, end - start), &f});
    }
  }
  return out;
}

namespace {

constexpr std::uint64_t kFnvStart = 0xcbf29ce484222325ULL;

std::uint64_t Fnv(std::uint64_t h, std::string_view text) {
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string Hex(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::string DefinitionHash(const std::string& text) { return Hex(Fnv(kFnvStart, text)); }

// DefinitionHash of the pieces joined, hashed piece by piece: units.yaml's text (~0.7 MB at
// national size) is not copied on every run.
std::string DimensionsDefinition(const std::vector<Template>& templates,
                                 const GazetteerSources& gazetteer) {
  using namespace std::string_view_literals;
  std::uint64_t h = kFnvStart;
  for (const auto& t : templates) h = Fnv(Fnv(h, t.source_text), "\0"sv);
  h = Fnv(Fnv(h, gazetteer.units_text), "\0"sv);
  h = Fnv(h, gazetteer.divisions_version + '\t' + std::to_string(gazetteer.divisions_digest));
  return Hex(h);
}

std::string CreateOrReplaceView(const ViewDef& view) {
  std::string text = view.file->text;
  const std::string key = "CREATE VIEW ";
  auto at = text.find(key);
  if (at != std::string::npos) text.replace(at, key.size(), "CREATE OR REPLACE VIEW ");
  return text;
}

namespace {

std::string WithIds(std::string sql, const std::string& ids_expr) {
  static const std::string kToken = ":report_ids";
  for (auto at = sql.find(kToken); at != std::string::npos; at = sql.find(kToken, at))
    sql.replace(at, kToken.size(), ids_expr), at += ids_expr.size();
  return sql;
}

}  // namespace

std::vector<std::string> FactFills(const std::string& ids_expr) {
  std::vector<std::string> out;
  for (const auto& f : EmbeddedSqlFiles())
    if (f.path.rfind("facts/", 0) == 0) out.push_back(WithIds(f.text, ids_expr));
  return out;
}

std::string FactFill(const std::string& name, const std::string& ids_expr) {
  return WithIds(EmbeddedSqlFile("facts/" + name + ".sql").text, ids_expr);
}

std::string FactStateSql(const std::string& ids_expr) {
  return WithIds(
      "SELECT r.report_id, r.counted, EXISTS (SELECT 1 FROM cell_correction k "
      "WHERE k.division_code = COALESCE(r.division_code, '') AND k.unit = r.unit "
      "AND k.year = r.year) FROM report r "
      "WHERE r.status = 'loaded' AND r.report_id IN (:report_ids)",
      ids_expr);
}

const std::vector<std::string>& FactTables() {
  static const std::vector<std::string> tables = {"report_fact", "report_applicant_fact",
                                                      "report_rule_fact"};
  return tables;
}

}  // namespace gongkai
