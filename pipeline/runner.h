// The pipeline: discover -> decode -> identify -> extract -> validate -> load, per file.
// ProcessReport() is the pure part (bytes in, record or failure out; no I/O), used by the run,
// the tests and the fuzz target. Run() drives a whole batch: a bad file becomes a FailedFile
// and the batch goes on; a warehouse fault (LoadError) ends the run.
#ifndef GONGKAI_PIPELINE_RUNNER_H_
#define GONGKAI_PIPELINE_RUNNER_H_

#include <string>
#include <string_view>
#include <vector>

#include "config/options.h"
#include "extractors/template.h"
#include "loaders/loader.h"
#include "pipeline/identify.h"
#include "pipeline/report.h"

namespace gongkai {

// What every report of a run is read with. Owns the templates and the gazetteer.
struct ExtractContext {
  std::vector<Template> templates;
  Gazetteer gazetteer;
  DecodeOptions decode;
  std::string extractor_version;  // fingerprint of extractor code + template data
};

// Loads templates and gazetteer named by the options (throws ConfigError).
ExtractContext MakeContext(const RunOptions& options);

// Fingerprint of the extractor code (compiled in) and the template texts.
std::string ExtractorVersion(const std::vector<Template>& templates);

struct ProcessResult {
  bool ok = false;
  ReportRecord record;  // when ok
  FailedFile failure;   // when !ok
};

ProcessResult ProcessReport(const SourceFile& source, std::string_view bytes,
                            const ExtractContext& context);

// Exit codes a cron job can tell apart (README: "Exit codes").
enum ExitCode {
  kExitOk = 0,             // every file loaded, no warning or error findings
  kExitFindings = 1,       // every file loaded, some findings to review
  kExitUsage = 2,          // bad command line or configuration
  kExitFilesFailed = 3,    // some files could not be read as reports; the rest loaded
  kExitWarehouse = 4,      // the warehouse could not be opened or written
};

struct RunSummary {
  int files_seen = 0, loaded = 0, failed = 0;
  long long cells = 0, findings = 0;  // findings of severity warning or error
  std::vector<FailedFile> failures;
  int ExitCode() const;
};

// Runs the batch into `loader` (already prepared). Throws LoadError on warehouse faults.
RunSummary Run(const RunOptions& options, const ExtractContext& context, Loader& loader);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_RUNNER_H_
