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

// Reads a run configuration (config/run_options.cc). Every key is checked: an unknown key, a
// value of the wrong shape or an unreadable file throws ConfigError naming the file, the key
// path and what was expected. Relative input folders and warehouse paths are resolved against
// the project root when the file sits in a folder named config/ (config/gongkai.yaml), else
// against the file's folder; data files (templates, gazetteer) through FindDataPath
// (config/data_path.h), so an installed binary finds its own.
RunOptions LoadRunOptions(const std::string& path);

// The built-in defaults (config/options.h) with no configuration file: input folder and
// warehouse relative to the current folder, data files found by FindDataPath.
RunOptions DefaultRunOptions();

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
// units.yaml at `path` with the divisions of `divisions_dir`. "" is no alias file; a path that
// does not exist throws ConfigError (a mistyped path must not silently drop every alias).
Gazetteer LoadGazetteer(const std::string& path, const std::string& divisions_dir);
// The same, parsed the first time it is needed (LazyGazetteer::Get(), which then throws what
// LoadGazetteer would); what is read now is only what fingerprints it: units.yaml's text and
// the division data's version and digest. A missing file or folder throws ConfigError now.
LazyGazetteer LoadGazetteerLazily(const std::string& path, const std::string& divisions_dir);

}  // namespace gongkai

#endif  // GONGKAI_CONFIG_CONFIG_H_
