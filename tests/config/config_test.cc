// The gazetteer read lazily (config/config.h LoadGazetteerLazily): the same fingerprint as the
// parsed one without parsing, and the same errors, each at the moment it can be found.
#include "config/config.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

const std::string kUnits = testing::SourceDir() + "/config/units.yaml";
const std::string kDivisions = testing::SourceDir() + "/data/divisions";

TEST(LazyGazetteerFile, ItsSourcesAreThoseOfTheParsedGazetteerAndParsingWaitsForGet) {
  const LazyGazetteer lazy = LoadGazetteerLazily(kUnits, kDivisions);
  EXPECT_FALSE(lazy.loaded());
  const Gazetteer parsed = LoadGazetteer(kUnits, kDivisions);
  EXPECT_EQ(lazy.sources().units_text, testing::ReadFileOrDie(kUnits));
  EXPECT_EQ(lazy.sources().units_text, parsed.Sources().units_text);
  EXPECT_EQ(lazy.sources().divisions_version, "2.7.0");
  EXPECT_EQ(lazy.sources().divisions_version, parsed.Sources().divisions_version);
  EXPECT_EQ(lazy.sources().divisions_digest, parsed.Sources().divisions_digest);
  EXPECT_NE(lazy.sources().divisions_digest, 0u);
  EXPECT_EQ(lazy.Get().aliases, parsed.aliases);
  EXPECT_EQ(lazy.Get().divisions, parsed.divisions);  // the one copy per folder
  EXPECT_TRUE(lazy.loaded());
}

TEST(LazyGazetteerFile, AMalformedUnitsFileThrowsOnGetWhatTheEagerLoadThrows) {
  testing::TempDir tmp;
  testing::WriteFile(tmp / "units.yaml", "aliases:\n  某区: \"999999\"\n");
  std::string eager;
  try {
    LoadGazetteer(tmp / "units.yaml", kDivisions);
  } catch (const ConfigError& e) {
    eager = e.what();
  }
  EXPECT_EQ(eager, tmp / "units.yaml" + ": alias 某区: no division with code 999999");
  const LazyGazetteer lazy = LoadGazetteerLazily(tmp / "units.yaml", kDivisions);  // not parsed
  try {
    lazy.Get();
    ADD_FAILURE() << "no error for an alias naming no division";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), eager);
  }
  EXPECT_FALSE(lazy.loaded());
}

TEST(LazyGazetteerFile, AMissingFileOrFolderIsAnErrorAtOnce) {
  testing::TempDir tmp;
  try {
    LoadGazetteerLazily(kUnits, tmp / "nosuch");
    ADD_FAILURE() << "no error for a missing division folder";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "no division data folder " + tmp / "nosuch");
  }
  try {
    LoadGazetteerLazily(tmp / "nosuch.yaml", kDivisions);
    ADD_FAILURE() << "no error for a missing units.yaml";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()),
              "identify.gazetteer: " + tmp / "nosuch.yaml" +
                  ": file not found (the alias file, e.g. config/units.yaml; set the key to \"\" "
                  "to run without one)");
  }
  testing::WriteFile(tmp / "divisions/VERSION", "1\n");  // no CSV files
  try {
    LoadGazetteerLazily(kUnits, tmp / "divisions");
    ADD_FAILURE() << "no error for division data without its CSV files";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()),
              tmp / "divisions" + ": cannot read " + tmp / "divisions/provinces.csv");
  }
}

}  // namespace
}  // namespace gongkai
