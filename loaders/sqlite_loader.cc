#include "loaders/sqlite_loader.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <memory>

#include "loaders/dictionary.h"
#include "loaders/review_store.h"
#include "loaders/sqlite_checkpointer.h"
#include "loaders/sqlite_db.h"
#include "loaders/sqlite_prepare.h"
#include "loaders/sqlite_writer.h"

namespace gongkai {
namespace {

class SqliteLoader : public Loader {
 public:
  SqliteLoader(const std::string& path, int batch_reports) : path_(path), db_(path) {
    // Foreign keys are declared for readers but not enforced here: the loader deletes a
    // report's child rows itself, and a per-row parent lookup would cost a third of a load.
    db_.Exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
        "PRAGMA cache_size=-65536;");
    // The WAL is checkpointed beside the writer rather than inside its commits, and kept under
    // kWalBoundPages (256 MiB) plus one batch (loaders/sqlite_checkpointer.h).
    checkpointer_ = std::make_unique<SqliteCheckpointer>(db_, path_, kWalBoundPages);
    writer_ = std::make_unique<SqliteReportWriter>(db_, batch_reports);
  }
  ~SqliteLoader() override {
    writer_.reset();  // keeps whole reports still pending, not one cut short by an exception
    checkpointer_.reset();  // before db_, whose close checkpoints the rest and removes the WAL
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

  void ScanManifest(const std::function<void(const ManifestEntry&)>& each) override {
    Flush();
    // Each page is read about once: with the load's 64 MiB the scan alone filled that cache at
    // 100,000 reports (an unchanged re-run's peak RSS then grew 2.1x from 10,000).
    // 256 KiB: the scan walks the index and the rows once; a bigger cache only faults in
    // pages it never reads again (an unchanged re-run's page faults, issue 15).
    ScopedCacheSize small(db_, 256);
    Stmt s(db_,
           "SELECT source_path, size_bytes, COALESCE(mtime_ns, 0), extractor_version, status, "
           "COALESCE(error_kind, ''), COALESCE(error_message, ''), "
           "COALESCE(placement_fingerprint, '') "
           "FROM report ORDER BY source_path");
    ManifestEntry e;  // one row at a time: the strings' buffers are reused, not reallocated
    while (s.Step()) {
      e.source.path.assign(s.ColumnView(0));
      e.source.size = static_cast<std::uint64_t>(s.ColumnInt(1));
      e.source.mtime_ns = s.ColumnInt(2);
      e.extractor_version.assign(s.ColumnView(3));
      e.status.assign(s.ColumnView(4));
      e.error_kind.assign(s.ColumnView(5));
      e.error_message.assign(s.ColumnView(6));
      e.placement_fingerprint.assign(s.ColumnView(7));
      each(e);
    }
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

  std::vector<std::pair<std::string, long long>> FindingAdjustments() override {
    Flush();
    std::vector<std::pair<std::string, long long>> out;
    Stmt s(db_, FindingAdjustmentSql().c_str());
    while (s.Step()) out.emplace_back(s.ColumnText(0), s.ColumnInt(1) - s.ColumnInt(2));
    return out;
  }

  void RemoveReport(const std::string& source_path) override {
    Flush();
    Transaction tx(db_);
    if (long long id = writer_->IdOf(source_path)) writer_->Delete(id);
    tx.Commit();
  }

  // The older report_id of the two spellings survives, under the key.
  void RekeyReport(const std::string& old_path, const std::string& key) override {
    Flush();
    Transaction tx(db_);
    const long long old_id = writer_->IdOf(old_path), key_id = writer_->IdOf(key);
    if (old_id != 0) {
      if (key_id != 0 && key_id < old_id) {
        writer_->Delete(old_id);
      } else {
        if (key_id != 0) writer_->Delete(key_id);
        Stmt(db_, "UPDATE report SET source_path=? WHERE report_id=?").Text(1, key).Int(2, old_id)
            .Run();
      }
    }
    tx.Commit();
  }

  void UpdatePlacement(const std::string& source_path, const Identity& i,
                       const std::vector<Finding>& identify_findings) override {
    Flush();
    Transaction tx(db_);
    const long long id = writer_->IdOf(source_path);
    Stmt st(db_, "SELECT status, (SELECT count(*) FROM finding WHERE report_id=?1 AND kind IN "
                 "('division_unknown', 'division_ambiguous')) FROM report WHERE report_id=?1");
    st.Int(1, id);
    if (id == 0 || !st.Step() || st.ColumnText(0) != "loaded") return;
    long long old_identify = st.ColumnInt(1);
    st.Reset();
    for (const auto& f : identify_findings) old_identify += IsPlaceFinding(f.kind) ? 0 : 1;
    const long long shift = static_cast<long long>(identify_findings.size()) - old_identify;
    Stmt(db_, "DELETE FROM finding WHERE report_id=? AND seq<=?").Int(1, id).Int(2, old_identify)
        .Run();
    Stmt(db_, "UPDATE finding SET seq=-(seq+?) WHERE report_id=? AND seq>0").Int(1, shift)
        .Int(2, id).Run();
    Stmt(db_, "UPDATE finding SET seq=-seq WHERE report_id=?").Int(1, id).Run();
    Stmt finding(db_,
                 "INSERT INTO finding (report_id, seq, kind, severity, table_code, row_code, "
                 "col_code, source_line, raw, message, message_zh) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    int seq = 0;
    for (const auto& f : identify_findings) {
      finding.Int(1, id).Int(2, ++seq).Text(3, f.kind).Text(4, SeverityName(f.severity));
      finding.OptText(5, f.table).OptText(6, f.row).OptText(7, f.col);
      if (f.line > 0) finding.Int(8, f.line);
      else finding.Null(8);
      finding.OptText(9, f.raw).Text(10, f.message).OptText(11, f.message_zh).Run();
    }
    Stmt(db_,
         "UPDATE report SET county=?, county_source=?, division_code=?, county_code=?, "
         "prefecture_code=?, province_code=?, unit_kind=?, placed_by=?, place_candidates=?, "
         "placement_fingerprint=?, finding_count=finding_count+? WHERE report_id=?")
        .OptText(1, i.county.value_or(""))
        .OptText(2, i.county_source)
        .OptText(3, i.division_code)
        .OptText(4, i.county_code)
        .OptText(5, i.prefecture_code)
        .OptText(6, i.province_code)
        .OptText(7, i.unit_kind)
        .OptText(8, i.placed_by)
        .OptText(9, i.place_candidates)
        .OptText(10, i.placement_fingerprint)
        .Int(11, shift)
        .Int(12, id)
        .Run();
    writer_->ClearFacts(id);
    writer_->FillFacts(id);
    tx.Commit();
  }

  void Prepare(const std::vector<Template>& templates, const LazyGazetteer& gazetteer) override {
    Flush();
    Transaction tx(db_);
    PrepareSqlite(db_, templates, gazetteer);
    tx.Commit();
  }

  void LoadReport(const ReportRecord& r) override { writer_->Write(r); }
  void LoadFailure(const FailedFile& f) override { writer_->WriteFailure(f); }
  void Flush() override { writer_->Flush(); }

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
  int ReadVersion() {
    Stmt exists(db_, "SELECT count(*) FROM sqlite_master WHERE name='schema_version'");
    exists.Step();
    if (exists.ColumnInt(0) == 0) return 0;
    Stmt s(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
    s.Step();
    return static_cast<int>(s.ColumnInt(0));
  }

  static constexpr int kWalBoundPages = 65536;

  std::string path_;
  Db db_;
  int lock_fd_ = -1;
  std::unique_ptr<SqliteCheckpointer> checkpointer_;  // destroyed before db_
  std::unique_ptr<SqliteReportWriter> writer_;  // destroyed before db_ and checkpointer_
};

}  // namespace

std::unique_ptr<Loader> OpenSqliteLoader(const std::string& path, int batch_reports) {
  return std::make_unique<SqliteLoader>(path, batch_reports);
}

}  // namespace gongkai
