// discover: the report files under the configured input folders, recursively, in a stable
// (byte-wise path) order so that runs are reproducible. A report file is named with one of
// discover.extensions (any case) or, with discover.sniff, has the first bytes of an HTML page,
// a PDF or a DOCX (readers/sniff.h), whatever its name. A missing input folder throws
// DiscoverError (the run cannot do what it was asked); unreadable entries are skipped.
#ifndef GONGKAI_PIPELINE_DISCOVER_H_
#define GONGKAI_PIPELINE_DISCOVER_H_

#include <stdexcept>
#include <vector>

#include "config/options.h"
#include "core/report.h"

namespace gongkai {

struct DiscoverError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<SourceFile> Discover(const DiscoverOptions& options);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_DISCOVER_H_
