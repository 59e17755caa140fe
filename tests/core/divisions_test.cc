#include "core/divisions.h"

#include <gtest/gtest.h>

#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

const Divisions& Data() { return *testing::ProjectContext().gazetteer.Get().divisions; }

std::vector<std::string> Codes(const std::string& name, NameForm form) {
  std::vector<std::string> out;
  if (const auto* hits = Data().Lookup(name))
    for (const auto& h : *hits)
      if (h.form == form) out.push_back(Data().all()[h.index].code);
  return out;
}

TEST(Divisions, TheVendoredDataHasEveryLevel) {
  int count[4] = {0, 0, 0, 0};
  for (const auto& d : Data().all()) ++count[static_cast<int>(d.level)];
  EXPECT_EQ(count[0], 31);  // provinces.csv: 31 rows (the "32" counts its header)
  EXPECT_EQ(count[1], 342);
  EXPECT_EQ(count[2], 2978);
  EXPECT_EQ(count[3], 41352);
  EXPECT_EQ(Data().version(), "2.7.0");
}

TEST(Divisions, CodesParentsAndLevels) {
  const Division* d = Data().Find("370725110");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->name, "红河镇");
  EXPECT_EQ(d->parent_code, "370725");
  EXPECT_EQ(d->level, DivisionLevel::kTownship);
  EXPECT_EQ(Data().CountyOf(*d), "370725");
  EXPECT_EQ(Data().PrefectureOf(*d), "3707");
  EXPECT_EQ(Data().ProvinceOf(*d), "37");
  EXPECT_EQ(Data().FullName(*d), "山东省潍坊市昌乐县红河镇");
}

TEST(Divisions, PseudoPrefecturesAreNoPrefecture) {
  for (const char* county : {"500101", "310101", "429006", "429005", "659001"}) {
    const Division* d = Data().Find(county);
    ASSERT_NE(d, nullptr) << county;
    EXPECT_EQ(Data().PrefectureOf(*d), "") << county << " " << d->name;
    EXPECT_TRUE(Data().Find(d->parent_code)->pseudo) << county;
  }
  EXPECT_TRUE(Data().Find("5002")->pseudo);  // 重庆's 县
  EXPECT_FALSE(Data().Find("3208")->pseudo);
  EXPECT_EQ(Data().Lookup("市辖区"), nullptr);
  EXPECT_EQ(Data().Lookup("县"), nullptr);
  EXPECT_EQ(Data().Lookup("省直辖县级行政区划"), nullptr);
}

TEST(Divisions, ShortFormsOfEthnicNames) {
  EXPECT_EQ(Codes("凉山州", NameForm::kShort), (std::vector<std::string>{"5134"}));
  EXPECT_EQ(Codes("凉山", NameForm::kStem), (std::vector<std::string>{"5134"}));
  EXPECT_EQ(Codes("积石山县", NameForm::kShort), (std::vector<std::string>{"622927"}));
  EXPECT_EQ(Codes("镇宁自治县", NameForm::kShort), (std::vector<std::string>{"520423"}));
  EXPECT_EQ(Codes("阿什里乡", NameForm::kShort).size(), 1u);
  EXPECT_EQ(Codes("广西", NameForm::kStem), (std::vector<std::string>{"45"}));
  EXPECT_EQ(Codes("内蒙古", NameForm::kStem), (std::vector<std::string>{"15"}));
  // 东乡区 (抚州) and 东乡族自治县 (临夏)
  EXPECT_EQ(Codes("东乡", NameForm::kStem), (std::vector<std::string>{"361003", "622926"}));
}

TEST(Divisions, TownshipsGetNoStemsAndOneCharacterStemsAreNone) {
  // 红河哈尼族彝族自治州 and 红河县, not the three 红河镇
  EXPECT_EQ(Codes("红河", NameForm::kStem), (std::vector<std::string>{"5325", "532529"}));
  EXPECT_EQ(Data().Lookup("礼"), nullptr);  // 礼县
}

// Lookup's bit filter and open-addressing table lose no name: every name of every division is
// found with that division, and names one byte short or long of a real one are not.
TEST(Divisions, LookupFindsEveryIndexedNameAndNoNeighbour) {
  const Divisions& d = Data();
  std::size_t names = 0;
  for (int i = 0; i < static_cast<int>(d.all().size()); ++i) {
    for (const auto& [name, form] : d.NamesOf(i)) {
      ++names;
      const auto* hits = d.Lookup(name);
      ASSERT_NE(hits, nullptr) << name;
      bool found = false;
      for (const auto& h : *hits) found = found || (h.index == i && h.form == form);
      EXPECT_TRUE(found) << name << " " << d.all()[i].code;
    }
  }
  EXPECT_GT(names, 48000u);  // 48,231 in data 2.7.0
  EXPECT_EQ(d.Lookup(std::string("昌乐县").substr(0, 8)), nullptr);  // a cut character
  EXPECT_EQ(d.Lookup("昌乐县昌"), nullptr);
  EXPECT_EQ(d.Lookup(""), nullptr);
  EXPECT_EQ(Divisions().Lookup("昌乐县"), nullptr);  // nothing loaded
}

TEST(Divisions, MalformedDataIsAnError) {
  EXPECT_THROW(Divisions::Parse("code,name\n11\n", "", "", ""), std::runtime_error);
  EXPECT_THROW(Divisions::Parse("code,name\n11,\"北京市\"\n", "code,name,provinceCode\n1101,\"市辖区\",99\n",
                                "", ""),
               std::runtime_error);
}

}  // namespace
}  // namespace gongkai
