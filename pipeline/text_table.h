// Aligned text tables for the terminal: columns padded by display width, where East Asian wide
// and full-width characters (汉字, full-width punctuation) count as two columns.
#ifndef GONGKAI_PIPELINE_TEXT_TABLE_H_
#define GONGKAI_PIPELINE_TEXT_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// Terminal columns the UTF-8 text takes (wide characters 2, combining marks 0, others 1).
int DisplayWidth(std::string_view text);

// Renders the rows under the header, each column as wide as its widest cell, separated by two
// spaces, each line ending in '\n' (no trailing spaces). Rows may be shorter than the header.
std::string RenderTextTable(const std::vector<std::string>& header,
                            const std::vector<std::vector<std::string>>& rows);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_TEXT_TABLE_H_
