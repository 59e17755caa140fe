#include "readers/pdf_module.h"

#include <cstring>
#include <string>

#include "config/module.h"

namespace gongkai {

ReadResult ReadPdfViaModule(std::string_view bytes) {
  std::string error;
  auto* module =
      static_cast<const PdfModule*>(LoadModuleTable(kPdfModuleFile, "gongkai_pdf_module", &error));
  if (module && (module->abi != kModuleAbi || std::strcmp(module->version, GONGKAI_VERSION) != 0)) {
    error = std::string("module ") + kPdfModuleFile + " is from another build (version " +
            module->version + ", this gongkai " + GONGKAI_VERSION + ")";
    module = nullptr;
  }
  if (!module) return Fail("converter_missing", "the PDF reader is missing: " + error);
  return module->read(bytes);
}

}  // namespace gongkai
