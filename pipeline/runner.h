// The pipeline: discover -> decode -> identify -> extract -> validate -> load, per file.
// ProcessReport() (pipeline/process.h) is the pure part. Run() drives a whole batch: it takes the warehouse's run lock,
// skips files whose size, mtime and extractor version are unchanged since they were loaded,
// extracts the rest on several threads and loads them one transaction each, in path order;
// a bad file becomes a FailedFile and the batch goes on; files that disappeared are reported
// (and removed with options.prune); the run is logged. A warehouse fault (LoadError) ends the
// run; a run already holding the lock makes Run() throw RunLocked.
#ifndef GONGKAI_PIPELINE_RUNNER_H_
#define GONGKAI_PIPELINE_RUNNER_H_

#include <future>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config/options.h"
#include "core/report.h"
#include "core/template.h"
#include "loaders/loader.h"
#include "pipeline/discover.h"
#include "pipeline/identify.h"
#include "pipeline/process.h"

namespace gongkai {

// Exit codes a cron job can tell apart (README: "Exit codes").
enum ExitCode {
  kExitOk = 0,             // every file loaded (or unchanged), no findings to review
  kExitFindings = 1,       // every file loaded, some findings to review (or files went missing)
  kExitUsage = 2,          // bad command line or configuration
  kExitFilesFailed = 3,    // some files (or folders) could not be read, in this run or unchanged
                           // since an earlier one; the rest loaded
  kExitWarehouse = 4,      // the warehouse could not be opened or written
  kExitLocked = 5,         // another run holds the warehouse; nothing done
};

struct RunLocked : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct RunSummary {
  int files_seen = 0, loaded = 0, skipped = 0, failed = 0, missing = 0, removed = 0;
  // Files that failed in an earlier run and are unchanged (not parsed again; they would fail
  // the same way): counted in `skipped` too, and listed in `failures`. Exit 3 while any remain.
  int still_failed = 0;
  // Unchanged reports placed again because placement data changed (no re-extraction).
  int replaced = 0;
  long long cells = 0, findings = 0;  // open findings (no review decision) of warning/error
  std::vector<FailedFile> failures;
  std::vector<std::string> missing_paths;
  int ExitCode() const;
};

// The shard a run covers: its input folders' realpaths (escaped as keys), sorted, one per line.
std::string ShardKey(const DiscoverOptions& discover);

// Runs the batch into `loader` (already prepared). Throws LoadError on warehouse faults.
// `discovery`, when given, is DiscoverFiles(options.discover) started earlier on a thread of
// its own (StartDiscovery), so that the walk of the input runs beside MakeContext, OpenLoader
// and Prepare; its DiscoverError comes out here, where DiscoverFiles would have thrown it.
RunSummary Run(const RunOptions& options, const ExtractContext& context, Loader& loader,
               std::future<Discovery>* discovery = nullptr);

// DiscoverFiles(discover) on a thread of its own (std::async). The caller keeps `discover`
// alive until the future is ready or destroyed (a std::async future waits when destroyed).
std::future<Discovery> StartDiscovery(const DiscoverOptions& discover);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_RUNNER_H_
