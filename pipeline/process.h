// process: one report from bytes to a record, the pure part of the pipeline (decode ->
// identify -> extract -> validate; no I/O), used by the run, the tests, the benchmark and the
// fuzz target; and what every report of a run is read with (ExtractContext).
#ifndef GONGKAI_PIPELINE_PROCESS_H_
#define GONGKAI_PIPELINE_PROCESS_H_

#include <string>
#include <string_view>
#include <vector>

#include "config/options.h"
#include "core/gazetteer.h"
#include "core/report.h"
#include "core/template.h"

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

// Bytes in, record or failure out (a file that cannot be decoded or identified, or whose
// tables cannot be read, is a failure with its kind and message).
ProcessResult ProcessReport(const SourceFile& source, std::string_view bytes,
                            const ExtractContext& context);

// Reads `file` (its key unescaped) and processes it: a file that cannot be read is a failure
// "unreadable", an exception from processing (a bug, not bad data) one "internal_error"; the
// record's size is the bytes actually read.
ProcessResult ReadAndProcess(const SourceFile& file, const ExtractContext& context);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_PROCESS_H_
