// html_reader: a web page (or the report body cut from one) through libxml2's HTML parser.
// Charset from <meta charset> / http-equiv, else UTF-8 if the bytes are valid UTF-8, else
// GB18030 (GBK/GB2312 pages are common and often unlabelled). colspan/rowspan are expanded
// into the grid; <br>, <p>, <div> inside a cell are line breaks; &nbsp; and full-width spaces
// are trimmed. Scripts, styles, forms, <nav>/<header>/<footer>/<aside> and elements whose
// class or id names page chrome (nav, menu, footer, breadcrumb, sidebar, share, copyright) are
// ignored. A table that holds another table is page layout: its cells are read as blocks.
#ifndef GONGKAI_READERS_HTML_READER_H_
#define GONGKAI_READERS_HTML_READER_H_

#include <string_view>

#include "readers/reader.h"

namespace gongkai {

ReadResult ReadHtml(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_READERS_HTML_READER_H_
