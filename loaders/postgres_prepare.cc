#include "loaders/postgres_prepare.h"

#include <future>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "loaders/dictionary.h"
#include "loaders/loader.h"
#include "loaders/pg_batch.h"
#include "loaders/sql_files.h"

namespace gongkai {
namespace {

using OptText = std::optional<std::string>;
using PgTextArray = PgBatchWriter::TextArray;
OptText Opt(const std::string& s) { return s.empty() ? OptText{} : OptText{s}; }

bool Exists(pqxx::work& tx, const std::string& relation) {
  return tx.exec_params("SELECT to_regclass($1) IS NOT NULL", relation)[0][0].as<bool>();
}

// Objects that depend on `view` through their rewrite rules (views, materialized views),
// transitively, by name; gongkai's own views excluded.
std::vector<std::string> OthersDependingOn(pqxx::work& tx, const std::string& view,
                                           const std::set<std::string>& ours) {
  auto rows = tx.exec_params(
      "WITH RECURSIVE dep(oid) AS ("
      "  SELECT DISTINCT r.ev_class FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid "
      "  WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = to_regclass($1) "
      "    AND r.ev_class <> to_regclass($1) "
      "  UNION "
      "  SELECT r.ev_class FROM dep JOIN pg_depend d ON d.refobjid = dep.oid "
      "  JOIN pg_rewrite r ON r.oid = d.objid "
      "  WHERE d.classid = 'pg_rewrite'::regclass AND r.ev_class <> dep.oid) "
      "SELECT DISTINCT oid::regclass::text FROM dep ORDER BY 1",
      view);
  std::vector<std::string> out;
  for (const auto& row : rows) {
    std::string name = row[0].as<std::string>();
    if (!ours.count(name)) out.push_back(name);
  }
  return out;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void ApplyMigrations(pqxx::work& tx) {
  tx.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  std::set<int> applied;
  for (const auto& row : tx.exec("SELECT version FROM schema_version")) applied.insert(row[0].as<int>());
  // Before v4 the table held one row, the highest version applied, and versions were applied in
  // order: everything up to it is in.
  if (applied.size() == 1 && *applied.begin() <= 2)
    for (int v = 1; v < *applied.begin(); ++v) applied.insert(v);
  // Every pending migration and its schema_version row in one multi-statement query: one round
  // trip instead of two per migration (a fresh database applies them all). "\n;\n" ends a file
  // whose last line is a comment. The versions are numbers from our own file names.
  bool backfill = false;
  std::string pending;
  for (const SqlFile* m : Migrations("postgres")) {
    int v = MigrationVersion(*m);
    if (applied.count(v)) continue;
    pending += m->text;
    pending += "\n;\nINSERT INTO schema_version (version) VALUES (" + std::to_string(v) + ");\n";
    backfill |= AddsFactTables(v);
  }
  if (!pending.empty()) tx.exec(pending);
  // Reports loaded before the fact tables existed; after every migration, as the fills read
  // tables of later ones (cell_correction).
  if (backfill) {
    for (const std::string& table : FactTables()) tx.exec("DELETE FROM " + table);
    for (const auto& sql : FactFills("SELECT report_id FROM report")) tx.exec(sql);
  }
}

// The division table, rewritten only when the data differs from what it was filled from.
void WriteDivisions(pqxx::work& tx, const Divisions& divisions) {
  std::string digest = std::to_string(divisions.digest());
  auto same = tx.exec_params("SELECT count(*) FROM division_source WHERE version=$1 AND digest=$2",
                             divisions.version(), digest);
  if (same[0][0].as<long long>() > 0) return;
  tx.exec("DELETE FROM division");
  tx.exec("DELETE FROM division_source");
  {
    pqxx::stream_to div(tx, "division", std::vector<std::string>{"code", "name", "level",
                                                                 "parent_code", "pseudo"});
    for (const auto& d : divisions.all())
      div << std::make_tuple(d.code, d.name, std::string(DivisionLevelName(d.level)),
                             Opt(d.parent_code), d.pseudo ? 1LL : 0LL);
    div.complete();
  }
  tx.exec_params("INSERT INTO division_source (version, digest) VALUES ($1, $2)",
                 divisions.version(), digest);
}

void WriteDimensions(pqxx::work& tx, const std::vector<Template>& templates,
                     const Gazetteer& gazetteer) {
  for (const char* t : {"dim_table", "dim_row", "dim_col", "dim_code", "gazetteer"})
    tx.exec(std::string("DELETE FROM ") + t);
  // A table code shared by editions keeps its first label (the SQLite loader's INSERT OR IGNORE).
  std::set<std::string> seen;
  {
    pqxx::stream_to table(tx, "dim_table",
                          std::vector<std::string>{"table_code", "label_zh", "label_en"});
    for (const auto& t : templates)
      for (const auto& ts : t.tables)
        if (seen.insert(ts.code).second)
          table << std::make_tuple(ts.code, ts.label, Opt(TemplateEnglish("tables", ts.code)));
    table.complete();
  }
  {
    pqxx::stream_to row(tx, "dim_row",
                        std::vector<std::string>{"edition", "table_code", "row_code", "label_zh",
                                                 "group_zh", "sort_order", "label_en"});
    for (const auto& t : templates)
      for (const auto& ts : t.tables) {
        long long order = 0;
        for (const auto& r : ts.rows)
          row << std::make_tuple(static_cast<long long>(t.edition), ts.code, r.code, r.label,
                                 Opt(r.group), ++order,
                                 Opt(TemplateEnglish("rows", ts.code + "." + r.code)));
      }
    row.complete();
  }
  {
    pqxx::stream_to col(tx, "dim_col",
                        std::vector<std::string>{"edition", "table_code", "col_code", "label_zh",
                                                 "measure", "sort_order", "label_en"});
    for (const auto& t : templates)
      for (const auto& ts : t.tables) {
        long long order = 0;
        for (const auto& c : ts.columns)
          col << std::make_tuple(static_cast<long long>(t.edition), ts.code, c.code, c.label,
                                 c.measure, ++order,
                                 Opt(TemplateEnglish("columns", ts.code + "." + c.code)));
      }
    col.complete();
  }
  tx.exec("DELETE FROM unit_alias");
  {
    pqxx::stream_to alias(tx, "unit_alias", std::vector<std::string>{"name", "division_code"});
    for (const auto& [name, code] : gazetteer.aliases) alias << std::make_tuple(name, code);
    alias.complete();
  }
  {
    std::map<std::pair<std::string, std::string>, CodeLabel> codes;  // a later line wins
    for (const auto& c : AllCodeLabels(templates)) codes[{c.kind, c.code}] = c;
    pqxx::stream_to code(tx, "dim_code",
                         std::vector<std::string>{"code_kind", "code", "label_zh", "label_en"});
    for (const auto& [key, c] : codes) code << std::make_tuple(c.kind, c.code, c.zh, c.en);
    code.complete();
  }
  WriteDivisions(tx, *gazetteer.divisions);
}

// data_dictionary, and the same text as COMMENT ON every table, view and column. Two round
// trips whatever the number of columns: one query for every object's columns (pg_attribute, in
// column order, as information_schema.columns lists them), and every COMMENT in one
// multi-statement query (names from our migrations and views; text from our data, quoted).
void WriteDictionary(pqxx::work& tx) {
  std::vector<std::string> names;
  for (const auto& t : BaseTables("postgres")) names.push_back(t);
  for (const auto& v : Views()) names.push_back(v.name);
  PgTextArray list;
  for (const auto& n : names) list.Add(n);
  std::map<std::string, std::vector<std::string>> columns;
  for (const auto& row : tx.exec_params(
           "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
           "WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relname = ANY($1::text[]) "
           "AND c.relkind IN ('r', 'v', 'f', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped "
           "ORDER BY c.relname, a.attnum",
           list.Done()))
    columns[row[0].as<std::string>()].push_back(row[1].as<std::string>());
  ObjectColumns tables, views;
  for (const auto& t : BaseTables("postgres")) tables.emplace_back(t, columns[t]);
  for (const auto& v : Views()) views.emplace_back(v.name, columns[v.name]);
  tx.exec("DELETE FROM data_dictionary");
  pqxx::stream_to dd(tx, "data_dictionary",
                     std::vector<std::string>{"object_name", "column_name", "object_kind",
                                              "description_zh", "description_en"});
  auto rows = DictionaryRows(tables, views);
  for (const auto& r : rows) dd << std::make_tuple(r.object, r.column, r.kind, r.zh, r.en);
  dd.complete();
  std::string comments;
  for (const auto& r : rows) {
    const std::string text = tx.quote(r.zh.empty() ? std::string() : r.zh + "\n" + r.en);
    if (r.column.empty())
      comments += "COMMENT ON " + std::string(r.kind == "view" ? "VIEW " : "TABLE ") + r.object +
                  " IS " + text + ";\n";
    else
      comments += "COMMENT ON COLUMN " + r.object + "." + tx.quote_name(r.column) + " IS " +
                  text + ";\n";
  }
  if (!comments.empty()) tx.exec(comments);
}

void Record(pqxx::work& tx, const std::string& name, const char* kind, const std::string& def) {
  tx.exec_params(
      "INSERT INTO warehouse_object (name, kind, definition) VALUES ($1, $2, $3) "
      "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, definition = excluded.definition",
      name, kind, def);
}

}  // namespace

int ReadPostgresVersion(pqxx::work& tx) {
  if (!Exists(tx, "schema_version")) return 0;
  return tx.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0][0].as<int>();
}

PrepareReport PreparePostgres(pqxx::work& tx, const std::vector<Template>& templates,
                              const LazyGazetteer& gazetteer, bool migrate) {
  PrepareReport out;
  // The dimension tables need the parsed gazetteer (division data, ~0.2 s of CPU) when they are
  // written: on a fresh database, parsed on a thread of its own while the server runs the
  // migrations. A fault (ConfigError) comes out of get() below, where it came out before.
  std::future<void> parsed;
  if (!gazetteer.loaded() && !Exists(tx, "warehouse_object"))
    parsed = std::async(std::launch::async, [&gazetteer] { gazetteer.Get(); });
  ApplyMigrations(tx);
  std::map<std::string, std::string> recorded;  // view -> definition hash
  for (const auto& row : tx.exec("SELECT name, definition FROM warehouse_object WHERE kind='view'"))
    recorded[row[0].as<std::string>()] = row[1].as<std::string>();

  const auto views = Views();
  std::set<std::string> ours;
  for (const auto& v : views) ours.insert(v.name);
  // Which of our views and of those recorded exist, in one query; after a DROP ... CASCADE
  // (which may take others with it) asked again view by view. Views to create are sent together
  // in one query (in file order) before any other statement, and their warehouse_object rows in
  // one at the end.
  std::set<std::string> existing;
  {
    PgTextArray list;
    for (const auto& v : views) list.Add(v.name);
    for (const auto& [name, def] : recorded) list.Add(name);
    for (const auto& row : tx.exec_params(
             "SELECT n FROM unnest($1::text[]) n WHERE to_regclass(n) IS NOT NULL", list.Done()))
      existing.insert(row[0].as<std::string>());
  }
  bool dropped = false;
  std::string creates;
  std::vector<std::pair<std::string, std::string>> records;  // (name, definition hash), in order
  auto record = [&](const std::string& name, const std::string& def) {
    for (auto& r : records)
      if (r.first == name) return void(r.second = def);
    records.emplace_back(name, def);
  };
  auto send = [&] {
    if (!creates.empty()) tx.exec(creates);
    creates.clear();
  };
  auto exists = [&](const std::string& name) {
    if (!dropped) return existing.count(name) > 0;
    send();
    return Exists(tx, name);
  };
  auto drop_view = [&](const std::string& name) {
    send();
    tx.exec("DROP VIEW " + tx.quote_name(name) + " CASCADE");  // the name is ours or recorded
    dropped = true;
  };
  std::set<std::string> touched;
  // Views gongkai made earlier and no longer defines: dropped, unless others depend on them.
  for (const auto& [name, def] : recorded) {
    if (ours.count(name)) continue;
    if (exists(name)) {
      auto others = OthersDependingOn(tx, name, ours);
      if (!others.empty() && !migrate)
        throw WarehouseRefusal("view " + name + " is no longer part of gongkai, and " +
                               Join(others) + " depend(s) on it: run `gongkai init --migrate` to "
                               "drop them with it, or drop them first");
      drop_view(name);
      out.dropped_dependents.insert(out.dropped_dependents.end(), others.begin(), others.end());
    }
    tx.exec_params("DELETE FROM warehouse_object WHERE name = $1", name);
  }
  for (const auto& v : views) {
    const std::string def = DefinitionHash(v.file->text);
    auto known = recorded.find(v.name);
    const bool is_there = exists(v.name);
    if (is_there && known != recorded.end() && known->second == def) continue;
    touched.insert(v.name);
    if (!is_there) {
      creates += v.file->text;
      creates += "\n;\n";
      out.created.push_back(v.name);
    } else {
      send();
      bool replaced = true;
      try {
        pqxx::subtransaction attempt(tx, "replace_view");
        attempt.exec(CreateOrReplaceView(v));
        attempt.commit();
      } catch (const pqxx::sql_error&) {  // columns changed: the view must be dropped
        replaced = false;
      }
      if (replaced) {
        out.replaced.push_back(v.name);
      } else {
        auto others = OthersDependingOn(tx, v.name, ours);
        if (!others.empty() && !migrate)
          throw WarehouseRefusal("view " + v.name + " changed its columns and must be dropped, "
                                 "but " + Join(others) + " depend(s) on it: run `gongkai init "
                                 "--migrate` to drop them with it, or drop them first");
        drop_view(v.name);
        out.dropped_dependents.insert(out.dropped_dependents.end(), others.begin(), others.end());
        tx.exec(v.file->text);
        out.recreated.push_back(v.name);
      }
    }
    record(v.name, def);
  }
  send();
  // Our views that a CASCADE above took with it (none went when nothing was dropped).
  for (const auto& v : views) {
    if (!dropped || Exists(tx, v.name)) continue;
    tx.exec(v.file->text);
    touched.insert(v.name);
    out.recreated.push_back(v.name);
    record(v.name, DefinitionHash(v.file->text));
  }
  if (!records.empty()) {
    PgTextArray names, defs;
    for (const auto& [name, def] : records) {
      names.Add(name);
      defs.Add(def);
    }
    tx.exec_params(
        "INSERT INTO warehouse_object (name, kind, definition) "
        "SELECT n, 'view', d FROM unnest($1::text[], $2::text[]) AS t(n, d) "
        "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, definition = excluded.definition",
        names.Done(), defs.Done());
  }
  if (!touched.empty()) {
    auto roles = tx.exec("SELECT role_name FROM grant_read ORDER BY role_name");
    for (const auto& name : touched)
      for (const auto& role : roles)
        tx.exec("GRANT SELECT ON " + name + " TO " + tx.quote_name(role[0].as<std::string>()));
  }

  const std::string dims =
      DefinitionHash(DimensionsDefinition(templates, gazetteer.sources()) +
                     EmbeddedDictionaryDefinition());
  auto had = tx.exec("SELECT definition FROM warehouse_object WHERE name = 'dimensions'");
  if (had.empty() || had[0][0].as<std::string>() != dims) {
    if (parsed.valid()) parsed.get();
    WriteDimensions(tx, templates, gazetteer.Get());
    Record(tx, "dimensions", "dimensions", dims);
    out.dimensions_written = true;
  }
  const std::string dict = DictionaryDefinition("postgres");
  auto had_dict = tx.exec("SELECT definition FROM warehouse_object WHERE name = 'dictionary'");
  if (had_dict.empty() || had_dict[0][0].as<std::string>() != dict) {
    WriteDictionary(tx);
    Record(tx, "dictionary", "dictionary", dict);
  }
  return out;
}

void GrantReadPostgres(pqxx::work& tx, const std::string& role) {
  if (tx.exec_params("SELECT 1 FROM pg_roles WHERE rolname = $1", role).empty())
    throw WarehouseRefusal("role " + role + " does not exist: create it first (CREATE ROLE " +
                           role + " LOGIN PASSWORD '...')");
  const std::string who = tx.quote_name(role);
  tx.exec("GRANT USAGE ON SCHEMA " + tx.quote_name(tx.exec("SELECT current_schema()")[0][0]
                                                       .as<std::string>()) + " TO " + who);
  std::vector<std::string> objects = {"dim_table", "dim_row", "dim_col", "dim_code", "gazetteer",
                                      "data_dictionary", "division", "unit_alias"};
  for (const auto& v : Views()) objects.push_back(v.name);
  for (const auto& o : objects)
    if (Exists(tx, o)) tx.exec("GRANT SELECT ON " + o + " TO " + who);
  tx.exec("ALTER DEFAULT PRIVILEGES IN SCHEMA " +
          tx.quote_name(tx.exec("SELECT current_schema()")[0][0].as<std::string>()) +
          " GRANT SELECT ON TABLES TO " + who);
  tx.exec_params("INSERT INTO grant_read (role_name) VALUES ($1) ON CONFLICT DO NOTHING", role);
}

}  // namespace gongkai
