// The gazetteer: which county a reporting unit belongs to, for reports whose title does not say
// (config/units.yaml, read by config/). Plain data; identify reads it, the loaders store it.
#ifndef GONGKAI_CORE_GAZETTEER_H_
#define GONGKAI_CORE_GAZETTEER_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gongkai {

struct Gazetteer {
  std::map<std::string, std::vector<std::string>> counties_of_unit;  // unit -> counties
  std::vector<std::pair<std::string, std::string>> entries;          // (county, unit), as listed
};

}  // namespace gongkai

#endif  // GONGKAI_CORE_GAZETTEER_H_
