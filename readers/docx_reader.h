// docx_reader: a Word file (.docx, Office Open XML) through libzip + pugixml.
// word/document.xml's body in order: paragraphs (runs' text, w:br/w:cr as line breaks, deleted
// text and field codes skipped; the numbering Word generates from a list or a paragraph style,
// e.g. "一、" or "（一）", put in front as it would be printed), tables (w:tr/w:tc with
// w:gridSpan, w:vMerge continuation cells and w:gridBefore as empty positions), text boxes
// (w:txbxContent, once even when Word stores both a DrawingML and a VML copy) read as blocks
// after the paragraph that anchors them. A truncated or damaged archive is "corrupt_docx"; a
// zip without word/document.xml is "not_docx".
#ifndef GONGKAI_READERS_DOCX_READER_H_
#define GONGKAI_READERS_DOCX_READER_H_

#include <string_view>

#include "readers/reader.h"

namespace gongkai {

ReadResult ReadDocx(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_READERS_DOCX_READER_H_
