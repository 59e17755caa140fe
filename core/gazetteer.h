// What placement reads: the national division list (data/divisions, core/divisions.h) and the
// aliases of config/units.yaml, which name bodies that are not divisions (综合实验区, 开发区, ...)
// or settle a name the data leaves ambiguous, each mapped to a division code. Loaded by config/,
// read by pipeline/place.h, stored by the loaders (table division).
//
// Parsing it (38,600 aliases and 43,000 divisions at national size) costs more than an
// unchanged re-run does otherwise, and such a run needs only its fingerprint: LazyGazetteer
// carries the sources' fingerprint, read without parsing, and parses the first time the data
// itself is needed (a report to identify or place again, dimension tables to write).
#ifndef GONGKAI_CORE_GAZETTEER_H_
#define GONGKAI_CORE_GAZETTEER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/divisions.h"

namespace gongkai {

// What a gazetteer is made of, as read, without parsing it: enough to fingerprint it (the
// placement fingerprint, the definition of the dimension tables).
struct GazetteerSources {
  std::string units_text;              // units.yaml as read ("" without one)
  std::string divisions_version;       // Divisions::version()
  std::uint64_t divisions_digest = 0;  // Divisions::digest(), of the four CSV texts
};

struct Gazetteer {
  std::shared_ptr<const Divisions> divisions = std::make_shared<Divisions>();
  // name as written -> division code; std::less<>: found by a string_view, no copy per probe
  std::map<std::string, std::string, std::less<>> aliases;
  // Words a division name found inside is no evidence of (中华人民共和国 does not name 共和县:
  // 共和国; 和政府 not 和政县: 政府). A name occurrence that straddles one of them is ignored.
  std::vector<std::string> ordinary_words;
  std::string source_text;  // units.yaml as read (part of the placement fingerprint)

  GazetteerSources Sources() const;
};

// A gazetteer parsed the first time Get() is called. Copies share one gazetteer. Get() is
// thread-safe: concurrent first callers wait for the one parse; when `load` throws, Get()
// throws the same and the next call tries again. `load` must give a gazetteer whose Sources()
// equal `sources` (config/config.h: LoadGazetteerLazily).
class LazyGazetteer {
 public:
  LazyGazetteer() : LazyGazetteer(Gazetteer{}) {}
  LazyGazetteer(Gazetteer loaded);  // NOLINT(google-explicit-constructor): already parsed
  LazyGazetteer(GazetteerSources sources, std::function<Gazetteer()> load);

  const GazetteerSources& sources() const;
  const Gazetteer& Get() const;
  bool loaded() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace gongkai

#endif  // GONGKAI_CORE_GAZETTEER_H_
