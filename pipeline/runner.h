// The pipeline: discover -> decode -> identify -> extract -> validate -> load, per file.
// ProcessReport() is the pure part (bytes in, record or failure out; no I/O), used by the run,
// the tests and the fuzz target. Run() drives a whole batch: it takes the warehouse's run lock,
// skips files whose size, mtime and extractor version are unchanged since they were loaded,
// extracts the rest on several threads and loads them one transaction each, in path order;
// a bad file becomes a FailedFile and the batch goes on; files that disappeared are reported
// (and removed with options.prune); the run is logged. A warehouse fault (LoadError) ends the
// run; a run already holding the lock makes Run() throw RunLocked.
#ifndef GONGKAI_PIPELINE_RUNNER_H_
#define GONGKAI_PIPELINE_RUNNER_H_

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "config/options.h"
#include "core/report.h"
#include "core/template.h"
#include "loaders/loader.h"
#include "pipeline/identify.h"

namespace gongkai {

// What every report of a run is read with. Owns the templates and the gazetteer (parsed the
// first time a report is identified or placed: an unchanged re-run never parses it).
struct ExtractContext {
  std::vector<Template> templates;
  LazyGazetteer gazetteer;
  DecodeOptions decode;
  std::string extractor_version;  // fingerprint of extractor code + template data
  std::string placement_fingerprint;  // of placement code, division data and units.yaml
};

// Loads the templates and the gazetteer's sources named by the options (throws ConfigError;
// a malformed gazetteer throws when first parsed, see LoadGazetteerLazily).
ExtractContext MakeContext(const RunOptions& options);

// Fingerprint of the extractor code (compiled in) and the template texts.
std::string ExtractorVersion(const std::vector<Template>& templates);
// One template edition's data version: the first 16 hex digits of its text's SHA-256.
std::string TemplateVersion(const Template& t);

struct ProcessResult {
  bool ok = false;
  ReportRecord record;  // when ok
  FailedFile failure;   // when !ok
};

ProcessResult ProcessReport(const SourceFile& source, std::string_view bytes,
                            const ExtractContext& context);

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
RunSummary Run(const RunOptions& options, const ExtractContext& context, Loader& loader);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_RUNNER_H_
