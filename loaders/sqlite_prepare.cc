#include "loaders/sqlite_prepare.h"

#include <map>
#include <set>

#include "loaders/dictionary.h"
#include "loaders/sql_files.h"

namespace gongkai {
namespace {

bool Exists(Db& db, const std::string& name) {
  Stmt s(db, "SELECT count(*) FROM sqlite_master WHERE name = ?");
  s.Text(1, name).Step();
  return s.ColumnInt(0) > 0;
}

// One row per migration applied. Before v4 the table held one row, the highest version, and
// versions were applied in order: everything up to it is in.
void ApplyMigrations(Db& db) {
  db.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  std::set<long long> applied;
  Stmt s(db, "SELECT version FROM schema_version");
  while (s.Step()) applied.insert(s.ColumnInt(0));
  if (applied.size() == 1 && *applied.begin() <= 2)
    for (long long v = 1; v < *applied.begin(); ++v) applied.insert(v);
  bool backfill = false;
  for (const SqlFile* m : Migrations("sqlite")) {
    if (applied.count(MigrationVersion(*m))) continue;
    db.Exec(m->text);
    backfill |= AddsFactTables(MigrationVersion(*m));
    Stmt(db, "INSERT INTO schema_version (version) VALUES (?)").Int(1, MigrationVersion(*m)).Run();
  }
  // Reports loaded before the fact tables existed; after every migration, as the fills read
  // tables of later ones (cell_correction).
  if (backfill) {
    for (const std::string& table : FactTables()) db.Exec("DELETE FROM " + table);
    for (const auto& sql : FactFills("SELECT report_id FROM report")) db.Exec(sql);
  }
}

void Record(Db& db, const std::string& name, const char* kind, const std::string& definition) {
  Stmt(db, "INSERT OR REPLACE INTO warehouse_object (name, kind, definition) VALUES (?,?,?)")
      .Text(1, name)
      .Text(2, kind)
      .Text(3, definition)
      .Run();
}

// The division table, rewritten only when the data differs from what it was filled from.
void WriteDivisions(Db& db, const Divisions& divisions) {
  std::string digest = std::to_string(divisions.digest());
  {
    Stmt same(db, "SELECT count(*) FROM division_source WHERE version=? AND digest=?");
    same.Text(1, divisions.version()).Text(2, digest);
    same.Step();
    if (same.ColumnInt(0) > 0) return;
  }
  db.Exec("DELETE FROM division; DELETE FROM division_source;");
  Stmt ins(db, "INSERT INTO division (code, name, level, parent_code, pseudo) VALUES (?,?,?,?,?)");
  for (const auto& d : divisions.all())
    ins.Text(1, d.code).Text(2, d.name).Text(3, DivisionLevelName(d.level))
        .OptText(4, d.parent_code).Int(5, d.pseudo ? 1 : 0).Run();
  Stmt(db, "INSERT INTO division_source (version, digest) VALUES (?,?)")
      .Text(1, divisions.version())
      .Text(2, digest)
      .Run();
}

void WriteDimensions(Db& db, const std::vector<Template>& templates, const Gazetteer& gazetteer) {
  for (const char* t : {"dim_table", "dim_row", "dim_col", "dim_code", "gazetteer"})
    db.Exec(std::string("DELETE FROM ") + t);
  Stmt table(db,
             "INSERT OR IGNORE INTO dim_table (table_code, label_zh, label_en) VALUES (?,?,?)");
  Stmt row(db,
           "INSERT INTO dim_row (edition, table_code, row_code, label_zh, group_zh, sort_order, "
           "label_en) VALUES (?,?,?,?,?,?,?)");
  Stmt col(db,
           "INSERT INTO dim_col (edition, table_code, col_code, label_zh, measure, sort_order, "
           "label_en) VALUES (?,?,?,?,?,?,?)");
  for (const auto& t : templates) {
    for (const auto& ts : t.tables) {
      table.Text(1, ts.code).Text(2, ts.label).OptText(3, TemplateEnglish("tables", ts.code)).Run();
      int order = 0;
      for (const auto& r : ts.rows)
        row.Int(1, t.edition).Text(2, ts.code).Text(3, r.code).Text(4, r.label)
            .OptText(5, r.group).Int(6, ++order)
            .OptText(7, TemplateEnglish("rows", ts.code + "." + r.code)).Run();
      order = 0;
      for (const auto& c : ts.columns)
        col.Int(1, t.edition).Text(2, ts.code).Text(3, c.code).Text(4, c.label)
            .Text(5, c.measure).Int(6, ++order)
            .OptText(7, TemplateEnglish("columns", ts.code + "." + c.code)).Run();
    }
  }
  Stmt code(db, "INSERT OR REPLACE INTO dim_code (code_kind, code, label_zh, label_en) "
                 "VALUES (?,?,?,?)");
  for (const auto& c : AllCodeLabels(templates))
    code.Text(1, c.kind).Text(2, c.code).Text(3, c.zh).Text(4, c.en).Run();
  db.Exec("DELETE FROM unit_alias");
  Stmt alias(db, "INSERT INTO unit_alias (name, division_code) VALUES (?,?)");
  for (const auto& [name, division] : gazetteer.aliases) alias.Text(1, name).Text(2, division).Run();
  WriteDivisions(db, *gazetteer.divisions);
}

// data_dictionary from the embedded dictionary, for the columns the database really has.
void WriteDictionary(Db& db) {
  auto columns = [&](const std::string& object) {
    std::vector<std::string> out;
    Stmt s(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    s.Text(1, object);
    while (s.Step()) out.push_back(s.ColumnText(0));
    return out;
  };
  ObjectColumns tables, views;
  for (const auto& t : BaseTables("sqlite")) tables.emplace_back(t, columns(t));
  for (const auto& v : Views()) views.emplace_back(v.name, columns(v.name));
  db.Exec("DELETE FROM data_dictionary");
  Stmt ins(db, "INSERT OR REPLACE INTO data_dictionary (object_name, column_name, object_kind, "
                "description_zh, description_en) VALUES (?,?,?,?,?)");
  for (const auto& r : DictionaryRows(tables, views))
    ins.Text(1, r.object).Text(2, r.column).Text(3, r.kind).Text(4, r.zh).Text(5, r.en).Run();
}

}  // namespace

// Migrations once each; views and dimension tables only when their definitions changed
// (warehouse_object), so an unchanged run writes nothing here. SQLite tracks no dependencies:
// when any view changed, all of gongkai's are dropped and created again in this transaction
// (others' views on them keep working where the columns they use remain).
void PrepareSqlite(Db& db, const std::vector<Template>& templates,
                   const LazyGazetteer& gazetteer) {
  ApplyMigrations(db);
  std::map<std::string, std::string> recorded;
  Stmt known(db, "SELECT name, definition FROM warehouse_object WHERE kind = 'view'");
  while (known.Step()) recorded[known.ColumnText(0)] = known.ColumnText(1);
  auto views = Views();
  bool changed = recorded.size() != views.size();
  for (const auto& v : views) {
    auto it = recorded.find(v.name);
    changed = changed || it == recorded.end() || it->second != DefinitionHash(v.file->text) ||
              !Exists(db, v.name);
  }
  if (changed) {
    for (auto it = recorded.rbegin(); it != recorded.rend(); ++it)
      db.Exec("DROP VIEW IF EXISTS \"" + it->first + "\"");  // names we recorded ourselves
    for (auto it = views.rbegin(); it != views.rend(); ++it)
      db.Exec("DROP VIEW IF EXISTS " + it->name);  // names come from our own sql/ files
    db.Exec("DELETE FROM warehouse_object WHERE kind = 'view'");
    for (const auto& v : views) {
      db.Exec(v.file->text);
      Record(db, v.name, "view", DefinitionHash(v.file->text));
    }
  }
  const std::string dims =
      DefinitionHash(DimensionsDefinition(templates, gazetteer.sources()) +
                     EmbeddedDictionaryDefinition());
  Stmt had(db, "SELECT definition FROM warehouse_object WHERE name = 'dimensions'");
  if (!had.Step() || had.ColumnText(0) != dims) {
    had.Reset();
    WriteDimensions(db, templates, gazetteer.Get());
    Record(db, "dimensions", "dimensions", dims);
  }
  const std::string dict = DictionaryDefinition("sqlite");
  Stmt had_dict(db, "SELECT definition FROM warehouse_object WHERE name = 'dictionary'");
  if (!had_dict.Step() || had_dict.ColumnText(0) != dict) {
    had_dict.Reset();
    WriteDictionary(db);
    Record(db, "dictionary", "dictionary", dict);
  }
}

}  // namespace gongkai
