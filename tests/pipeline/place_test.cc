#include "pipeline/place.h"

#include <gtest/gtest.h>

#include "config/config.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

const Gazetteer& Project() { return testing::ProjectContext().gazetteer.Get(); }

Placement P(const std::string& unit, const std::vector<std::string>& text = {}) {
  return Place(unit, text, unit + "2020年政府信息公开工作年度报告", 1, Project());
}

// division, county, prefecture, province, kind, placed_by
std::vector<std::string> Where(const Placement& p) {
  return {p.division_code, p.county_code, p.prefecture_code, p.province_code, p.unit_kind,
          p.placed_by};
}
using W = std::vector<std::string>;

TEST(Place, TheChainOfDivisionsInTheTitle) {
  EXPECT_EQ(Where(P("淮安市洪泽区人民政府")), (W{"320813", "320813", "3208", "32", "government", "title"}));
  EXPECT_EQ(Where(P("淮安市人民政府")), (W{"3208", "", "3208", "32", "government", "title"}));
  EXPECT_EQ(Where(P("黑龙江省绥滨县绥滨镇")),
            (W{"230422100", "230422", "2304", "23", "government", "title"}));
  EXPECT_EQ(Where(P("昌乐县红河镇")), (W{"370725110", "370725", "3707", "37", "government", "title"}));
  EXPECT_EQ(Where(P("广州市番禺区市桥街道")),
            (W{"440113007", "440113", "4401", "44", "government", "title"}));
  EXPECT_EQ(P("广州市番禺区市桥街道").county_name, "番禺区");
}

TEST(Place, DepartmentsOfACountyAndOfAProvince) {
  EXPECT_EQ(Where(P("沭阳县发展和改革局")),
            (W{"321322", "321322", "3213", "32", "department", "title"}));
  EXPECT_EQ(Where(P("上海市人民政府办公厅")), (W{"31", "", "", "31", "department", "title"}));
  EXPECT_EQ(Where(P("江苏省人民政府办公厅")), (W{"32", "", "", "32", "department", "title"}));
  // A body whose name does not start with its division: the first full name inside it.
  EXPECT_EQ(Where(P("国家税务总局沭阳县税务局")),
            (W{"321322", "321322", "3213", "32", "department", "title"}));
}

TEST(Place, NamesAsPeopleWriteThem) {
  EXPECT_EQ(Where(P("凉山州人民政府")), (W{"5134", "", "5134", "51", "government", "title"}));
  EXPECT_EQ(Where(P("积石山县人民政府")),
            (W{"622927", "622927", "6229", "62", "government", "title"}));
  EXPECT_EQ(Where(P("镇宁自治县财政局")),
            (W{"520423", "520423", "5204", "52", "department", "title"}));
  EXPECT_EQ(Where(P("阿什里乡人民政府")),
            (W{"652301202", "652301", "6523", "65", "government", "title"}));
  EXPECT_EQ(Where(P("淮安市洪泽区政府")), (W{"320813", "320813", "3208", "32", "government", "title"}));
  EXPECT_EQ(P("北京市东城区东华门街道办事处").division_code, "110101001");
  EXPECT_EQ(P("北京市东城区东华门街道办事处").unit_kind, "government");
  EXPECT_EQ(P("江苏淮安市人民政府").division_code, "3208");  // a stem followed by a name
  EXPECT_EQ(P("淮安发展和改革委员会").placed_by, "unplaced");  // a stem alone is no name
}

TEST(Place, PseudoPrefecturesGiveNoPrefecture) {
  EXPECT_EQ(Where(P("重庆市渝中区人民政府")), (W{"500103", "500103", "", "50", "government", "title"}));
  EXPECT_EQ(Where(P("上海市黄浦区人民政府")), (W{"310101", "310101", "", "31", "government", "title"}));
  EXPECT_EQ(Where(P("天门市人民政府")), (W{"429006", "429006", "", "42", "government", "title"}));
  EXPECT_EQ(Where(P("潜江市人民政府")), (W{"429005", "429005", "", "42", "government", "title"}));
  EXPECT_EQ(Where(P("重庆市城口县人民政府")), (W{"500229", "500229", "", "50", "government", "title"}));
}

TEST(Place, AUniqueTownshipNameAlone) {
  EXPECT_EQ(Where(P("东木镇")), (W{"610924116", "610924", "6109", "61", "government", "title"}));
  EXPECT_EQ(Where(P("连生乡")), (W{"230422200", "230422", "2304", "23", "government", "title"}));
}

TEST(Place, ASharedNameSettledByTheText) {
  EXPECT_EQ(Where(P("后河镇人民政府", {"开设了美篇、抖音、云上卫辉等多个平台"})),
            (W{"410781103", "410781", "4107", "41", "government", "text"}));
  EXPECT_EQ(Where(P("红河镇", {"《昌乐日报》、昌乐电视台"})),
            (W{"370725110", "370725", "3707", "37", "government", "text"}));
  // Same-named townships in different counties, each in its own.
  EXPECT_EQ(P("红河镇", {"礼县红河镇人民政府"}).county_code, "621226");
  EXPECT_EQ(P("红河镇", {"彭阳县"}).county_code, "640425");
  EXPECT_EQ(P("礼县红河镇").division_code, "621226107");
}

TEST(Place, ASharedNameWithNoTellingContextIsAFindingWithEveryCandidate) {
  Placement p = P("红河镇", {"根据《中华人民共和国政府信息公开条例》，红河镇人民政府编制本报告。"});
  EXPECT_EQ(Where(p), (W{"", "", "", "", "government", "unplaced"}));
  EXPECT_EQ(p.county_name, "");
  EXPECT_EQ(p.candidates, "370725110 山东省潍坊市昌乐县红河镇; 621226107 甘肃省陇南市礼县红河镇; "
                          "640425103 宁夏回族自治区固原市彭阳县红河镇");
  ASSERT_EQ(p.findings.size(), 1u);
  EXPECT_EQ(p.findings[0].kind, "division_ambiguous");
  EXPECT_EQ(p.findings[0].line, 1);
  EXPECT_NE(p.findings[0].message.find(p.candidates), std::string::npos);
  // Two counties named in the text: still ambiguous.
  EXPECT_EQ(P("红河镇", {"昌乐县、彭阳县"}).placed_by, "unplaced");
}

TEST(Place, ANameInsideAnOrdinaryWordIsNoEvidence) {
  // 三合镇: 16 in the country, one in 和政县; 县委和政府 does not name 和政县.
  Placement p = P("三合镇", {"县委和政府高度重视"});
  EXPECT_EQ(p.placed_by, "unplaced");
  EXPECT_EQ(p.findings.at(0).kind, "division_ambiguous");
  EXPECT_EQ(P("三合镇", {"和政县人民政府"}).division_code, "622925101");
  // 中华人民共和国 does not name 共和县: two 甲镇, one in 共和县.
  auto divisions = std::make_shared<Divisions>(Divisions::Parse(
      "code,name\n63,\"青海省\"\n", "code,name,provinceCode\n6325,\"海南藏族自治州\",63\n",
      "code,name,cityCode,provinceCode\n632521,\"共和县\",6325,63\n632522,\"同德县\",6325,63\n",
      "code,name,areaCode,provinceCode,cityCode\n632521100,\"甲镇\",632521,63,6325\n"
      "632522100,\"甲镇\",632522,63,6325\n"));
  const std::vector<std::string> text = {"依据《中华人民共和国政府信息公开条例》"};
  Gazetteer guarded = ParseGazetteer("ordinary_words: [共和国]", divisions);
  EXPECT_EQ(Place("甲镇", text, "", 1, guarded).placed_by, "unplaced");
  Gazetteer unguarded = ParseGazetteer("", divisions);
  EXPECT_EQ(Place("甲镇", text, "", 1, unguarded).division_code, "632521100");
  EXPECT_EQ(P("中华人民共和国某某局").placed_by, "unplaced");
}

TEST(Place, AliasesPlaceBodiesThatAreNotDivisions) {
  EXPECT_EQ(Where(P("平潭综合实验区")), (W{"350128", "350128", "3501", "35", "other", "alias"}));
  EXPECT_EQ(Where(P("平潭综合实验区财政金融局")),
            (W{"350128", "350128", "3501", "35", "department", "alias"}));
  Gazetteer g = ParseGazetteer("aliases:\n  后河镇: \"410781103\"\n", Project().divisions);
  Placement p = Place("后河镇", {}, "", 1, g);
  EXPECT_EQ(p.division_code, "410781103");
  EXPECT_EQ(p.placed_by, "alias");
  EXPECT_THROW(ParseGazetteer("aliases:\n  某区: \"999999\"\n", Project().divisions), ConfigError);
}

TEST(Place, AUnitNamingNoDivision) {
  Placement p = P("县发展和改革局");
  EXPECT_EQ(Where(p), (W{"", "", "", "", "other", "unplaced"}));
  ASSERT_EQ(p.findings.size(), 1u);
  EXPECT_EQ(p.findings[0].kind, "division_unknown");
}

TEST(Place, TheFingerprintFollowsTheAliases) {
  Gazetteer a = ParseGazetteer("aliases:\n  甲: \"35\"\n", Project().divisions);
  Gazetteer b = ParseGazetteer("aliases:\n  甲: \"36\"\n", Project().divisions);
  EXPECT_NE(PlacementFingerprint(a.Sources()), PlacementFingerprint(b.Sources()));
  EXPECT_EQ(PlacementFingerprint(a.Sources()), PlacementFingerprint(a.Sources()));
}

// A shared name is no evidence of itself: 延寿镇 holds the stem of 延寿县, yet 北京市昌平区 has
// a 延寿镇 too; the title alone settles nothing (it was placed in 延寿县, a guess).
TEST(Place, ASharedNameIsNoEvidenceOfItself) {
  Placement p = P("延寿镇人民政府");
  EXPECT_EQ(p.placed_by, "unplaced");
  EXPECT_EQ(p.division_code, "");
  EXPECT_EQ(p.candidates, "110114120 北京市昌平区延寿镇; 230129100 黑龙江省哈尔滨市延寿县延寿镇");
  EXPECT_EQ(P("光明街道人民政府").placed_by, "unplaced");
}

// Evidence in the text: a name inside a longer division name names nothing of its own (宁县 in
// 武宁县), and a full name counts before a bare stem (梨树县 names 梨树县, not 梨树区).
TEST(Place, EvidenceIsTheLongestNameWritten) {
  EXPECT_EQ(Where(P("新宁镇人民政府", {"本镇隶属武宁县，现将年度报告公布如下。"})),
            (W{"360423100", "360423", "3604", "36", "government", "text"}));
  EXPECT_EQ(Where(P("梨树镇人民政府", {"本镇隶属梨树县，现将年度报告公布如下。"})),
            (W{"220322100", "220322", "2203", "22", "government", "text"}));
  EXPECT_EQ(P("东街街道人民政府", {"本街道隶属新城区。"}).division_code, "150102004");
}

}  // namespace
}  // namespace gongkai
