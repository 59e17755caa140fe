// sniff: which reader a file needs, from its first bytes (magic numbers), not its name.
#ifndef GONGKAI_READERS_SNIFF_H_
#define GONGKAI_READERS_SNIFF_H_

#include <string_view>

namespace gongkai {

enum class Format {
  kText,    // anything else: plain text export (pipeline/decode decides whether it is text)
  kHtml,    // starts, after a BOM and white space, with markup: <!DOCTYPE, <html, <div, <p ...
  kDocx,    // a zip archive (PK\3\4) naming word/ parts; the reader checks word/document.xml
  kPdf,     // %PDF- within the first 1024 bytes
  kLegacy,  // an OLE2 compound file (D0 CF 11 E0): .doc or .wps
};

Format Sniff(std::string_view bytes);
const char* FormatName(Format f);

// For discovery of files whose name says nothing: the first bytes (4 KB are enough) of an HTML
// page, a PDF, or a zip whose first entries are under word/ (a DOCX, not any zip).
bool LooksLikeReportFile(std::string_view head);  // "text" | "html" | "docx" | "pdf" | "doc"

}  // namespace gongkai

#endif  // GONGKAI_READERS_SNIFF_H_
