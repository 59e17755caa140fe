// The parts of a reader's Document a test compares: its paragraphs' text and its tables' grids.
#ifndef GONGKAI_TESTS_SUPPORT_DOCUMENT_PARTS_H_
#define GONGKAI_TESTS_SUPPORT_DOCUMENT_PARTS_H_

#include <string>
#include <vector>

#include "core/document.h"

namespace gongkai::testing {

using Grid = std::vector<std::vector<std::string>>;

// The text of every paragraph block, in document order.
std::vector<std::string> Paragraphs(const Document& d);
// The grid of every table block, in document order.
std::vector<Grid> Tables(const Document& d);

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_SUPPORT_DOCUMENT_PARTS_H_
