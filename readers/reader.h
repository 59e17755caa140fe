// reader: a published report file (HTML page, DOCX, PDF, old .doc/.wps) in, the document model
// (core/document.h) out. One reader per format (html_reader, docx_reader, pdf_reader,
// legacy_reader) all ending in the same model; the format is sniffed from the bytes. A file
// that cannot be read is a returned failure with a kind and a reason, never an exception.
#ifndef GONGKAI_READERS_READER_H_
#define GONGKAI_READERS_READER_H_

#include <string>
#include <string_view>

#include "core/document.h"
#include "readers/sniff.h"

namespace gongkai {

struct ReadResult {
  bool ok = false;
  Document doc;
  // What the source was, for the report's `encoding` column: "HTML UTF-8", "HTML GB18030",
  // "DOCX", "PDF", "DOC".
  std::string encoding;
  // When !ok: "invalid_encoding" (HTML), "corrupt_docx", "not_docx", "corrupt_pdf",
  // "encrypted_pdf", "no_text_layer", "converter_missing", "conversion_failed", "empty".
  std::string error_kind;
  std::string error_message;
};

ReadResult Fail(std::string kind, std::string message);

struct ReaderOptions {
  std::string soffice;  // LibreOffice for .doc/.wps; empty: soffice from PATH
};

// Reads a non-text format (Sniff(bytes) != kText).
ReadResult ReadDocument(Format format, std::string_view bytes, const ReaderOptions& options = {});

}  // namespace gongkai

#endif  // GONGKAI_READERS_READER_H_
