#include "readers/pdf_module.h"

#include <string>

#include "config/module.h"

namespace gongkai {

ReadResult ReadPdfViaModule(std::string_view bytes) {
  std::string error;
  auto* module = static_cast<const PdfModule*>(
      LoadModuleTable(kPdfModuleFile, "gongkai_pdf_module", GONGKAI_VERSION, &error));
  if (!module) return Fail("converter_missing", "the PDF reader is missing: " + error);
  return module->read(bytes);
}

}  // namespace gongkai
