// gongkai_mutate: the mutation test of issue 11. Takes every table row of the real reports in
// tests/fixtures (seeds/ and real/, copies of ../shared/corpus; their Markdown exports and an
// 8-column table 三 from shapes/), applies each single edit
//   delete_field  - drop one field (a tab-separated field, a tika cell line, a PDF word);
//   dup_field     - print one field twice;
//   stray_line    - a stray number line ("4") after a line that ends in a number;
//   drop_label    - drop one line of a wrapped label (a text-only line inside a table);
// extracts every variant in-process and compares its cells with tests/fixtures/expected:
//   exact        - every expected cell, nothing else;
//   refused      - some cells absent, none wrong, and a new finding (or a failed file) says why;
//   lost_silent  - some cells absent, none wrong, no new finding;
//   wrong+find   - a cell with a value other than the expected one (or at a coordinate that is
//                  not expected), with a new finding;
//   wrong-find   - the same without any new finding.
// Prints one table per edit kind x layout. Exit status 1 when any variant has a wrong number
// or an unedited report is not cell-exact (ctest runs it as `mutation`).
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extractors/cell_value.h"
#include "extractors/extractor.h"
#include "tests/support/fixtures.h"

namespace gongkai {
namespace {

using testing::AsExpected;
using testing::ExpectedCell;

using Source = testing::TextReport;

// The seeds and real reports in every layout, and their Markdown and 8-column shapes.
std::vector<Source> Sources() {
  std::vector<Source> sources = testing::TextReports();
  sources.insert(sources.end(), {
    // Markdown exports of the same reports (tests/fixtures/shapes/derive.py).
    {"shapes/pingtan_2023.md.txt", "pingtan_2023"},
    {"shapes/huaian_szf_2024.md.txt", "huaian_szf_2024"},
    {"shapes/sh_bgt_2019.md.txt", "sh_bgt_2019"},
    // Table 三 with the 8th column 法人或其他组织小计, in three layouts.
    {"shapes/pingtan_2023.subtotal.tika.txt", "pingtan_2023"},
    {"shapes/pingtan_2023.subtotal.tsv.txt", "pingtan_2023"},
    {"shapes/pingtan_2023.subtotal.md.txt", "pingtan_2023"},
  });
  return sources;
}

const char* kEdits[] = {"delete_field", "dup_field", "stray_line", "drop_label"};
const char* kLayouts[] = {"cells", "fields", "words", "markdown"};
enum Outcome { kExact, kRefused, kLostSilent, kWrongFound, kWrongSilent, kOutcomes };
const char* kOutcomeNames[] = {"exact", "refused", "lost_silent", "wrong+find", "wrong-find"};

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::string JoinWith(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

int LayoutOf(const std::string& line) {
  if (!line.empty() && line[0] == '|') return 3;
  std::size_t tabs = 0;
  for (char c : line) tabs += c == '\t';
  if (!line.empty() && line[0] == '\t' && tabs == 1) return 0;
  return tabs > 0 ? 1 : 2;
}

bool IsNumber(const std::string& s) { return ClassifyCell(s).kind == CellText::Kind::kNumber; }

// Findings of severity warning or error, as a multiset of coordinates, to tell new ones apart.
std::multiset<std::string> FindingKeys(const ProcessResult& r) {
  std::multiset<std::string> out;
  if (!r.ok) return out;
  for (const auto& f : r.record.findings)
    if (f.severity != Severity::kInfo) out.insert(f.kind + "|" + f.table + "|" + f.row + "|" + f.col);
  return out;
}

struct Tally {
  int n[kOutcomes] = {};
  int total = 0;
};

class Mutator {
 public:
  bool ok = true;
  std::map<std::pair<int, int>, Tally> tally;  // (edit, layout)

  void RunSource(const Source& s) {
    const std::string text = testing::ReadFileOrDie(testing::FixturePath(s.file));
    expected_ = testing::ReadExpected(s.stem);
    ProcessResult base = testing::ProcessText(text, s.file);
    if (!base.ok || Classify(base) != kExact) {
      std::printf("UNEDITED NOT CELL-EXACT: %s\n", s.file.c_str());
      ok = false;
      return;
    }
    base_findings_ = FindingKeys(base);
    file_ = s.file;
    lines_ = SplitLines(text);
    const Template& tmpl = testing::ProjectTemplate(base.record.identity.edition);
    for (const Section& sec : FindSections(lines_, tmpl))
      for (int i = sec.first; i < sec.last; ++i)
        if (lines_[i].find_first_not_of(" \t") != std::string::npos) MutateLine(i);
  }

 private:
  void MutateLine(int i) {
    const std::string& line = lines_[i];
    const int own = LayoutOf(line);
    const int layout = own == 2 && InCellBlock(i) ? 0 : own;
    if (own == 0) {  // a tika cell: the line is the field
      Try(0, layout, Without(i));
      Try(1, layout, With(i, line));
    } else {
      const char sep = own == 1 ? '\t' : own == 3 ? '|' : ' ';
      std::vector<std::string> parts = Split(line, sep);
      if (own == 2) {
        std::vector<std::string> words;
        for (auto& p : parts)
          if (!p.empty()) words.push_back(p);
        parts = words;
      }
      for (std::size_t f = 0; f < parts.size(); ++f) {
        if (own == 2 && parts.size() < 2) break;  // deleting a line's only word: drop_label
        if (own == 3 && (f == 0 || f + 1 == parts.size())) continue;  // the row's outer marks
        auto del = parts, dup = parts;
        del.erase(del.begin() + f);
        dup.insert(dup.begin() + f, parts[f]);
        Try(0, layout, Replaced(i, JoinWith(del, std::string(1, sep))));
        Try(1, layout, Replaced(i, JoinWith(dup, std::string(1, sep))));
      }
    }
    std::vector<std::string> words = Split(line, own == 2 ? ' ' : own == 3 ? '|' : '\t');
    while (words.size() > 1 && words.back().find_first_not_of(' ') == std::string::npos)
      words.pop_back();
    for (auto& w : words) {
      std::size_t a = w.find_first_not_of(' '), b = w.find_last_not_of(' ');
      w = a == std::string::npos ? "" : w.substr(a, b - a + 1);
    }
    if (IsNumber(words.back())) Try(2, layout, With(i + 1, "4"));
    bool any_number = false;
    for (const auto& w : words) any_number = any_number || IsNumber(w);
    // A label's wrapped line: a text-only line that is not a cell or a row of its own (deleting
    // those is delete_field).
    if (!any_number && own == 2) Try(3, layout, Without(i));
  }

  // An untabbed line continuing a tika cell (no blank line since the last tab-led cell line).
  bool InCellBlock(int i) const {
    for (int k = i - 1; k >= 0; --k) {
      if (lines_[k].find_first_not_of(" \t") == std::string::npos) return false;
      int l = LayoutOf(lines_[k]);
      if (l == 0) return true;
      if (l == 1 || l == 3) return false;
    }
    return false;
  }

  std::vector<std::string> Without(int i) const {
    auto v = lines_;
    v.erase(v.begin() + i);
    return v;
  }
  std::vector<std::string> With(int at, const std::string& line) const {
    auto v = lines_;
    v.insert(v.begin() + at, line);
    return v;
  }
  std::vector<std::string> Replaced(int i, const std::string& line) const {
    auto v = lines_;
    v[i] = line;
    return v;
  }

  Outcome Classify(const ProcessResult& r) const {
    if (!r.ok) return kRefused;
    auto got = AsExpected(r.record.cells);
    bool wrong = false, exact = got.size() == expected_.size();
    for (const auto& [key, cell] : got) {
      auto it = expected_.find(key);
      if (it == expected_.end() || it->second.value != cell.value) wrong = true;
      else if (!(it->second == cell)) exact = false;
    }
    if (!wrong && exact) return kExact;
    std::multiset<std::string> now = FindingKeys(r);
    bool found = false;
    for (const auto& k : now)
      found = found || now.count(k) > base_findings_.count(k);
    if (wrong) return found ? kWrongFound : kWrongSilent;
    return found ? kRefused : kLostSilent;
  }

  void Try(int edit, int layout, const std::vector<std::string>& lines) {
    ProcessResult r = testing::ProcessText(Join(lines), file_);
    Outcome o = Classify(r);
    Tally& t = tally[{edit, layout}];
    ++t.total;
    ++t.n[o];
    if (o == kWrongFound || o == kWrongSilent) {
      ok = false;
      if (shown_[edit * 4 + layout]++ < 6) Explain(edit, lines, r);
    }
  }

  void Explain(int edit, const std::vector<std::string>& lines, const ProcessResult& r) const {
    std::printf("WRONG %s %s:", kEdits[edit], file_.c_str());
    for (std::size_t i = 0; i < lines.size() && i < lines_.size(); ++i)
      if (lines[i] != lines_[i]) {
        std::printf(" line %zu '%s'\n", i + 1, lines[i].c_str());
        break;
      }
    for (const auto& [key, cell] : AsExpected(r.record.cells)) {
      auto it = expected_.find(key);
      if (it == expected_.end() || it->second.value != cell.value)
        std::printf("    %s = %s (expected %s)\n", key.c_str(), cell.value.c_str(),
                    it == expected_.end() ? "nothing" : it->second.value.c_str());
    }
  }

  std::map<std::string, ExpectedCell> expected_;
  std::multiset<std::string> base_findings_;
  std::string file_;
  std::vector<std::string> lines_;
  int shown_[16] = {};
};

}  // namespace
}  // namespace gongkai

int main() {
  using namespace gongkai;
  Mutator m;
  for (const Source& s : Sources()) m.RunSource(s);
  std::printf("%-13s %-7s %8s", "edit", "layout", "variants");
  for (const char* o : kOutcomeNames) std::printf(" %11s", o);
  std::printf("\n");
  for (int e = 0; e < 4; ++e)
    for (int l = 0; l < 4; ++l) {
      auto it = m.tally.find({e, l});
      if (it == m.tally.end()) continue;
      std::printf("%-13s %-7s %8d", kEdits[e], kLayouts[l], it->second.total);
      for (int o = 0; o < kOutcomes; ++o) std::printf(" %11d", it->second.n[o]);
      std::printf("\n");
    }
  std::printf(m.ok ? "mutation: no wrong number\n" : "mutation: FAILED\n");
  return m.ok ? 0 : 1;
}
