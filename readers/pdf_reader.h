// pdf_reader: a PDF's text layer through poppler-cpp, from the positions of its text boxes.
// Each page's boxes are grouped into lines by their vertical extent (boxes whose middles lie
// within each other's height share a line), ordered left to right, and joined with a space
// where the boxes are apart (glyph runs that touch are one word). Page furniture is dropped:
// page numbers ("-1-", "第1页", "1/6") and running headers or footers (the same text in the
// top or bottom margin of several pages). Lines become paragraphs of one line each, pages
// follow each other, so a table split across pages continues on the next page's lines; the
// tokenizer reads them as its PDF words layout. No text on any page: "no_text_layer" (a scan);
// a file poppler cannot open: "corrupt_pdf"; a password: "encrypted_pdf".
#ifndef GONGKAI_READERS_PDF_READER_H_
#define GONGKAI_READERS_PDF_READER_H_

#include <string_view>

#include "readers/reader.h"

namespace gongkai {

ReadResult ReadPdf(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_READERS_PDF_READER_H_
