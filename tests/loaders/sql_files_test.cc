// The definitions Prepare compares on every run are hashed piece by piece (no joined copy of
// units.yaml's text, no parse of the dictionary); they must stay what the joined text gives, or
// every warehouse would rewrite its dimension tables and dictionary once for nothing.
#include "loaders/sql_files.h"

#include <gtest/gtest.h>

#include "loaders/dictionary.h"

namespace gongkai {
namespace {

TEST(SqlFiles, TheDimensionsDefinitionIsTheHashOfTheJoinedSources) {
  std::vector<Template> templates(2);
  templates[0].source_text = "edition: 2019\n表一";
  templates[1].source_text = std::string("edition: 2021\0x", 15);  // a NUL inside
  GazetteerSources sources;
  sources.units_text = "aliases:\n  某县: '110101'\n";
  sources.divisions_version = "2.7.0";
  sources.divisions_digest = 1234567890123456789ull;
  const std::string joined = templates[0].source_text + '\0' + templates[1].source_text + '\0' +
                             sources.units_text + '\0' + "2.7.0\t1234567890123456789";
  EXPECT_EQ(DimensionsDefinition(templates, sources), DefinitionHash(joined));
  EXPECT_EQ(DefinitionHash(""), "cbf29ce484222325");  // FNV-1a's offset basis: nothing hashed
  EXPECT_EQ(DefinitionHash("a"), "af63dc4c8601ec8c");
  sources.units_text += ' ';
  EXPECT_NE(DimensionsDefinition(templates, sources), DefinitionHash(joined));
}

TEST(SqlFiles, TheDictionaryDefinitionIsTheHashOfItsYamlFilesWithoutParsingThem) {
  std::string all;
  int files = 0;
  for (const auto& f : EmbeddedSqlFiles())
    if (f.path.size() > 5 && f.path.substr(f.path.size() - 5) == ".yaml") {
      all += f.path + '\n' + f.text + '\n';
      ++files;
    }
  EXPECT_GT(files, 10);
  EXPECT_EQ(EmbeddedDictionaryDefinition(), DefinitionHash(all));
  EXPECT_EQ(EmbeddedDictionary().definition, DefinitionHash(all));
}

}  // namespace
}  // namespace gongkai
