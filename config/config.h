// The one place YAML is read: run options (config/gongkai.yaml), template editions
// (config/templates/edition_*.yaml) the gazetteer (config/units.yaml) and
// the division data (data/divisions).
// Errors (missing file, malformed YAML, a template that refers to an unknown column) throw
// ConfigError: they end the run before any report is touched.
#ifndef GONGKAI_CONFIG_CONFIG_H_
#define GONGKAI_CONFIG_CONFIG_H_

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/options.h"
#include "core/gazetteer.h"
#include "core/template.h"

namespace gongkai {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads a run configuration. Relative paths inside it are resolved against the file's folder.
RunOptions LoadRunOptions(const std::string& path);

Template ParseTemplate(const std::string& yaml_text);
// All edition_*.yaml files of a folder, sorted by edition.
std::vector<Template> LoadTemplates(const std::string& dir);

// units.yaml: `aliases: {name: division code}` and `ordinary_words: [...]`. An alias naming a
// code that is not in `divisions` (when given and not empty) is a ConfigError.
Gazetteer ParseGazetteer(const std::string& yaml_text,
                         std::shared_ptr<const Divisions> divisions = nullptr);
// The division data folder (data/divisions; missing or malformed: ConfigError), loaded once per
// folder and process.
std::shared_ptr<const Divisions> LoadDivisions(const std::string& dir);
// units.yaml at `path` (a missing file: no aliases) with the divisions of `divisions_dir`.
Gazetteer LoadGazetteer(const std::string& path, const std::string& divisions_dir);

}  // namespace gongkai

#endif  // GONGKAI_CONFIG_CONFIG_H_
