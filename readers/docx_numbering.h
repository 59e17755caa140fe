// docx_numbering: the numbers Word prints in front of list paragraphs ("一、", "（二）", "3."),
// from word/numbering.xml (abstract numbering levels: start, numFmt, lvlText) and the numPr of
// a paragraph or of its style (word/styles.xml, following basedOn). Counters run per list and
// level; a level's counter restarts when a shallower level advances.
#ifndef GONGKAI_READERS_DOCX_NUMBERING_H_
#define GONGKAI_READERS_DOCX_NUMBERING_H_

#include <pugixml.hpp>

#include <map>
#include <string>
#include <vector>

namespace gongkai {

// Local name of an element ("w:p" -> "p").
const char* LocalName(const pugi::xml_node& n);
// First child element with this local name.
pugi::xml_node Child(const pugi::xml_node& n, const char* local);
// The value of the attribute with this local name ("w:val" -> "val").
std::string AttrOf(const pugi::xml_node& n, const char* local);

// Chinese counting as Word prints it: 1 一, 10 十, 12 十二, 20 二十, 105 一百零五.
std::string ChineseCounting(int n);

class DocxNumbering {
 public:
  // numbering_xml / styles_xml may be empty (no lists, no styles).
  DocxNumbering(const std::string& numbering_xml, const std::string& styles_xml);
  // The label of the paragraph (its w:pPr), advancing the counters; "" when not numbered.
  std::string Next(const pugi::xml_node& ppr);

 private:
  struct Level {
    int start = 1;
    std::string fmt = "decimal", text;
  };
  std::map<std::string, std::string> num_to_abstract_;
  std::map<std::string, std::map<int, int>> start_override_;  // numId -> ilvl -> start
  std::map<std::string, std::map<int, Level>> abstract_;
  std::map<std::string, std::pair<std::string, int>> style_num_;  // styleId -> numId, ilvl
  std::map<std::string, std::string> style_based_on_;
  std::map<std::string, std::vector<int>> counters_;  // numId -> per level, 0 = not started
  static std::string Format(int value, const std::string& fmt);
};

}  // namespace gongkai

#endif  // GONGKAI_READERS_DOCX_NUMBERING_H_
