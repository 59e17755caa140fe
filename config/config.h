// The one place YAML is read: run options (config/gongkai.yaml), template editions
// (config/templates/edition_*.yaml) and the gazetteer (config/units.yaml).
// Errors (missing file, malformed YAML, a template that refers to an unknown column) throw
// ConfigError: they end the run before any report is touched.
#ifndef GONGKAI_CONFIG_CONFIG_H_
#define GONGKAI_CONFIG_CONFIG_H_

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

Gazetteer ParseGazetteer(const std::string& yaml_text);
Gazetteer LoadGazetteer(const std::string& path);  // a missing file is an empty gazetteer

}  // namespace gongkai

#endif  // GONGKAI_CONFIG_CONFIG_H_
