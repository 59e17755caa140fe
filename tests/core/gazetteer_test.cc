#include "core/gazetteer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gongkai {
namespace {

Gazetteer WithAlias(const std::string& name, const std::string& code) {
  Gazetteer g;
  g.aliases[name] = code;
  g.source_text = "aliases:\n  " + name + ": \"" + code + "\"\n";
  return g;
}

TEST(LazyGazetteer, ParsesOnceOnFirstGetWhateverTheNumberOfThreadsAsking) {
  std::atomic<int> loads{0};
  LazyGazetteer lazy(WithAlias("甲", "35").Sources(), [&] {
    ++loads;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // others ask meanwhile
    return WithAlias("甲", "35");
  });
  EXPECT_FALSE(lazy.loaded());
  EXPECT_EQ(lazy.sources().units_text, "aliases:\n  甲: \"35\"\n");
  EXPECT_EQ(loads, 0);
  const LazyGazetteer copy = lazy;  // shares the one gazetteer
  std::vector<std::thread> askers;
  std::atomic<int> right{0};
  for (int i = 0; i < 4; ++i)
    askers.emplace_back([&, i] { right += (i % 2 ? copy : lazy).Get().aliases.at("甲") == "35"; });
  for (auto& t : askers) t.join();
  EXPECT_EQ(loads, 1);
  EXPECT_EQ(right, 4);
  EXPECT_TRUE(lazy.loaded());
  EXPECT_TRUE(copy.loaded());
  EXPECT_EQ(&lazy.Get(), &copy.Get());
}

TEST(LazyGazetteer, AFailedParseThrowsAndTheNextGetTriesAgain) {
  int calls = 0;
  LazyGazetteer lazy(GazetteerSources{}, [&]() -> Gazetteer {
    if (++calls == 1) throw std::runtime_error("units.yaml: alias 某区: no division with code 9");
    return Gazetteer{};
  });
  try {
    lazy.Get();
    ADD_FAILURE() << "no error from a failed parse";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "units.yaml: alias 某区: no division with code 9");
  }
  EXPECT_FALSE(lazy.loaded());
  EXPECT_TRUE(lazy.Get().aliases.empty());
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(lazy.loaded());
}

TEST(LazyGazetteer, AParsedGazetteerIsLoadedWithItsOwnSources) {
  const LazyGazetteer lazy = WithAlias("乙", "36");
  EXPECT_TRUE(lazy.loaded());
  EXPECT_EQ(lazy.sources().units_text, "aliases:\n  乙: \"36\"\n");
  EXPECT_EQ(lazy.sources().divisions_version, "");  // no division data
  EXPECT_EQ(lazy.sources().divisions_digest, 0u);
  EXPECT_EQ(lazy.Get().aliases.at("乙"), "36");
}

}  // namespace
}  // namespace gongkai
