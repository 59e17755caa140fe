#include "config/config.h"

#include "config/units_file.h"
#include "core/file_text.h"
#include "core/rule_program.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

namespace gongkai {
namespace fs = std::filesystem;
namespace {

std::string ReadFile(const std::string& path) {
  std::string text;  // one read() into a buffer of the file's size (core/file_text.h)
  if (!ReadFileText(path, &text)) throw ConfigError("cannot read " + path);
  return text;
}

std::vector<std::string> Strings(const YAML::Node& n, bool normalize) {
  std::vector<std::string> out;
  if (!n) return out;
  for (const auto& item : n) {
    auto s = item.as<std::string>();
    out.push_back(normalize ? NormalizeLabel(s) : s);
  }
  return out;
}

}  // namespace

Template ParseTemplate(const std::string& yaml_text) {
  Template t;
  try {
    YAML::Node root = YAML::Load(yaml_text);
    t.edition = root["edition"].as<int>();
    t.first_year = root["years"][0].as<int>();
    t.last_year = root["years"][1].as<int>();
    t.signature = Strings(root["signature"], true);
    t.end_headings = Strings(root["end_headings"], true);
    for (const auto& tn : root["tables"]) {
      TableSpec ts;
      ts.code = tn["code"].as<std::string>();
      ts.label = tn["label"].as<std::string>();
      ts.headings = Strings(tn["headings"], true);
      for (const auto& cn : tn["columns"]) {
        ColumnSpec c;
        c.code = cn["code"].as<std::string>();
        c.label = cn["label"].as<std::string>();
        c.header_aliases = Strings(cn["header_aliases"], true);
        if (cn["measure"]) c.measure = cn["measure"].as<std::string>();
        c.money = cn["money"] && cn["money"].as<bool>();
        c.is_signed = cn["signed"] && cn["signed"].as<bool>();
        ts.columns.push_back(std::move(c));
      }
      for (const auto& rn : tn["rows"]) {
        RowSpec r;
        r.code = rn["code"].as<std::string>();
        r.label = rn["label"].as<std::string>();
        if (rn["group"]) r.group = rn["group"].as<std::string>();
        r.aliases = Strings(rn["aliases"], true);
        r.cols = Strings(rn["cols"], false);
        if (r.cols.empty())
          for (const auto& c : ts.columns) r.cols.push_back(c.code);
        r.optional = rn["optional"] && rn["optional"].as<bool>();
        r.unlabeled = rn["unlabeled"] && rn["unlabeled"].as<bool>();
        for (const auto& c : r.cols)
          if (!ts.FindColumn(c))
            throw ConfigError("row " + r.code + " names unknown column " + c);
        if (r.aliases.empty() && !r.unlabeled)
          throw ConfigError("row " + r.code + " has no aliases");
        for (const auto& a : r.aliases)
          if (a.size() < 2) throw ConfigError("row " + r.code + " has a one-byte alias");
        ts.rows.push_back(std::move(r));
      }
      if (const auto& sn = tn["subtotal"]) {
        ts.subtotal.enabled = true;
        ts.subtotal.label = sn["label"].as<std::string>();
        ts.subtotal.header_aliases = Strings(sn["header_aliases"], true);
        ts.subtotal.parts = Strings(sn["parts"], false);
        for (const auto& p : sn["positions"]) ts.subtotal.positions.push_back(p.as<int>());
      }
      ts.BuildAliasIndex();
      t.tables.push_back(std::move(ts));
    }
    for (const auto& rn : root["rules"]) {
      RuleSpec r;
      r.key = rn["key"].as<std::string>();
      r.table = rn["table"].as<std::string>();
      r.label = rn["label"].as<std::string>();
      std::string over = rn["over"].as<std::string>();
      r.over = over == "rows" ? RuleSpec::Over::kRows
               : over == "cols" ? RuleSpec::Over::kCols
                                : RuleSpec::Over::kNone;
      r.lhs = Strings(rn["lhs"], false);
      r.rhs = Strings(rn["rhs"], false);
      if (!t.FindTable(r.table)) throw ConfigError("rule " + r.key + " names unknown table");
      t.rules.push_back(std::move(r));
    }
  } catch (const YAML::Exception& e) {
    throw ConfigError(std::string("template: ") + e.what());
  }
  t.source_text = yaml_text;
  t.NumberCells();
  t.rule_program = CompileRules(t);
  return t;
}

std::vector<Template> LoadTemplates(const std::string& dir) {
  std::vector<Template> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    auto name = entry.path().filename().string();
    if (name.rfind("edition_", 0) != 0 || entry.path().extension() != ".yaml") continue;
    try {
      out.push_back(ParseTemplate(ReadFile(entry.path().string())));
    } catch (const ConfigError& e) {
      throw ConfigError(entry.path().string() + ": " + e.what());
    }
  }
  if (ec) throw ConfigError("cannot list template folder " + dir + ": " + ec.message());
  if (out.empty()) throw ConfigError("no edition_*.yaml templates in " + dir);
  std::sort(out.begin(), out.end(),
            [](const Template& a, const Template& b) { return a.edition < b.edition; });
  return out;
}

Gazetteer ParseGazetteer(const std::string& yaml_text,
                         std::shared_ptr<const Divisions> divisions) {
  Gazetteer g;
  if (divisions) g.divisions = std::move(divisions);
  g.source_text = yaml_text;
  UnitsFile file;
  try {
    file = ReadUnitsYaml(yaml_text);  // libyaml's events: see config/units_file.h
  } catch (const ConfigError& e) {
    throw ConfigError(std::string("units: ") + e.what());
  }
  for (auto& [name, code] : file.aliases) {
    if (!g.divisions->empty() && !g.divisions->Find(code))
      throw ConfigError("alias " + name + ": no division with code " + code);
    g.aliases[std::move(name)] = std::move(code);
  }
  g.ordinary_words = std::move(file.ordinary_words);
  return g;
}

std::shared_ptr<const Divisions> LoadDivisions(const std::string& dir) {
  // One copy per folder and process (tests and the benchmark build many contexts).
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Divisions>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = cache[dir];
  if (slot) return slot;
  if (!fs::is_directory(dir)) throw ConfigError("no division data folder " + dir);
  try {
    slot = std::make_shared<const Divisions>(Divisions::Load(dir));
  } catch (const std::runtime_error& e) {
    throw ConfigError(dir + ": " + e.what());
  }
  return slot;
}

namespace {

std::string ReadUnitsFile(const std::string& path) {
  if (path.empty()) return "";
  if (!fs::exists(path))
    throw ConfigError("identify.gazetteer: " + path + ": file not found (the alias file, e.g. "
                      "config/units.yaml; set the key to \"\" to run without one)");
  return ReadFile(path);
}

Gazetteer ParseUnitsFile(const std::string& path, const std::string& text,
                         std::shared_ptr<const Divisions> divisions) {
  try {
    return ParseGazetteer(text, std::move(divisions));
  } catch (const ConfigError& e) {
    if (path.empty()) throw;
    throw ConfigError(path + ": " + e.what());
  }
}

}  // namespace

Gazetteer LoadGazetteer(const std::string& path, const std::string& divisions_dir) {
  auto divisions = LoadDivisions(divisions_dir);
  return ParseUnitsFile(path, ReadUnitsFile(path), std::move(divisions));
}

LazyGazetteer LoadGazetteerLazily(const std::string& path, const std::string& divisions_dir) {
  if (!fs::is_directory(divisions_dir))
    throw ConfigError("no division data folder " + divisions_dir);
  GazetteerSources sources;
  try {
    Divisions::Fingerprint f = Divisions::ReadFingerprint(divisions_dir);
    sources.divisions_version = std::move(f.version);
    sources.divisions_digest = f.digest;
  } catch (const std::runtime_error& e) {
    throw ConfigError(divisions_dir + ": " + e.what());
  }
  sources.units_text = ReadUnitsFile(path);
  // The parse reads the sources the LazyGazetteer holds rather than a copy of its own (units.yaml
  // is ~0.7 MB at national size, and an unchanged run never parses): `held` points at them once
  // the LazyGazetteer exists. Its shared state holds both the sources and this function, and
  // copies of the LazyGazetteer share that state, so the address stays valid while the function
  // can be called.
  auto held = std::make_shared<const GazetteerSources*>(nullptr);
  LazyGazetteer lazy(std::move(sources), [path, divisions_dir, held] {
    const GazetteerSources& s = **held;
    auto divisions = LoadDivisions(divisions_dir);
    if (divisions->version() != s.divisions_version || divisions->digest() != s.divisions_digest)
      throw ConfigError(divisions_dir + ": the division data changed while gongkai was running");
    return ParseUnitsFile(path, s.units_text, std::move(divisions));
  });
  *held = &lazy.sources();
  return lazy;
}

}  // namespace gongkai
