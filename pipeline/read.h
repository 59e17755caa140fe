// read: the bytes of one input file in, normalised UTF-8 lines out, whatever the format.
// Text exports go to decode (decode.h); HTML, DOCX, PDF and .doc/.wps, recognised by their
// first bytes (readers/sniff.h), go to their reader (readers/reader.h) and the document model
// is rendered to the tab-separated-rows layout (core/document.h: Render) and normalised line
// by line as decode does. Failures keep decode's shape (error_kind + message).
#ifndef GONGKAI_PIPELINE_READ_H_
#define GONGKAI_PIPELINE_READ_H_

#include <string_view>

#include "config/options.h"
#include "pipeline/decode.h"

namespace gongkai {

DecodeResult ReadReport(std::string_view bytes, const DecodeOptions& options = {});

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_READ_H_
