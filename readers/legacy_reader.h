// legacy_reader: old binary Word (.doc) and WPS (.wps) files, converted to DOCX by LibreOffice
// headless (soffice --convert-to docx, in a private profile and a temporary folder, killed after
// two minutes) and then read by the DOCX reader. Without LibreOffice: "converter_missing",
// naming what to install; a file LibreOffice cannot convert: "conversion_failed".
#ifndef GONGKAI_READERS_LEGACY_READER_H_
#define GONGKAI_READERS_LEGACY_READER_H_

#include <string>
#include <string_view>

#include "readers/reader.h"

namespace gongkai {

// `soffice` is looked up in PATH unless given (tests pass a missing one).
ReadResult ReadLegacyDoc(std::string_view bytes, const std::string& soffice = "");

// The full path of `name` in PATH, or "".
std::string FindInPath(const std::string& name);

}  // namespace gongkai

#endif  // GONGKAI_READERS_LEGACY_READER_H_
