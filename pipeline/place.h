// place: which division a report's issuing unit belongs to or governs, never guessed.
//
// The unit as the title names it (昌乐县红河镇, 沭阳县发展和改革局, 上海市人民政府办公厅) is read
// from its start as the longest chain of division names, each inside the one before
// (黑龙江省 绥滨县 绥滨镇), in full or short form (凉山州, 积石山县, 阿什里乡) or as an alias of
// units.yaml; a bare stem (淮安, 卫辉) counts only when another name follows it. When the unit
// does not start with a division, the first full name of three characters or more inside it is
// used (国家税务总局沭阳县税务局). What follows the chain tells the kind of unit: nothing,
// 人民政府, 政府 or 办事处 is the division's government; anything else is a department of it;
// an alias body (综合实验区) is `other`.
//
// A chain that ends in a name several divisions share (后河镇) is settled by the body text:
// the candidates whose county, else prefecture, else province is named there (in full, short
// or stem form, not inside an ordinary word of units.yaml); exactly one must remain. Otherwise
// the report is not placed: finding `division_ambiguous` with every candidate (code and full
// name). A unit naming no division gets `division_unknown`.
#ifndef GONGKAI_PIPELINE_PLACE_H_
#define GONGKAI_PIPELINE_PLACE_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/lines.h"
#include "core/gazetteer.h"
#include "core/report.h"

namespace gongkai {

struct Placement {
  // Codes as in the division data; empty = NULL (unit above that level, or not placed).
  std::string division_code, county_code, prefecture_code, province_code;
  std::string county_name;            // the county's name, for the warehouse's county column
  std::string unit_kind = "other";    // government | department | other
  std::string placed_by = "unplaced";  // title | text | alias | unplaced
  std::string candidates;  // when ambiguous: "code full-name; ..." (also in the finding)
  std::vector<Finding> findings;
};

// `unit`: the issuing unit as the title names it (with its division prefix); `lines`: the
// report text, searched for evidence; `title`, `title_line`: for the findings.
Placement Place(std::string_view unit, const Lines& lines,
                const std::string& title, int title_line, const Gazetteer& gazetteer);

// Fingerprint of what placement depends on: this code's version, the division data and
// units.yaml, from their texts (no parsing needed). A report stored with another fingerprint is
// re-placed.
std::string PlacementFingerprint(const GazetteerSources& sources);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_PLACE_H_
