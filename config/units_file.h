// units.yaml (config/units.yaml, see there) read through libyaml's event API: the file is
// national-size (38,600 aliases), and yaml-cpp, which builds a node tree through a regex
// scanner, took ~1.35 G instructions to parse it, most of every process's start-up.
//
// Reads the first YAML document: a mapping whose key `aliases` maps names to division codes
// and whose key `ordinary_words` is a sequence of words; every other key is skipped whatever
// its value. Values read as yaml-cpp's as<std::string>() did: a plain null (empty, ~, null,
// Null, NULL, untagged) is the text "null", anchors and aliases of scalars resolve, and a
// later duplicate of an alias name replaces the earlier one (later duplicates of a top-level
// key are skipped, as yaml-cpp's root["key"] found the first). `aliases` or `ordinary_words`
// null or absent is empty.
//
// Errors throw ConfigError("line L, column C: what", columns in characters): malformed YAML
// (libyaml's problem and context), a top level that is not a mapping, `aliases` not a mapping
// and `ordinary_words` not a sequence (yaml-cpp read a non-null scalar there as empty, every
// alias silently dropped), a name, code or word that is not a scalar, an alias of an undefined anchor.
#ifndef GONGKAI_CONFIG_UNITS_FILE_H_
#define GONGKAI_CONFIG_UNITS_FILE_H_

#include <string>
#include <utility>
#include <vector>

namespace gongkai {

struct UnitsFile {
  std::vector<std::pair<std::string, std::string>> aliases;  // name, code; in file order
  std::vector<std::string> ordinary_words;
};

UnitsFile ReadUnitsYaml(const std::string& yaml_text);

}  // namespace gongkai

#endif  // GONGKAI_CONFIG_UNITS_FILE_H_
