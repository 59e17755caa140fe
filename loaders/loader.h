// load: the warehouse interface. One implementation per database (sqlite_loader.cc,
// postgres_loader.cc); dialect differences stay behind this interface and in sql/schema/.
//
// Contract:
//   - Prepare() creates or migrates the schema to the current version. Views and dimension
//     tables are written only when their definition changed since the warehouse recorded it
//     (warehouse_object): an unchanged version touches no view, grant or user object. A view
//     whose columns changed is dropped only if nothing of others depends on it, or with
//     AllowDroppingDependents(true) (`gongkai init --migrate`); else WarehouseRefusal.
//   - LoadReport()/LoadFailure() replace everything stored for the same source path in one
//     transaction: a report is either wholly there or not at all, and loading the same input
//     again yields the same rows (report ids are kept). A loader may put several whole reports
//     into one transaction; Flush() commits what is pending (FinishRun() and every other call
//     that is not a load flush first). What was not flushed when the process dies is simply
//     not there, and the next run loads it again.
//   - TryLockRun(shard) takes the run lock of one shard (a set of input folders) for the loader's
//     lifetime: a second run over the same input is refused instead of interleaved, while
//     workers loading disjoint shards into one PostgreSQL proceed. SQLite, a single-writer file,
//     has one lock per warehouse whatever the shard.
//   - The manifest (what was loaded from which file, at which size/mtime/hash/version) and the
//     run log (BeginRun/FinishRun) let nightly runs skip unchanged files.
//   - Every database fault throws LoadError (a run-ending fault: the warehouse cannot be written).
//   - Values are always bound as parameters; no SQL text is built from report content.
#ifndef GONGKAI_LOADERS_LOADER_H_
#define GONGKAI_LOADERS_LOADER_H_

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "config/options.h"
#include "core/gazetteer.h"
#include "core/report.h"
#include "core/template.h"
#include "loaders/dictionary.h"

namespace gongkai {

struct LoadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The warehouse is reachable but in a state the operator must decide about, and nothing was
// changed (exit 2): a view this version must drop has objects of others depending on it
// (`gongkai init --migrate` drops them), a role to grant does not exist, an option the
// database does not support.
struct WarehouseRefusal : LoadError {
  using LoadError::LoadError;
};

class Loader {
 public:
  virtual ~Loader() = default;
  // The gazetteer is parsed only when the dimension tables must be written again (its sources
  // changed since they were written); a malformed one then throws ConfigError.
  virtual void Prepare(const std::vector<Template>& templates, const LazyGazetteer& gazetteer) = 0;
  void AllowDroppingDependents(bool migrate) { migrate_ = migrate; }
  // Others' objects the last Prepare dropped with a view it had to drop (only when allowed).
  const std::vector<std::string>& DroppedDependents() const { return dropped_; }
  // SELECT on the marts, staging views and dimension tables, and on what is created later, to
  // an existing role (PostgreSQL; WarehouseRefusal elsewhere). Call after Prepare().
  virtual void GrantRead(const std::string& role) {
    throw WarehouseRefusal("--grant-read needs a PostgreSQL warehouse; " + Describe() +
                           " has no roles (give readers the file read-only instead)");
  }
  virtual void LoadReport(const ReportRecord& report) = 0;
  virtual void LoadFailure(const FailedFile& failure) = 0;
  virtual void Flush() {}
  // Schema version found in (or written to) the warehouse.
  virtual int SchemaVersion() = 0;

  // Run lock and run log. The defaults throw: a loader that does not support them cannot run
  // the nightly pipeline.
  virtual bool TryLockRun(const std::string& shard) {
    throw LoadError("run lock not supported by " + Describe());
  }
  // The manifest read through a cursor: `each` is called once per stored report, in source
  // path byte order (SQLite BINARY, PostgreSQL COLLATE "C": the order of std::string), holding
  // only a bounded window of rows. `each` must not call the loader (the cursor is open).
  virtual void ScanManifest(const std::function<void(const ManifestEntry&)>& each) {
    throw LoadError("manifest not supported by " + Describe());
  }
  // Every manifest entry at once, in the same order (tests and small warehouses).
  std::vector<ManifestEntry> Manifest() {
    std::vector<ManifestEntry> out;
    ScanManifest([&](const ManifestEntry& e) { out.push_back(e); });
    return out;
  }
  // Starts a run log row; marks runs of the same shard left 'running' by a killed process as
  // 'aborted' (the caller holds that shard's lock, so they cannot be alive).
  virtual long long BeginRun(const RunRecord& run) { throw LoadError("run log not supported"); }
  virtual void FinishRun(long long run_id, const RunRecord& run) {
    throw LoadError("run log not supported");
  }
  // Per source path, open findings minus the findings its extraction produced (decisions in
  // finding_review close findings; corrected_cell_changed ones are added by the load): the
  // rows of FindingAdjustmentSql() (loaders/review_store.h) as (path, added - closed).
  virtual std::vector<std::pair<std::string, long long>> FindingAdjustments() { return {}; }
  // Removes everything stored for a source path (a file that disappeared, with --prune).
  virtual void RemoveReport(const std::string& source_path) {
    throw LoadError("remove not supported");
  }
  // Moves what is stored under `old_path` (a spelling of a file's path kept by an older
  // version: relative, or through a symlinked folder) to `key`, its canonical key. When both
  // are stored (a copy), the older report_id survives under `key` and the other is removed.
  virtual void RekeyReport(const std::string& old_path, const std::string& key) {
    throw LoadError("re-keying not supported by " + Describe());
  }
  // Re-placement (placement data changed, the file did not): writes the report's place
  // (county, county_source, division/county/prefecture/province codes, unit_kind, placed_by,
  // place_candidates, placement_fingerprint) from `id` and replaces its identify-stage findings
  // with `identify_findings`. A load numbers a report's findings identify's first, and only the
  // place findings (IsPlaceFinding) of them change with placement data: the stored identify
  // findings are the new ones' count, less their place findings, plus the stored place
  // findings; they are replaced and the rest renumbered after them, so the rows equal a fresh
  // load's. Then the report's fact rows are filled again. Cells and rule results are not
  // touched. One transaction; nothing when the path is not stored as loaded.
  virtual void UpdatePlacement(const std::string& source_path, const Identity& id,
                               const std::vector<Finding>& identify_findings) {
    throw LoadError("re-placement not supported by " + Describe());
  }
  // The rows of data_dictionary, objects in creation order then columns in order (SQLite).
  virtual std::vector<DictionaryRow> DataDictionary() {
    throw LoadError("data dictionary not supported by " + Describe());
  }
  // Where it writes, for messages (never includes a password).
  virtual std::string Describe() const = 0;

 protected:
  bool migrate_ = false;
  std::vector<std::string> dropped_;
};

// The findings placement makes (pipeline/place.h): the only identify findings that change when
// units.yaml or the division data change.
inline bool IsPlaceFinding(const std::string& kind) {
  return kind == "division_unknown" || kind == "division_ambiguous";
}

// A postgresql:// or postgres:// URL, or a libpq key=value string, opens PostgreSQL; anything
// else is a SQLite file path (ClassifyWarehouse in loaders/pg_conninfo.h; callers check for
// kInvalid first, a bad command line). Throws LoadError when the warehouse cannot be opened.
std::unique_ptr<Loader> OpenLoader(const LoadOptions& options);

bool IsPostgresTarget(const std::string& warehouse);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_LOADER_H_
