// units.yaml through libyaml's events (config/units_file.h): the same aliases and ordinary
// words as yaml-cpp's node tree read from the same text (the parser used before, still linked
// for the templates), over the shipped file, a national-size generated one and the YAML forms a
// hand-edited file may take; and exact errors with their line and column.
#include "config/units_file.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "config/config.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

// What ParseGazetteer read with yaml-cpp before (config.cc at 8b38e7c).
UnitsFile ThroughYamlCpp(const std::string& text) {
  UnitsFile out;
  YAML::Node root = YAML::Load(text);
  for (const auto& alias : root["aliases"])
    out.aliases.emplace_back(alias.first.as<std::string>(), alias.second.as<std::string>());
  for (const auto& w : root["ordinary_words"]) out.ordinary_words.push_back(w.as<std::string>());
  return out;
}

void ExpectSameAsYamlCpp(const std::string& text) {
  SCOPED_TRACE(text.substr(0, 200));
  const UnitsFile mine = ReadUnitsYaml(text), theirs = ThroughYamlCpp(text);
  EXPECT_EQ(mine.aliases, theirs.aliases);
  EXPECT_EQ(mine.ordinary_words, theirs.ordinary_words);
}

std::string ReadUnitsError(const std::string& text) {
  try {
    ReadUnitsYaml(text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

TEST(UnitsFile, TheShippedFileReadsAsYamlCppReadsIt) {
  const std::string text = testing::ReadFileOrDie(testing::SourceDir() + "/config/units.yaml");
  ExpectSameAsYamlCpp(text);
  const UnitsFile f = ReadUnitsYaml(text);
  ASSERT_EQ(f.aliases.size(), 1u);
  EXPECT_EQ(f.aliases[0], std::make_pair(std::string("平潭综合实验区"), std::string("350128")));
  ASSERT_EQ(f.ordinary_words.size(), 14u);
  EXPECT_EQ(f.ordinary_words.front(), "政府");
  EXPECT_EQ(f.ordinary_words.back(), "管理");
}

TEST(UnitsFile, ANationalSizeFileReadsAsYamlCppReadsIt) {
  // 2,845 counties of 14 units each in flow sequences (as bench/gen_corpus writes, skipped),
  // then 38,600 aliases in block style and in one flow mapping.
  std::string text = "counties:\n";
  for (int c = 0; c < 2845; ++c) {
    text += "  县" + std::to_string(c) + ": [";
    for (int u = 0; u < 14; ++u) text += (u ? ", 乡" : "乡") + std::to_string(c * 14 + u);
    text += "]\n";
  }
  text += "aliases:\n";
  for (int a = 0; a < 30000; ++a)
    text += "  开发区" + std::to_string(a) + ": \"" + std::to_string(110000 + a % 9000) + "\"\n";
  text += "more: {";
  for (int a = 0; a < 8600; ++a) text += (a ? ", k" : "k") + std::to_string(a) + ": v";
  text += "}\nordinary_words: [政府, 人民]\n";
  ExpectSameAsYamlCpp(text);
  EXPECT_EQ(ReadUnitsYaml(text).aliases.size(), 30000u);
}

TEST(UnitsFile, EveryFormOfScalarNullAnchorAndDuplicateReadsAsYamlCppReadsIt) {
  for (const char* text : {
           "",
           "# only a comment\n",
           "~\n",
           "aliases:\nordinary_words:\n",
           "aliases: ~\nordinary_words: null\n",
           "aliases: {}\nordinary_words: []\n",
           "aliases: {甲区: 110101, 乙区: '110102', \"丙区\": \"110103\"}\n",
           "aliases:\n  甲区: 110101 # a comment\n  乙区:\n  丙区: ~\n  丁区: Null\n  戊区: 'null'\n"
           "  己区: !!str 110105\n  庚区: \"\"\n",
           "aliases:\n  甲区: >-\n    1101\n    01\n  乙区: |-\n    110102\n",
           "x: &code 110101\ny: [&other 5, {a: &deep b}]\naliases:\n  甲区: *code\n  乙区: *deep\n"
           "  *other : *code\n",
           "aliases:\n  甲区: 1\n  甲区: 2\n",
           "aliases: {甲区: 1}\naliases: {乙区: 2}\nordinary_words: [a]\nordinary_words: [b]\n",
           "aliases: {甲区: 1}\n---\naliases: {乙区: 2}\n",
           "---\naliases: {甲区: 1}\n...\n",
           "%YAML 1.1\n---\naliases: {甲区: 1}\n",
           "ordinary_words:\n  - 政府\n  - ~\n  - ''\n  - 12\n",
           "? [complex, key]\n: value\naliases: {甲区: 1}\n",
       })
    ExpectSameAsYamlCpp(text);
}

TEST(UnitsFile, MalformedYamlAndWrongShapesAreErrorsWithTheirLineAndColumn) {
  EXPECT_EQ(ReadUnitsError("aliases: {甲区: \"1\"\n"),
            "line 2, column 1: did not find expected ',' or '}' (while parsing a flow mapping)");
  EXPECT_EQ(ReadUnitsError("aliases:\n  甲区: 1\n bad: 2\n"),
            "line 3, column 2: did not find expected key (while parsing a block mapping)");
  EXPECT_EQ(ReadUnitsError("aliases:\n  甲区: \"1\n"),
            "line 3, column 1: found unexpected end of stream (while scanning a quoted scalar)");
  EXPECT_EQ(ReadUnitsError("- a\n"), "line 1, column 1: the top level is not a mapping");
  EXPECT_EQ(ReadUnitsError("x\n"), "line 1, column 1: the top level is not a mapping");
  EXPECT_EQ(ReadUnitsError("aliases:\n  - 甲区\n"),
            "line 2, column 3: aliases: expected a mapping of names to codes");
  EXPECT_EQ(ReadUnitsError("aliases:\n  甲区: [1]\n"),
            "line 2, column 7: alias 甲区: the code is not a scalar");
  EXPECT_EQ(ReadUnitsError("aliases:\n  ? [甲区]\n  : 1\n"),
            "line 2, column 5: an alias name is not a scalar");
  // yaml-cpp iterated a non-null scalar as nothing: every alias silently dropped; now an error.
  EXPECT_EQ(ReadUnitsError("aliases: x\n"),
            "line 1, column 10: aliases: expected a mapping of names to codes");
  EXPECT_EQ(ReadUnitsError("ordinary_words: 政府\n"),
            "line 1, column 17: ordinary_words: expected a sequence");
  EXPECT_EQ(ReadUnitsError("ordinary_words: [{a: b}]\n"),
            "line 1, column 18: an ordinary word is not a scalar");
  EXPECT_EQ(ReadUnitsError("aliases: {甲区: *nowhere}\n"),
            "line 1, column 15: the referenced anchor is not defined");
  EXPECT_EQ(ReadUnitsError("x: &list [1]\naliases: {甲区: *list}\n"),
            "line 2, column 15: alias 甲区: the code is not a scalar");
}

TEST(UnitsFile, ParseGazetteerNamesTheFileShapeAndKeepsTheDivisionError) {
  try {
    ParseGazetteer("aliases: {甲区: \"1\"\n");
    ADD_FAILURE() << "no error for malformed YAML";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()),
              "units: line 2, column 1: did not find expected ',' or '}' (while parsing a flow "
              "mapping)");
  }
  const Gazetteer g = ParseGazetteer("aliases:\n  甲区: 1\n  乙区: 2\n  甲区: 3\n");
  EXPECT_EQ(g.aliases, (std::map<std::string, std::string, std::less<>>{{"甲区", "3"}, {"乙区", "2"}}));
}

}  // namespace
}  // namespace gongkai
