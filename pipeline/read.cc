#include "pipeline/read.h"

#include "readers/reader.h"

namespace gongkai {

DecodeResult ReadReport(std::string_view bytes, const DecodeOptions& options) {
  const Format format = Sniff(bytes);
  if (format == Format::kText) return Decode(bytes, options);
  DecodeResult r;
  if (bytes.size() > options.max_bytes) {
    r.error_kind = "too_large";
    r.error_message = "file is " + std::to_string(bytes.size()) + " bytes, limit is " +
                      std::to_string(options.max_bytes);
    return r;
  }
  ReadResult doc = ReadDocument(format, bytes, ReaderOptions{options.soffice});
  if (!doc.ok) {
    r.error_kind = std::move(doc.error_kind);
    r.error_message = std::move(doc.error_message);
    return r;
  }
  for (const std::string& line : Render(doc.doc)) {
    AppendNormalizedLine(line, &r.lines.Buffer());
    r.lines.EndLine();
  }
  r.encoding = std::move(doc.encoding);
  r.ok = true;
  return r;
}

}  // namespace gongkai
