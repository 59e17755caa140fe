#include "loaders/dictionary.h"

#include <yaml-cpp/yaml.h>

#include <regex>
#include <set>
#include <stdexcept>

#include "loaders/sql_files.h"
#include "loaders/sqlite_loader.h"

namespace gongkai {
namespace {

Description Split(const std::string& text, const std::string& file, const std::string& key) {
  auto bar = text.find(" | ");
  if (bar == std::string::npos || bar == 0 || bar + 3 >= text.size())
    throw std::runtime_error("sql/" + file + ": " + key + ": expected \"中文 | English\", got \"" +
                             text + "\"");
  return {text.substr(0, bar), text.substr(bar + 3)};
}

// An object's file: {name: {about: "zh | en", columns: {col: "zh | en", ...}}, ...}.
void ReadObjects(const SqlFile& f, Dictionary* d) {
  YAML::Node root = YAML::Load(f.text);
  for (const auto& obj : root) {
    const std::string name = obj.first.as<std::string>();
    if (!obj.second["about"])
      throw std::runtime_error("sql/" + f.path + ": " + name + ": no \"about\"");
    d->objects[name] = Split(obj.second["about"].as<std::string>(), f.path, name);
    for (const auto& col : obj.second["columns"]) {
      const std::string c = col.first.as<std::string>();
      d->columns[name + "." + c] = Split(col.second.as<std::string>(), f.path, name + "." + c);
    }
  }
}

// codes.yaml: {kind: {code: "中文 | English", ...}, ...}, in file order.
std::vector<CodeLabel> ReadCodes(const SqlFile& f) {
  std::vector<CodeLabel> out;
  for (const auto& kind : YAML::Load(f.text))
    for (const auto& code : kind.second) {
      const std::string k = kind.first.as<std::string>(), c = code.first.as<std::string>();
      Description s = Split(code.second.as<std::string>(), f.path, k + "." + c);
      out.push_back({k, c, s.zh, s.en});
    }
  return out;
}

bool IsYaml(const SqlFile& f) {
  return f.path.size() > 5 && f.path.compare(f.path.size() - 5, 5, ".yaml") == 0;
}

Dictionary Load() {
  Dictionary d;
  for (const auto& f : EmbeddedSqlFiles()) {
    if (!IsYaml(f)) continue;
    try {
      if (f.path == "dictionary/codes.yaml") {
        d.codes = ReadCodes(f);
      } else if (f.path == "dictionary/template_en.yaml") {
        for (const auto& part : YAML::Load(f.text))
          for (const auto& code : part.second)
            d.template_en[part.first.as<std::string>() + ":" + code.first.as<std::string>()] =
                code.second.as<std::string>();
      } else if (f.path == "dictionary/columns.yaml") {
        for (const auto& col : YAML::Load(f.text))
          d.common[col.first.as<std::string>()] =
              Split(col.second.as<std::string>(), f.path, col.first.as<std::string>());
      } else {
        ReadObjects(f, &d);  // dictionary/tables.yaml, staging/*.yaml, marts/*.yaml
      }
    } catch (const YAML::Exception& e) {
      throw std::runtime_error("sql/" + f.path + ": " + e.what());
    }
  }
  d.definition = EmbeddedDictionaryDefinition();
  return d;
}

}  // namespace

const std::string& EmbeddedDictionaryDefinition() {
  static const std::string definition = [] {
    std::string all;
    for (const auto& f : EmbeddedSqlFiles())
      if (IsYaml(f)) all += f.path + '\n' + f.text + '\n';
    return DefinitionHash(all);
  }();
  return definition;
}

const Dictionary& EmbeddedDictionary() {
  static const Dictionary d = Load();
  return d;
}

const std::string* CodeLabelZh(const std::string& kind, const std::string& code) {
  // codes.yaml alone (not the whole dictionary, ~70 M instructions): a process that only
  // extracts and labels its findings never parses the views' descriptions.
  static const std::map<std::pair<std::string, std::string>, std::string> index = [] {
    std::map<std::pair<std::string, std::string>, std::string> m;
    const SqlFile& f = EmbeddedSqlFile("dictionary/codes.yaml");
    try {
      for (auto& c : ReadCodes(f)) m.emplace(std::make_pair(c.kind, c.code), std::move(c.zh));
    } catch (const YAML::Exception& e) {
      throw std::runtime_error("sql/" + f.path + ": " + e.what());
    }
    return m;
  }();
  auto it = index.find(std::make_pair(kind, code));  // the first of a duplicate, as a scan did
  return it == index.end() ? nullptr : &it->second;
}

std::string DocFileFor(const std::string& object) {
  for (const auto& v : Views())
    if (v.name == object) {
      std::string path = v.file->path;  // staging/10_stg_report.sql -> staging/stg_report.yaml
      return "sql/" + path.substr(0, path.find('/') + 1) + object + ".yaml";
    }
  return "sql/dictionary/tables.yaml";
}

std::vector<std::string> BaseTables(const std::string& dialect) {
  std::set<std::string> names = {"schema_version"};
  static const std::regex create(R"(CREATE TABLE (IF NOT EXISTS )?([A-Za-z_][A-Za-z_0-9]*))");
  for (const SqlFile* m : Migrations(dialect))
    for (std::sregex_iterator it(m->text.begin(), m->text.end(), create), end; it != end; ++it)
      names.insert((*it)[2].str());
  return {names.begin(), names.end()};
}

std::vector<CodeLabel> AllCodeLabels(const std::vector<Template>& templates) {
  const Dictionary& d = EmbeddedDictionary();
  std::vector<CodeLabel> out = d.codes;
  std::set<std::string> seen;
  for (const auto& t : templates)
    for (const auto& r : t.rules) {
      if (!seen.insert(r.key).second) continue;
      auto en = d.template_en.find("rules:" + r.key);
      out.push_back({"rule", r.key, r.label, en == d.template_en.end() ? "" : en->second});
    }
  return out;
}

std::vector<DictionaryRow> DictionaryRows(const ObjectColumns& tables, const ObjectColumns& views) {
  const Dictionary& d = EmbeddedDictionary();
  std::vector<DictionaryRow> out;
  for (const auto* list : {&tables, &views})
    for (const auto& [object, columns] : *list) {
      const char* kind = list == &tables ? "table" : "view";
      auto o = d.objects.find(object);
      Description about = o == d.objects.end() ? Description{} : o->second;
      out.push_back({object, "", kind, about.zh, about.en});
      for (const auto& c : columns) {
        auto own = d.columns.find(object + "." + c);
        auto common = d.common.find(c);
        Description text = own != d.columns.end()      ? own->second
                           : common != d.common.end() ? common->second
                                                       : Description{};
        out.push_back({object, c, kind, text.zh, text.en});
      }
    }
  return out;
}

std::string DictionaryDefinition(const std::string& dialect) {
  std::string all = EmbeddedDictionaryDefinition();
  for (const auto& v : Views()) all += DefinitionHash(v.file->text);
  for (const SqlFile* m : Migrations(dialect)) all += DefinitionHash(m->text);
  return DefinitionHash(all);
}

std::string TemplateEnglish(const std::string& part, const std::string& key) {
  const auto& en = EmbeddedDictionary().template_en;
  auto it = en.find(part + ":" + key);
  return it == en.end() ? std::string() : it->second;
}

std::string DictionaryMarkdown(const std::vector<DictionaryRow>& rows,
                               const std::vector<CodeLabel>& codes) {
  auto cell = [](std::string s) {
    for (std::size_t at = 0; (at = s.find('|', at)) != std::string::npos; at += 2)
      s.replace(at, 1, "\\|");
    return s;
  };
  std::string md =
      "Generated by `gongkai dictionary --format markdown` from `sql/dictionary/*.yaml` and the\n"
      "`.yaml` beside each view; the warehouse holds the same text (`data_dictionary`,\n"
      "`dim_code`, `label_en` in `dim_table` / `dim_row` / `dim_col`, and on PostgreSQL\n"
      "`COMMENT ON`). Edit the YAML, then `build/gongkai dictionary --readme README.md`.\n";
  for (const auto& r : rows) {
    if (r.column.empty()) {
      md += "\n**" + r.object + "** (" + r.kind + ") — " + r.zh + " / " + r.en + "\n\n";
      md += "| column | 说明 | description |\n|---|---|---|\n";
    } else {
      md += "| `" + r.column + "` | " + cell(r.zh) + " | " + cell(r.en) + " |\n";
    }
  }
  md += "\n**Code labels** (`dim_code`; table, row and column labels are in `dim_table`, "
        "`dim_row`, `dim_col`)\n\n| kind | code | 中文 | English |\n|---|---|---|---|\n";
  for (const auto& c : codes)
    md += "| " + c.kind + " | `" + c.code + "` | " + cell(c.zh) + " | " + cell(c.en) + " |\n";
  return md;
}

std::string RenderDictionaryMarkdown(const std::vector<Template>& templates) {
  auto loader = OpenSqliteLoader(":memory:");
  loader->Prepare(templates, Gazetteer{});
  return DictionaryMarkdown(loader->DataDictionary(), AllCodeLabels(templates));
}

std::string ReplaceReadmeSection(const std::string& readme, const std::string& markdown) {
  const std::string begin = "<!-- dictionary:begin -->\n", end = "<!-- dictionary:end -->";
  auto b = readme.find(begin);
  auto e = readme.find(end);
  if (b == std::string::npos || e == std::string::npos || e < b)
    throw std::runtime_error("README has no \"<!-- dictionary:begin -->\" ... "
                             "\"<!-- dictionary:end -->\" section");
  return readme.substr(0, b + begin.size()) + markdown + readme.substr(e);
}

}  // namespace gongkai
