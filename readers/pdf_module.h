// The PDF reader as a module (config/module.h): readers/pdf_reader.cc and poppler-cpp, with
// its font, image and crypto libraries, are built into libgongkai_pdf.so, which the binary
// loads on the first PDF file it reads; a run over HTML, DOCX or no changed file at all never
// loads them. The boundary is one C-ABI entry point returning a table with ReadPdf.
#ifndef GONGKAI_READERS_PDF_MODULE_H_
#define GONGKAI_READERS_PDF_MODULE_H_

#include <string_view>

#include "config/module.h"
#include "readers/reader.h"

namespace gongkai {

inline constexpr const char* kPdfModuleFile = "libgongkai_pdf.so";

struct PdfModule {
  ModuleHeader header;  // first (config/module.h)
  ReadResult (*read)(std::string_view bytes);  // readers/pdf_reader.h ReadPdf
};

// ReadPdf through the module. When the module cannot be loaded the file fails with error_kind
// "converter_missing" and a message naming the module and the places tried (like a .doc file
// without LibreOffice): nothing is read, nothing guessed.
ReadResult ReadPdfViaModule(std::string_view bytes);

}  // namespace gongkai

// The module's entry point (readers/pdf_module_entry.cc): returns its PdfModule.
extern "C" const void* gongkai_pdf_module();

#endif  // GONGKAI_READERS_PDF_MODULE_H_
