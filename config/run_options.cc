// LoadRunOptions: the run configuration (config/gongkai.yaml or --config FILE), every key
// checked against one table. Adding an option is one line in kKeys (plus, for a data file,
// one FindDataPath line in ResolvePaths).
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "config/config.h"
#include "config/data_path.h"

namespace gongkai {
namespace fs = std::filesystem;
namespace {

// A value of the wrong shape: names what was expected (the caller adds file and key path).
struct Mismatch {
  std::string expected;
};

std::vector<std::string> StringList(const YAML::Node& n) {
  if (!n.IsSequence()) throw Mismatch{"a list of strings, e.g. [a, b]"};
  std::vector<std::string> out;
  for (const auto& item : n) {
    if (!item.IsScalar()) throw Mismatch{"a list of strings, e.g. [a, b]"};
    out.push_back(item.as<std::string>());
  }
  return out;
}

std::string String(const YAML::Node& n) {
  if (!n.IsScalar()) throw Mismatch{"a string"};
  return n.as<std::string>();
}

bool Bool(const YAML::Node& n) {
  bool v = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) throw Mismatch{"true or false"};
  return v;
}

long long Integer(const YAML::Node& n, long long min) {
  long long v = 0;
  if (!n.IsScalar() || !YAML::convert<long long>::decode(n, v) || v < min)
    throw Mismatch{"a whole number >= " + std::to_string(min)};
  return v;
}

struct Key {
  const char* path;  // dotted key path in the YAML file
  std::function<void(const YAML::Node&, RunOptions&)> set;
};

// Every key the run configuration may hold. Defaults are in config/options.h.
const std::vector<Key>& Keys() {
  static const std::vector<Key> keys = {
      {"discover.input_dirs",
       [](const YAML::Node& n, RunOptions& o) { o.discover.input_dirs = StringList(n); }},
      {"discover.extensions",
       [](const YAML::Node& n, RunOptions& o) { o.discover.extensions = StringList(n); }},
      {"discover.sniff", [](const YAML::Node& n, RunOptions& o) { o.discover.sniff = Bool(n); }},
      {"decode.max_bytes",
       [](const YAML::Node& n, RunOptions& o) { o.decode.max_bytes = Integer(n, 1); }},
      {"decode.soffice", [](const YAML::Node& n, RunOptions& o) { o.decode.soffice = String(n); }},
      {"identify.gazetteer",
       [](const YAML::Node& n, RunOptions& o) { o.identify.gazetteer = String(n); }},
      {"identify.divisions",
       [](const YAML::Node& n, RunOptions& o) { o.identify.divisions = String(n); }},
      {"extract.template_dir",
       [](const YAML::Node& n, RunOptions& o) { o.extract.template_dir = String(n); }},
      {"load.warehouse", [](const YAML::Node& n, RunOptions& o) { o.load.warehouse = String(n); }},
      {"load.batch_reports",
       [](const YAML::Node& n, RunOptions& o) {
         o.load.batch_reports = static_cast<int>(Integer(n, 0));
       }},
      {"load.foreign_key_checks",
       [](const YAML::Node& n, RunOptions& o) {
         const std::string v = n.IsScalar() ? n.as<std::string>() : "";
         if (v != "auto" && v != "always") throw Mismatch{"auto or always"};
         o.load.foreign_key_checks = v == "auto" ? LoadOptions::ForeignKeyChecks::kAuto
                                                 : LoadOptions::ForeignKeyChecks::kAlways;
       }},
      {"quiet", [](const YAML::Node& n, RunOptions& o) { o.quiet = Bool(n); }},
      {"workers",
       [](const YAML::Node& n, RunOptions& o) { o.workers = static_cast<int>(Integer(n, 0)); }},
      {"prune", [](const YAML::Node& n, RunOptions& o) { o.prune = Bool(n); }},
  };
  return keys;
}

std::string KnownKeys(const std::string& prefix) {
  std::string out;
  for (const auto& k : Keys()) {
    std::string p = k.path;
    if (p.rfind(prefix, 0) != 0) continue;
    std::string rest = p.substr(prefix.size());
    rest = rest.substr(0, rest.find('.'));
    if (out.find(" " + rest + ",") != std::string::npos) continue;
    out += " " + rest + ",";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

void Apply(const YAML::Node& map, const std::string& prefix, const std::string& file,
           RunOptions& o) {
  for (const auto& item : map) {
    std::string key;
    if (!item.first.IsScalar()) throw ConfigError(file + ": " + prefix + "?: a key must be a name");
    key = prefix + item.first.as<std::string>();
    const Key* exact = nullptr;
    bool section = false;
    for (const auto& k : Keys()) {
      if (key == k.path) exact = &k;
      if (std::string(k.path).rfind(key + ".", 0) == 0) section = true;
    }
    if (exact) {
      try {
        exact->set(item.second, o);
      } catch (const Mismatch& m) {
        throw ConfigError(file + ": " + key + ": expected " + m.expected);
      }
    } else if (section) {
      if (!item.second.IsMap())
        throw ConfigError(file + ": " + key + ": expected a section (keys:" +
                          KnownKeys(key + ".") + ")");
      Apply(item.second, key + ".", file, o);
    } else {
      throw ConfigError(file + ": " + key + ": unknown key (known" +
                        (prefix.empty() ? std::string("") : " under " + prefix) + ":" +
                        KnownKeys(prefix) + ")");
    }
  }
}

std::string Under(const fs::path& base, const std::string& p) {
  if (p.empty() || fs::path(p).is_absolute() || p.find("://") != std::string::npos ||
      p.find('=') != std::string::npos)
    return p;
  return (base / p).lexically_normal().string();
}

}  // namespace

static fs::path ConfigBase(const std::string& config_path) {
  fs::path dir = fs::absolute(config_path).parent_path();
  return dir.filename() == "config" ? dir.parent_path() : dir;
}

static void ResolvePaths(RunOptions& o, const std::string& base) {
  for (auto& d : o.discover.input_dirs) d = Under(base, d);
  o.load.warehouse = Under(base, o.load.warehouse);
  o.identify.gazetteer = FindDataPath(o.identify.gazetteer, base);
  o.identify.divisions = FindDataPath(o.identify.divisions, base);
  o.extract.template_dir = FindDataPath(o.extract.template_dir, base);
}

RunOptions LoadRunOptions(const std::string& path) {
  RunOptions o;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("cannot read configuration file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::Exception& e) {
    throw ConfigError(path + ": " + e.what());
  }
  if (root.IsMap()) {
    Apply(root, "", path, o);
  } else if (!root.IsNull()) {
    throw ConfigError(path + ": expected a mapping of keys (known:" + KnownKeys("") + ")");
  }
  ResolvePaths(o, ConfigBase(path).string());
  return o;
}

RunOptions DefaultRunOptions() {
  RunOptions o;
  ResolvePaths(o, "");
  return o;
}

}  // namespace gongkai
