// Labels and the data dictionary: every code's Chinese and English label and a description of
// every table, view and column, from data embedded with the SQL (cmake/embed_files.cmake):
//   sql/dictionary/codes.yaml        codes other than the template's: "code: 中文 | English"
//   sql/dictionary/template_en.yaml  English labels of the template's tables, rows, columns, rules
//   sql/dictionary/tables.yaml       the base tables and their columns
//   sql/dictionary/columns.yaml      columns that mean the same in every view (county, year, ...)
//   sql/<layer>/<view>.yaml          beside each view's .sql: the view and its own columns
// Prepare loads them into dim_code, the label_en columns of dim_table/dim_row/dim_col and
// data_dictionary (and, on PostgreSQL, COMMENT ON). `gongkai dictionary` prints the same text
// as Markdown for the README.
#ifndef GONGKAI_LOADERS_DICTIONARY_H_
#define GONGKAI_LOADERS_DICTIONARY_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/template.h"

namespace gongkai {

struct CodeLabel {
  std::string kind, code, zh, en;
};

struct Description {
  std::string zh, en;
};

struct Dictionary {
  std::vector<CodeLabel> codes;                    // codes.yaml, in file order
  std::map<std::string, std::string> template_en;  // "tables:t3", "rows:t3.new", "rules:t3.balance"
  std::map<std::string, Description> objects;      // table or view
  std::map<std::string, Description> columns;      // "object.column"
  std::map<std::string, Description> common;       // column name, any view
  std::string definition;                          // hash of all of the above
};

// Parsed once; throws std::runtime_error naming the file when the data is malformed.
const Dictionary& EmbeddedDictionary();
// EmbeddedDictionary().definition from the files' text alone, without parsing them (~70 M
// instructions, a quarter of an unchanged re-run's): what Prepare compares on every run.
const std::string& EmbeddedDictionaryDefinition();

// codes.yaml's Chinese label of `code` of `kind` (finding_kind, error_kind, rule, ...), or
// nullptr; the same as EmbeddedDictionary().codes holds, read from codes.yaml alone, once.
const std::string* CodeLabelZh(const std::string& kind, const std::string& code);

// The file a missing description or label belongs in, for test and log messages.
std::string DocFileFor(const std::string& object);

// The base tables gongkai's migrations create for `dialect`, plus schema_version.
std::vector<std::string> BaseTables(const std::string& dialect);

// Code labels of everything: codes.yaml plus the templates' rule keys (kind "rule").
std::vector<CodeLabel> AllCodeLabels(const std::vector<Template>& templates);

// One data_dictionary row per object (column "") and per column; descriptions empty where the
// data has none (the test LabelsAndDictionary.* names the file to edit).
struct DictionaryRow {
  std::string object, column, kind, zh, en;
};
using ObjectColumns = std::vector<std::pair<std::string, std::vector<std::string>>>;
std::vector<DictionaryRow> DictionaryRows(const ObjectColumns& tables, const ObjectColumns& views);

// The README's data dictionary section (between its markers).
std::string DictionaryMarkdown(const std::vector<DictionaryRow>& rows,
                               const std::vector<CodeLabel>& codes);

// What data_dictionary is written from for `dialect`: the dictionary data, the views' and the
// migrations' SQL. Unchanged, Prepare leaves data_dictionary (and the comments) as they are.
std::string DictionaryDefinition(const std::string& dialect);

// English label of a template code: part "tables" (key "t3"), "rows" / "columns" ("t3.new").
std::string TemplateEnglish(const std::string& part, const std::string& key);

// The Markdown of a warehouse prepared in memory with these templates (what `gongkai
// dictionary --format markdown` prints and the README holds).
std::string RenderDictionaryMarkdown(const std::vector<Template>& templates);

// The README with its section between "<!-- dictionary:begin -->" and "<!-- dictionary:end -->"
// replaced by `markdown`; throws std::runtime_error when the markers are missing.
std::string ReplaceReadmeSection(const std::string& readme, const std::string& markdown);

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_DICTIONARY_H_
