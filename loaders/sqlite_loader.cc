#include "loaders/sqlite_loader.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <set>

#include "loaders/dictionary.h"
#include "loaders/sql_files.h"
#include "loaders/sqlite_db.h"

namespace gongkai {
namespace {

class SqliteLoader : public Loader {
 public:
  explicit SqliteLoader(const std::string& path) : path_(path), db_(path) {
    // Foreign keys are declared for readers but not enforced here: the loader deletes a
    // report's child rows itself, and a per-row parent lookup would cost a third of a load.
    db_.Exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
        "PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000;");
  }
  ~SqliteLoader() override {
    // Whole reports still pending are kept; a report cut short by an exception is not.
    if (batch_ && !in_report_) {
      try {
        Flush();
      } catch (const LoadError&) {  // the batch is rolled back; the next run loads it again
      }
    }
    batch_.reset();
    if (lock_fd_ >= 0) close(lock_fd_);  // releases the flock
  }

  bool TryLockRun(const std::string& /*shard*/) override {
    if (lock_fd_ >= 0) return true;
    std::string lock_path = path_ + ".lock";
    int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw LoadError("cannot open lock file " + lock_path);
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      close(fd);
      return false;
    }
    lock_fd_ = fd;
    return true;
  }

  std::vector<ManifestEntry> Manifest() override {
    Flush();
    std::vector<ManifestEntry> out;
    Stmt s(db_,
           "SELECT source_path, size_bytes, COALESCE(mtime_ns, 0), extractor_version "
           "FROM report ORDER BY source_path");
    while (s.Step()) {
      ManifestEntry e;
      e.source.path = s.ColumnText(0);
      e.source.size = static_cast<std::uint64_t>(s.ColumnInt(1));
      e.source.mtime_ns = s.ColumnInt(2);
      e.extractor_version = s.ColumnText(3);
      out.push_back(std::move(e));
    }
    return out;
  }

  long long BeginRun(const RunRecord& run) override {
    Flush();
    Transaction tx(db_);
    Stmt(db_, "UPDATE run SET status='aborted' WHERE status='running' AND shard=?")
        .Text(1, run.shard)
        .Run();
    Stmt s(db_,
           "INSERT INTO run (shard, started_at, status, extractor_version) "
           "VALUES (?, ?, 'running', ?) RETURNING run_id");
    s.Text(1, run.shard).Text(2, run.started_at).Text(3, run.extractor_version);
    s.Step();
    long long id = s.ColumnInt(0);
    s.Reset();
    tx.Commit();
    return id;
  }

  void FinishRun(long long run_id, const RunRecord& run) override {
    Flush();
    Transaction tx(db_);
    Stmt(db_,
         "UPDATE run SET finished_at=?, status='finished', exit_code=?, files_seen=?, loaded=?, "
         "skipped=?, failed=?, missing=?, removed=?, findings=? WHERE run_id=?")
        .Text(1, run.finished_at)
        .Int(2, run.exit_code)
        .Int(3, run.files_seen)
        .Int(4, run.loaded)
        .Int(5, run.skipped)
        .Int(6, run.failed)
        .Int(7, run.missing)
        .Int(8, run.removed)
        .Int(9, run.findings)
        .Int(10, run_id)
        .Run();
    Stmt f(db_,
           "INSERT OR REPLACE INTO run_file (run_id, source_path, outcome, error_kind, message) "
           "VALUES (?,?,?,?,?)");
    for (const auto& x : run.files)
      f.Int(1, run_id).Text(2, x.path).Text(3, x.outcome).OptText(4, x.error_kind)
          .OptText(5, x.message).Run();
    tx.Commit();
  }

  void RemoveReport(const std::string& source_path) override {
    Flush();
    Transaction tx(db_);
    Stmt find(db_, "SELECT report_id FROM report WHERE source_path=?");
    find.Text(1, source_path);
    if (find.Step()) {
      long long id = find.ColumnInt(0);
      find.Reset();
      for (const char* sql : {"DELETE FROM cell WHERE report_id=?",
                              "DELETE FROM finding WHERE report_id=?",
                              "DELETE FROM rule_result WHERE report_id=?",
                              "DELETE FROM report WHERE report_id=?"})
        Stmt(db_, sql).Int(1, id).Run();
    }
    tx.Commit();
  }

  // Migrations once each; views and dimension tables only when their definitions changed
  // (warehouse_object), so an unchanged run writes nothing here. SQLite tracks no dependencies:
  // when any view changed, all of gongkai's are dropped and created again in this transaction
  // (others' views on them keep working where the columns they use remain).
  void Prepare(const std::vector<Template>& templates, const Gazetteer& gazetteer) override {
    Flush();
    Transaction tx(db_);
    ApplyMigrations();
    std::map<std::string, std::string> recorded;
    Stmt known(db_, "SELECT name, definition FROM warehouse_object WHERE kind = 'view'");
    while (known.Step()) recorded[known.ColumnText(0)] = known.ColumnText(1);
    auto views = Views();
    bool changed = recorded.size() != views.size();
    for (const auto& v : views) {
      auto it = recorded.find(v.name);
      changed = changed || it == recorded.end() || it->second != DefinitionHash(v.file->text) ||
                !Exists(v.name);
    }
    if (changed) {
      for (auto it = recorded.rbegin(); it != recorded.rend(); ++it)
        db_.Exec("DROP VIEW IF EXISTS \"" + it->first + "\"");  // names we recorded ourselves
      for (auto it = views.rbegin(); it != views.rend(); ++it)
        db_.Exec("DROP VIEW IF EXISTS " + it->name);  // names come from our own sql/ files
      db_.Exec("DELETE FROM warehouse_object WHERE kind = 'view'");
      for (const auto& v : views) {
        db_.Exec(v.file->text);
        Record(v.name, "view", DefinitionHash(v.file->text));
      }
    }
    const std::string dims =
        DefinitionHash(DimensionsDefinition(templates, gazetteer) + EmbeddedDictionary().definition);
    Stmt had(db_, "SELECT definition FROM warehouse_object WHERE name = 'dimensions'");
    if (!had.Step() || had.ColumnText(0) != dims) {
      had.Reset();
      WriteDimensions(templates, gazetteer);
      Record("dimensions", "dimensions", dims);
    }
    const std::string dict = DictionaryDefinition("sqlite");
    Stmt had_dict(db_, "SELECT definition FROM warehouse_object WHERE name = 'dictionary'");
    if (!had_dict.Step() || had_dict.ColumnText(0) != dict) {
      had_dict.Reset();
      WriteDictionary();
      Record("dictionary", "dictionary", dict);
    }
    tx.Commit();
  }

  void LoadReport(const ReportRecord& r) override {
    OpenBatch();
    in_report_ = true;
    long long id = UpsertReport(r.source, r.content_sha256, r.extractor_version);
    Cached(
         "UPDATE report SET status='loaded', error_kind=NULL, error_message=NULL, title=?, "
         "unit=?, year=?, county=?, county_source=?, edition=?, cell_count=?, finding_count=?, "
         "encoding=? WHERE report_id=?")
        .Text(1, r.identity.title)
        .Text(2, r.identity.unit)
        .Int(3, r.identity.year)
        .OptText(4, r.identity.county.value_or(""))
        .OptText(5, r.identity.county_source)
        .Int(6, r.identity.edition)
        .Int(7, static_cast<long long>(r.cells.size()))
        .Int(8, static_cast<long long>(r.findings.size()))
        .OptText(9, r.encoding)
        .Int(10, id)
        .Run();
    Stmt& cell = Cached(
              "INSERT INTO cell (report_id, table_code, row_code, col_code, state, value, "
              "measure, raw, source_line) VALUES (?,?,?,?,?,?,?,?,?)");
    for (const auto& c : r.cells) {
      cell.Int(1, id).Text(2, c.table).Text(3, c.row).Text(4, c.col).Text(5, CellStateName(c.state));
      cell.Real(6, c.value).Text(7, c.measure).Text(8, c.raw).Int(9, c.line).Run();
    }
    Stmt& finding = Cached(
                 "INSERT INTO finding (report_id, seq, kind, severity, table_code, row_code, "
                 "col_code, source_line, raw, message) VALUES (?,?,?,?,?,?,?,?,?,?)");
    int seq = 0;
    for (const auto& f : r.findings) {
      finding.Int(1, id).Int(2, ++seq).Text(3, f.kind).Text(4, SeverityName(f.severity));
      finding.OptText(5, f.table).OptText(6, f.row).OptText(7, f.col);
      if (f.line > 0) finding.Int(8, f.line);
      else finding.Null(8);
      finding.OptText(9, f.raw).Text(10, f.message).Run();
    }
    Stmt& rule = Cached(
              "INSERT INTO rule_result (report_id, rule_key, subject, lhs_terms, rhs_terms, lhs, "
              "rhs, diff, status) VALUES (?,?,?,?,?,?,?,?,?)");
    for (const auto& x : r.rules) {
      rule.Int(1, id).Text(2, x.rule_key).Text(3, x.subject).Text(4, x.lhs_terms);
      rule.Text(5, x.rhs_terms).Real(6, x.lhs).Real(7, x.rhs).Real(8, x.diff);
      rule.Text(9, RuleStatusName(x.status)).Run();
    }
    CloseBatchIfFull();
  }

  void LoadFailure(const FailedFile& f) override {
    OpenBatch();
    in_report_ = true;
    long long id = UpsertReport(f.source, f.content_sha256, f.extractor_version);
    Cached(
         "UPDATE report SET status='failed', error_kind=?, error_message=?, title=NULL, "
         "unit=NULL, year=NULL, county=NULL, county_source=NULL, edition=NULL, cell_count=0, "
         "finding_count=0, encoding=NULL WHERE report_id=?")
        .Text(1, f.error_kind)
        .Text(2, f.message)
        .Int(3, id)
        .Run();
    CloseBatchIfFull();
  }

  void Flush() override {
    if (!batch_) return;
    batch_->Commit();
    batch_.reset();
    batch_reports_ = 0;
  }

  int SchemaVersion() override { return ReadVersion(); }

  std::vector<DictionaryRow> DataDictionary() override {
    Flush();
    std::vector<DictionaryRow> out;
    Stmt s(db_, "SELECT object_name, column_name, object_kind, description_zh, description_en "
                "FROM data_dictionary ORDER BY rowid");
    while (s.Step())
      out.push_back({s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3),
                     s.ColumnText(4)});
    return out;
  }
  std::string Describe() const override { return "SQLite " + path_; }

 private:
  bool Exists(const std::string& name) {
    Stmt s(db_, "SELECT count(*) FROM sqlite_master WHERE name = ?");
    s.Text(1, name).Step();
    return s.ColumnInt(0) > 0;
  }

  // One row per migration applied. Before v4 the table held one row, the highest version, and
  // versions were applied in order: everything up to it is in.
  void ApplyMigrations() {
    db_.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    std::set<long long> applied;
    Stmt s(db_, "SELECT version FROM schema_version");
    while (s.Step()) applied.insert(s.ColumnInt(0));
    if (applied.size() == 1 && *applied.begin() <= 2)
      for (long long v = 1; v < *applied.begin(); ++v) applied.insert(v);
    for (const SqlFile* m : Migrations("sqlite")) {
      if (applied.count(MigrationVersion(*m))) continue;
      db_.Exec(m->text);
      Stmt(db_, "INSERT INTO schema_version (version) VALUES (?)").Int(1, MigrationVersion(*m)).Run();
    }
  }

  void Record(const std::string& name, const char* kind, const std::string& definition) {
    Stmt(db_, "INSERT OR REPLACE INTO warehouse_object (name, kind, definition) VALUES (?,?,?)")
        .Text(1, name)
        .Text(2, kind)
        .Text(3, definition)
        .Run();
  }

  int ReadVersion() {
    Stmt exists(db_, "SELECT count(*) FROM sqlite_master WHERE name='schema_version'");
    exists.Step();
    if (exists.ColumnInt(0) == 0) return 0;
    Stmt s(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
    s.Step();
    return static_cast<int>(s.ColumnInt(0));
  }

  // Keeps the report_id of an earlier load of the same path and clears its child rows.
  long long UpsertReport(const SourceFile& src, const std::string& sha, const std::string& ver) {
    Stmt& up = Cached(
            "INSERT INTO report (source_path, content_sha256, size_bytes, mtime_ns, "
            "extractor_version, status) VALUES (?,?,?,?,?,'failed') ON CONFLICT (source_path) "
            "DO UPDATE SET content_sha256=excluded.content_sha256, "
            "size_bytes=excluded.size_bytes, mtime_ns=excluded.mtime_ns, "
            "extractor_version=excluded.extractor_version RETURNING report_id");
    up.Text(1, src.path).OptText(2, sha).Int(3, static_cast<long long>(src.size));
    up.Int(4, src.mtime_ns).Text(5, ver);
    up.Step();
    long long id = up.ColumnInt(0);
    up.Reset();
    for (const char* sql : {"DELETE FROM cell WHERE report_id=?",
                            "DELETE FROM finding WHERE report_id=?",
                            "DELETE FROM rule_result WHERE report_id=?"})
      Cached(sql).Int(1, id).Run();
    return id;
  }

  void WriteDimensions(const std::vector<Template>& templates, const Gazetteer& gazetteer) {
    for (const char* t : {"dim_table", "dim_row", "dim_col", "dim_code", "gazetteer"})
      db_.Exec(std::string("DELETE FROM ") + t);
    Stmt table(db_,
               "INSERT OR IGNORE INTO dim_table (table_code, label_zh, label_en) VALUES (?,?,?)");
    Stmt row(db_,
             "INSERT INTO dim_row (edition, table_code, row_code, label_zh, group_zh, sort_order, "
             "label_en) VALUES (?,?,?,?,?,?,?)");
    Stmt col(db_,
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
    Stmt code(db_, "INSERT OR REPLACE INTO dim_code (code_kind, code, label_zh, label_en) "
                   "VALUES (?,?,?,?)");
    for (const auto& c : AllCodeLabels(templates))
      code.Text(1, c.kind).Text(2, c.code).Text(3, c.zh).Text(4, c.en).Run();
    Stmt gz(db_, "INSERT OR IGNORE INTO gazetteer (county, unit) VALUES (?,?)");
    for (const auto& [county, unit] : gazetteer.entries) gz.Text(1, county).Text(2, unit).Run();
  }

  // data_dictionary from the embedded dictionary, for the columns the database really has.
  void WriteDictionary() {
    auto columns = [&](const std::string& object) {
      std::vector<std::string> out;
      Stmt s(db_, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
      s.Text(1, object);
      while (s.Step()) out.push_back(s.ColumnText(0));
      return out;
    };
    ObjectColumns tables, views;
    for (const auto& t : BaseTables("sqlite")) tables.emplace_back(t, columns(t));
    for (const auto& v : Views()) views.emplace_back(v.name, columns(v.name));
    db_.Exec("DELETE FROM data_dictionary");
    Stmt ins(db_, "INSERT OR REPLACE INTO data_dictionary (object_name, column_name, object_kind, "
                  "description_zh, description_en) VALUES (?,?,?,?,?)");
    for (const auto& r : DictionaryRows(tables, views))
      ins.Text(1, r.object).Text(2, r.column).Text(3, r.kind).Text(4, r.zh).Text(5, r.en).Run();
  }

  // Reports are written in batches: one transaction holds up to kBatchReports whole reports or
  // kBatchTime of work, whichever comes first, so a crash loses (and the next run redoes) at
  // most that batch, and no reader ever sees part of a report.
  static constexpr int kBatchReports = 64;
  static constexpr std::chrono::milliseconds kBatchTime{250};

  void OpenBatch() {
    if (batch_) return;
    batch_ = std::make_unique<Transaction>(db_);
    batch_start_ = std::chrono::steady_clock::now();
  }

  void CloseBatchIfFull() {
    in_report_ = false;
    if (++batch_reports_ >= kBatchReports ||
        std::chrono::steady_clock::now() - batch_start_ >= kBatchTime)
      Flush();
  }

  // Statements of the per-report path, prepared once (keyed by their literal's address).
  Stmt& Cached(const char* sql) {
    auto& st = cache_[sql];
    if (!st) st = std::make_unique<Stmt>(db_, sql);
    return *st;
  }

  std::string path_;
  Db db_;
  int lock_fd_ = -1;
  std::map<const char*, std::unique_ptr<Stmt>> cache_;  // destroyed before db_
  std::unique_ptr<Transaction> batch_;  // rolled back if never flushed
  int batch_reports_ = 0;
  bool in_report_ = false;  // a load is under way (an exception left it half written)
  std::chrono::steady_clock::time_point batch_start_;
};

}  // namespace

std::unique_ptr<Loader> OpenSqliteLoader(const std::string& path) {
  return std::make_unique<SqliteLoader>(path);
}

}  // namespace gongkai
