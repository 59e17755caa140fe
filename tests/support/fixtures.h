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
