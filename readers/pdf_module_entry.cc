// The entry point of libgongkai_pdf.so (readers/pdf_module.h); built only into the module.
#include "config/module.h"
#include "readers/pdf_module.h"
#include "readers/pdf_reader.h"

extern "C" __attribute__((visibility("default"))) const void* gongkai_pdf_module() {
  static const gongkai::PdfModule table{{gongkai::kModuleAbi, GONGKAI_VERSION},
                                        &gongkai::ReadPdf};
  return &table;
}
