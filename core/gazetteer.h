// What placement reads: the national division list (data/divisions, core/divisions.h) and the
// aliases of config/units.yaml, which name bodies that are not divisions (综合实验区, 开发区, ...)
// or settle a name the data leaves ambiguous, each mapped to a division code. Loaded by config/,
// read by pipeline/place.h, stored by the loaders (table division).
#ifndef GONGKAI_CORE_GAZETTEER_H_
#define GONGKAI_CORE_GAZETTEER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/divisions.h"

namespace gongkai {

struct Gazetteer {
  std::shared_ptr<const Divisions> divisions = std::make_shared<Divisions>();
  std::map<std::string, std::string> aliases;  // name as written -> division code
  // Words a division name found inside is no evidence of (中华人民共和国 does not name 共和县:
  // 共和国; 和政府 not 和政县: 政府). A name occurrence that straddles one of them is ignored.
  std::vector<std::string> ordinary_words;
  std::string source_text;  // units.yaml as read (part of the placement fingerprint)
};

}  // namespace gongkai

#endif  // GONGKAI_CORE_GAZETTEER_H_
