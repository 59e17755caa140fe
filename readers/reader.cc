#include "readers/reader.h"

#include "readers/docx_reader.h"
#include "readers/html_reader.h"
#include "readers/legacy_reader.h"
#include "readers/pdf_module.h"

namespace gongkai {

ReadResult Fail(std::string kind, std::string message) {
  ReadResult r;
  r.error_kind = std::move(kind);
  r.error_message = std::move(message);
  return r;
}

ReadResult ReadDocument(Format format, std::string_view bytes, const ReaderOptions& options) {
  switch (format) {
    case Format::kHtml: return ReadHtml(bytes);
    case Format::kDocx: return ReadDocx(bytes);
    case Format::kPdf: return ReadPdfViaModule(bytes);
    case Format::kLegacy: return ReadLegacyDoc(bytes, options.soffice);
    case Format::kText: break;
  }
  return Fail("binary", std::string("a ") + FormatName(format) +
                            " file; this gongkai has no reader for it");
}

}  // namespace gongkai
