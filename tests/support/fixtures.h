// Paths of the project's test fixtures and small helpers to read them.
#ifndef GONGKAI_TESTS_SUPPORT_FIXTURES_H_
#define GONGKAI_TESTS_SUPPORT_FIXTURES_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/runner.h"

namespace gongkai::testing {

std::string SourceDir();                      // project root
std::string FixturePath(const std::string& rel);  // tests/fixtures/<rel>
std::string ReadFileOrDie(const std::string& path);
void WriteFile(const std::string& path, const std::string& content);

// Context with the project's templates and gazetteer (config/).
const ExtractContext& ProjectContext();
const Template& ProjectTemplate(int edition);  // throws if the edition does not exist

// Copies tests/fixtures/seeds/*.txt into `dir` (created).
void CopySeeds(const std::string& dir);

// Options of a run over the seeds: copies them into `input` (CopySeeds) and returns options
// that read `input` into `warehouse` (a SQLite path or a PostgreSQL conninfo); the rest default.
RunOptions SeedRunOptions(const std::string& input, const std::string& warehouse);

// One run as `gongkai run` does it: opens the warehouse options.load names (OpenLoader: SQLite
// or PostgreSQL), prepares it with `context`'s templates and gazetteer, runs `options` into it.
RunSummary RunWarehouse(const RunOptions& options,
                        const ExtractContext& context = ProjectContext());

// The same text in GB18030 (iconv), as Chinese government files often come.
std::string ToGb18030(const std::string& utf8);

// Runs ProcessReport on in-memory text.
ProcessResult ProcessText(const std::string& text, const std::string& name = "report.txt");

// An expected cell of tests/fixtures/expected/*.csv: value is "blank" or the number as written.
struct ExpectedCell {
  std::string value, raw;
  bool operator==(const ExpectedCell& o) const { return value == o.value && raw == o.raw; }
};
inline std::ostream& operator<<(std::ostream& os, const ExpectedCell& c) {
  return os << "{value=" << c.value << " raw='" << c.raw << "'}";
}
// Key "table.row.col".
std::map<std::string, ExpectedCell> ReadExpected(const std::string& stem);
// The same shape from extracted cells (value formatted with 15 significant digits).
std::map<std::string, ExpectedCell> AsExpected(const std::vector<Cell>& cells);

// Adds a test failure for every expected cell missing or different, and for every extracted
// cell that is not expected (keys "table.row.col", as ReadExpected and AsExpected give them).
void ExpectCellExact(const std::map<std::string, ExpectedCell>& actual,
                     const std::map<std::string, ExpectedCell>& expected);

// A text export of a seed or a shared real report (under tests/fixtures) and the stem of its
// expected/<stem>.csv: the five seeds, then real/ in each layout it reaches us in.
struct TextReport {
  std::string file, stem;
};
const std::vector<TextReport>& TextReports();

// A gtest parameter name made of a fixture path (every non-alphanumeric byte becomes '_').
std::string ParamName(const std::string& file);

// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_SUPPORT_FIXTURES_H_
