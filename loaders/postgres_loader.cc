#include "loaders/postgres_loader.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <future>
#include <optional>
#include <pqxx/pqxx>
#include <set>
#include <tuple>
#include <utility>

#include "config/config.h"
#include "loaders/pg_batch.h"
#include "loaders/pg_conninfo.h"
#include "loaders/postgres_prepare.h"
#include "loaders/review_store.h"
#include "loaders/sql_files.h"

namespace gongkai {
namespace {

// Advisory lock keys (any constants will do; these are "gongkai" and "gongkaR" in ASCII).
// kPrepareLockKey serialises Prepare() of concurrent processes (transaction-scoped);
// kRunLockClass + a hash of the shard is the run lock, held by a session for its lifetime.
constexpr long long kPrepareLockKey = 0x676f6e676b6169LL;
constexpr int kRunLockClass = 0x676b6152;

// --- values as COPY and parameters take them ---

using OptText = std::optional<std::string>;

// Empty means NULL, as the SQLite loader's OptText.
OptText Opt(const std::string& s) { return s.empty() ? OptText{} : OptText{s}; }

class PostgresLoader : public Loader {
 public:
  explicit PostgresLoader(const LoadOptions& options)
      : secrets_(FindSecrets(options.warehouse)),
        describe_(DescribePostgresTarget(options.warehouse)),
        batch_limit_(options.batch_reports > 0 ? static_cast<std::size_t>(options.batch_reports)
                                               : kBatchReports) {
    const std::string& conninfo = options.warehouse;
    try {
      conn_ = std::make_unique<pqxx::connection>(WithDefaultConnectTimeout(conninfo));
    } catch (const std::exception& e) {
      throw LoadError(Clean("cannot connect to " + describe_ + ": " + e.what(), secrets_));
    }
    Guard("setting up the session", [&] {
      conn_->set_client_encoding("UTF8");
      pqxx::nontransaction tx(*conn_);
      tx.exec("SET client_min_messages TO warning");  // no NOTICEs on stderr (DROP ... IF EXISTS)
      tx.exec("SET application_name TO 'gongkai'");
      std::string where = "PostgreSQL";
      auto part = [&where](const char* key, const char* val) {
        if (val && *val) where += std::string(" ") + key + "=" + val;
      };
      part("host", conn_->hostname());
      part("port", conn_->port());
      part("dbname", conn_->dbname());
      part("user", conn_->username());
      describe_ = Clean(where, secrets_);
    });
    const bool skip_fk_checks =
        options.foreign_key_checks == LoadOptions::ForeignKeyChecks::kAuto &&
        MaySetReplicationRole(*conn_);
    Guard("reading the batch statements", [&] { batch_writer_.emplace(skip_fk_checks); });
  }

  ~PostgresLoader() override {
    for (int attempt = 0; attempt < 2; ++attempt) {  // a failed batch in flight, then the rest
      try {
        Flush();  // pending reports are whole: keep them
        break;
      } catch (const LoadError&) {  // rolled back; the next run loads them again
      }
    }
  }

  void Prepare(const std::vector<Template>& templates, const LazyGazetteer& gazetteer) override {
    Flush();
    Guard("preparing the schema", [&] {
      pqxx::work tx(*conn_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kPrepareLockKey);
      PrepareReport done = PreparePostgres(tx, templates, gazetteer, migrate_);
      tx.commit();
      dropped_ = done.dropped_dependents;
    });
  }

  void GrantRead(const std::string& role) override {
    Flush();
    Guard("granting read access", [&] {
      pqxx::work tx(*conn_);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kPrepareLockKey);
      GrantReadPostgres(tx, role);
      tx.commit();
    });
  }

  // Loads are batched: up to batch_limit_ whole reports (or kBatchTime) go in one transaction,
  // with one COPY per table; readers never see part of a report, and a batch lost to a crash is
  // loaded again by the next run (it is not in the manifest). A full batch is written on a thread
  // of its own while the next one fills (one batch in flight at most), so extraction and the
  // server's work overlap instead of taking turns.
  void LoadReport(const ReportRecord& r) override {
    pending_.emplace_back();
    pending_.back().report = r;
    pending_.back().loaded = true;
    pending_.back().Format();  // here, while the batch in flight keeps the server busy
    FlushIfFull();
  }

  void LoadFailure(const FailedFile& f) override {
    pending_.emplace_back();
    pending_.back().failure = f;
    FlushIfFull();
  }

  // A failed batch is dropped (its transaction rolled back), not retried: LoadError ends the run.
  // Waits for the batch in flight, then writes what is pending.
  void Flush() override {
    WaitForBatchInFlight();
    if (pending_.empty()) return;
    std::vector<PgPending> batch;
    batch.swap(pending_);
    WriteBatch(batch);
  }

  std::vector<std::pair<std::string, long long>> FindingAdjustments() override {
    Flush();
    std::vector<std::pair<std::string, long long>> out;
    Guard("counting open findings", [&] {
      pqxx::read_transaction tx(*conn_);
      for (const auto& row : tx.exec(FindingAdjustmentSql()))
        out.emplace_back(row[0].as<std::string>(), row[1].as<long long>() - row[2].as<long long>());
    });
    return out;
  }

  int SchemaVersion() override {
    Flush();
    int version = 0;
    Guard("reading the schema version", [&] {
      pqxx::work tx(*conn_);
      version = ReadPostgresVersion(tx);
      tx.commit();
    });
    return version;
  }

  // A session-level advisory lock on the shard (two keys: gongkai's, and a hash of the shard):
  // held until this loader's connection closes, so a killed run never leaves it behind.
  bool TryLockRun(const std::string& shard) override {
    if (run_locked_) return true;
    Flush();
    Guard("taking the run lock", [&] {
      pqxx::nontransaction tx(*conn_);
      run_locked_ = tx.exec_params("SELECT pg_try_advisory_lock($1, hashtext($2))",
                                   kRunLockClass, shard)[0][0]
                        .as<bool>();
    });
    return run_locked_;
  }

  // A server-side cursor fetched 1,000 rows at a time: the client holds one batch.
  void ScanManifest(const std::function<void(const ManifestEntry&)>& each) override {
    Flush();
    Guard("reading the manifest", [&] {
      pqxx::read_transaction tx(*conn_);
      tx.exec(
          "DECLARE gongkai_manifest NO SCROLL CURSOR FOR "
          "SELECT source_path, size_bytes, COALESCE(mtime_ns, 0), extractor_version, status, "
          "COALESCE(error_kind, ''), COALESCE(error_message, ''), "
          "COALESCE(placement_fingerprint, '') "
          "FROM report ORDER BY source_path COLLATE \"C\"");
      ManifestEntry e;
      for (;;) {
        auto rows = tx.exec("FETCH FORWARD 1000 FROM gongkai_manifest");
        if (rows.empty()) break;
        for (const auto& row : rows) {
          e.source.path = row[0].c_str();
          e.source.size = row[1].as<std::uint64_t>();
          e.source.mtime_ns = row[2].as<long long>();
          e.extractor_version = row[3].c_str();
          e.status = row[4].c_str();
          e.error_kind = row[5].c_str();
          e.error_message = row[6].c_str();
          e.placement_fingerprint = row[7].c_str();
          each(e);
        }
      }
      tx.commit();
    });
  }

  long long BeginRun(const RunRecord& run) override {
    Flush();
    long long id = 0;
    Guard("starting the run log", [&] {
      pqxx::work tx(*conn_);
      tx.exec_params("UPDATE run SET status='aborted' WHERE status='running' AND shard=$1",
                     run.shard);
      id = tx.exec_params("INSERT INTO run (shard, started_at, status, extractor_version) "
                          "VALUES ($1, $2, 'running', $3) RETURNING run_id",
                          run.shard, run.started_at, run.extractor_version)[0][0]
               .as<long long>();
      tx.commit();
    });
    return id;
  }

  void FinishRun(long long run_id, const RunRecord& run) override {
    Flush();
    Guard("finishing the run log", [&] {
      pqxx::work tx(*conn_);
      tx.exec_params("UPDATE run SET finished_at=$1, status='finished', exit_code=$2, "
                     "files_seen=$3, loaded=$4, skipped=$5, failed=$6, missing=$7, removed=$8, "
                     "findings=$9 WHERE run_id=$10",
                     run.finished_at, run.exit_code, run.files_seen, run.loaded, run.skipped,
                     run.failed, run.missing, run.removed, run.findings, run_id);
      for (const auto& x : run.files)
        tx.exec_params("INSERT INTO run_file (run_id, source_path, outcome, error_kind, message) "
                       "VALUES ($1,$2,$3,$4,$5) ON CONFLICT (run_id, source_path) DO UPDATE SET "
                       "outcome=excluded.outcome, error_kind=excluded.error_kind, "
                       "message=excluded.message",
                       run_id, x.path, x.outcome, Opt(x.error_kind), Opt(x.message));
      tx.commit();
    });
  }

  // The child rows go with it (ON DELETE CASCADE).
  void RemoveReport(const std::string& source_path) override {
    Flush();
    Guard("removing " + source_path, [&] {
      pqxx::work tx(*conn_);
      tx.exec_params("DELETE FROM report WHERE source_path=$1", source_path);
      tx.commit();
    });
  }

  void UpdatePlacement(const std::string& source_path, const Identity& i,
                       const std::vector<Finding>& identify_findings) override {
    Flush();
    Guard("re-placing " + source_path, [&] {
      pqxx::work tx(*conn_);
      auto r = tx.exec_params(
          "SELECT report_id, (SELECT count(*) FROM finding f WHERE f.report_id = r.report_id "
          "AND kind IN ('division_unknown', 'division_ambiguous')) FROM report r "
          "WHERE source_path=$1 AND status='loaded'",
          source_path);
      if (r.empty()) return;
      const long long id = r[0][0].as<long long>();
      long long old_identify = r[0][1].as<long long>();
      for (const auto& f : identify_findings) old_identify += IsPlaceFinding(f.kind) ? 0 : 1;
      const long long shift = static_cast<long long>(identify_findings.size()) - old_identify;
      tx.exec_params("DELETE FROM finding WHERE report_id=$1 AND seq<=$2", id, old_identify);
      tx.exec_params("UPDATE finding SET seq=-(seq+$1) WHERE report_id=$2 AND seq>0", shift, id);
      tx.exec_params("UPDATE finding SET seq=-seq WHERE report_id=$1", id);
      int seq = 0;
      for (const auto& f : identify_findings)
        tx.exec_params("INSERT INTO finding (report_id, seq, kind, severity, table_code, "
                       "row_code, col_code, source_line, raw, message, message_zh) "
                       "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
                       id, ++seq, f.kind, SeverityName(f.severity), Opt(f.table), Opt(f.row),
                       Opt(f.col), f.line > 0 ? std::optional<int>(f.line) : std::nullopt,
                       Opt(f.raw), f.message, Opt(f.message_zh));
      tx.exec_params(
          "UPDATE report SET county=$1, county_source=$2, division_code=$3, county_code=$4, "
          "prefecture_code=$5, province_code=$6, unit_kind=$7, placed_by=$8, "
          "place_candidates=$9, placement_fingerprint=$10, finding_count=finding_count+$11 "
          "WHERE report_id=$12",
          Opt(i.county.value_or("")), Opt(i.county_source), Opt(i.division_code),
          Opt(i.county_code), Opt(i.prefecture_code), Opt(i.province_code), Opt(i.unit_kind),
          Opt(i.placed_by), Opt(i.place_candidates), Opt(i.placement_fingerprint), shift, id);
      for (const std::string& table : FactTables())
        tx.exec_params("DELETE FROM " + table + " WHERE report_id=$1", id);
      for (const std::string& fill : FactFills("SELECT CAST($1 AS BIGINT)"))
        tx.exec_params(fill, id);
      tx.commit();
    });
  }

  void RekeyReport(const std::string& old_path, const std::string& key) override {
    Flush();
    Guard("re-keying " + old_path, [&] {
      pqxx::work tx(*conn_);
      auto id = [&](const std::string& path) {
        auto r = tx.exec_params("SELECT report_id FROM report WHERE source_path=$1", path);
        return r.empty() ? 0LL : r[0][0].as<long long>();
      };
      const long long old_id = id(old_path), key_id = id(key);
      if (old_id == 0) return;
      if (key_id != 0 && key_id < old_id) {
        tx.exec_params("DELETE FROM report WHERE report_id=$1", old_id);
      } else {
        if (key_id != 0) tx.exec_params("DELETE FROM report WHERE report_id=$1", key_id);
        tx.exec_params("UPDATE report SET source_path=$1 WHERE report_id=$2", key, old_id);
      }
      tx.commit();
    });
  }

  std::string Describe() const override { return describe_; }

 private:
  // Runs f; any fault becomes a one-line LoadError without the password.
  template <typename F>
  void Guard(const std::string& what, F&& f) {
    try {
      f();
    } catch (const LoadError&) {
      throw;
    } catch (const ConfigError&) {  // the gazetteer, parsed when first needed: exit 2, not 4
      throw;
    } catch (const pqxx::broken_connection& e) {
      throw LoadError(Clean("lost the connection to " + describe_ + " while " + what + ": " +
                                e.what(),
                            secrets_));
    } catch (const std::exception& e) {
      throw LoadError(Clean(describe_ + ": " + what + ": " + e.what(), secrets_));
    }
  }

  // 256 rather than 64: a batch's fixed cost (a dozen round trips, the batch statements planned
  // anew, a commit) paid 4x less often; server CPU -7 to -11 % at 10,000 reports, at the price
  // of ~55 MB more peak RSS (two batches of records and their COPY text held at once).
  static constexpr std::size_t kBatchReports = 256;
  static constexpr std::size_t kFirstBatchReports = 32;
  static constexpr std::chrono::milliseconds kBatchTime{250};

  // A batch goes when it is full, or when it is kBatchTime old and the batch before is written:
  // while the server is still busy with that one, a batch past its time keeps filling (up to
  // batch_limit_) rather than waiting for it with a few reports. When extraction was slow (a
  // busy machine) batches used to leave at their time with ~100 reports and wait there: 1,006
  // batches instead of ~400 at 100,000 reports, each paying the fixed cost of a batch.
  //
  // The first batch goes at kFirstBatchReports: the server, idle since Prepare, starts on it
  // after ~30 ms of extraction instead of ~0.2 s (the time 256 reports take); the batches
  // behind it fill while it is written.
  void FlushIfFull() {
    if (pending_.size() == 1) batch_start_ = std::chrono::steady_clock::now();
    const std::size_t limit = batches_ == 0 ? std::min(batch_limit_, kFirstBatchReports)
                                            : batch_limit_;
    if (pending_.size() < limit) {
      if (std::chrono::steady_clock::now() - batch_start_ < kBatchTime) return;
      if (in_flight_.valid() &&
          in_flight_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    }
    WaitForBatchInFlight();  // the connection serves one batch at a time
    ++batches_;
    in_flight_ = std::async(std::launch::async,
                            [this, batch = std::move(pending_)] { WriteBatch(batch); });
    pending_.clear();
  }

  // Rethrows the LoadError of the batch in flight, if it failed.
  void WaitForBatchInFlight() {
    if (!in_flight_.valid()) return;
    std::future<void> f = std::move(in_flight_);
    f.get();
  }

  void WriteBatch(const std::vector<PgPending>& batch) {
    Guard("loading " + std::to_string(batch.size()) + " reports from " + batch.front().Path(),
          [&] {
            pqxx::work tx(*conn_);
            batch_writer_->Write(tx, batch);
            tx.commit();
          });
  }

  std::vector<std::string> secrets_;
  std::string describe_;
  const std::size_t batch_limit_;  // whole reports per batch at most (kBatchReports by default)
  std::unique_ptr<pqxx::connection> conn_;
  bool run_locked_ = false;
  std::optional<PgBatchWriter> batch_writer_;
  std::vector<PgPending> pending_;  // whole reports not yet written (Flush)
  std::chrono::steady_clock::time_point batch_start_;
  std::size_t batches_ = 0;  // sent by FlushIfFull
  std::future<void> in_flight_;  // last: waited for before the connection goes
};

}  // namespace

std::unique_ptr<Loader> OpenPostgresLoader(const LoadOptions& options) {
  return std::make_unique<PostgresLoader>(options);
}

std::unique_ptr<Loader> OpenPostgresLoader(const std::string& conninfo) {
  LoadOptions options;
  options.warehouse = conninfo;
  return OpenPostgresLoader(options);
}

}  // namespace gongkai
