#include "tests/support/fixtures.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config.h"
#include "loaders/loader.h"

namespace gongkai::testing {
namespace fs = std::filesystem;

std::string SourceDir() { return GONGKAI_SOURCE_DIR; }
std::string FixturePath(const std::string& rel) { return SourceDir() + "/tests/fixtures/" + rel; }

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

const ExtractContext& ProjectContext() {
  static const ExtractContext ctx = [] {
    RunOptions o;
    o.extract.template_dir = SourceDir() + "/config/templates";
    o.identify.gazetteer = SourceDir() + "/config/units.yaml";
    o.identify.divisions = SourceDir() + "/data/divisions";
    return MakeContext(o);
  }();
  return ctx;
}

const Template& ProjectTemplate(int edition) {
  for (const auto& t : ProjectContext().templates)
    if (t.edition == edition) return t;
  throw std::runtime_error("no template edition " + std::to_string(edition));
}

void CopySeeds(const std::string& dir) {
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(FixturePath("seeds")))
    fs::copy_file(e.path(), dir + "/" + e.path().filename().string());
}

RunOptions SeedRunOptions(const std::string& input, const std::string& warehouse) {
  CopySeeds(input);
  RunOptions options;
  options.discover.input_dirs = {input};
  options.load.warehouse = warehouse;
  return options;
}

RunSummary RunWarehouse(const RunOptions& options, const ExtractContext& context) {
  auto loader = OpenLoader(options.load);
  loader->Prepare(context.templates, context.gazetteer);
  return Run(options, context, *loader);
}

std::string ToGb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("no GB18030 in iconv");
  std::string out(utf8.size() * 2, '\0');
  char* src = const_cast<char*>(utf8.data());
  std::size_t src_left = utf8.size(), dst_left = out.size();
  char* dst = out.data();
  iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

ProcessResult ProcessText(const std::string& text, const std::string& name) {
  return ProcessReport({name, text.size()}, text, ProjectContext());
}

std::map<std::string, ExpectedCell> ReadExpected(const std::string& stem) {
  std::map<std::string, ExpectedCell> out;
  std::istringstream in(ReadFileOrDie(FixturePath("expected/" + stem + ".csv")));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string part;
    while (std::getline(ls, part, ',')) f.push_back(part);
    if (line.back() == ',') f.push_back("");
    out[f.at(0) + "." + f.at(1) + "." + f.at(2)] = {f.at(3), f.size() > 4 ? f[4] : ""};
  }
  return out;
}

std::map<std::string, ExpectedCell> AsExpected(const std::vector<Cell>& cells) {
  std::map<std::string, ExpectedCell> out;
  for (const auto& c : cells) {
    std::string v = "blank";
    if (c.state == CellState::kNumber) {
      std::ostringstream os;
      os.precision(15);
      os << *c.value;
      v = os.str();
    }
    out[c.table() + "." + c.row() + "." + c.col()] = {v, c.raw};
  }
  return out;
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "gongkai_test_XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void ExpectCellExact(const std::map<std::string, ExpectedCell>& actual,
                     const std::map<std::string, ExpectedCell>& expected) {
  for (const auto& [key, want] : expected) {
    auto it = actual.find(key);
    if (it == actual.end()) {
      ADD_FAILURE() << key << " missing, expected " << want;
      continue;
    }
    EXPECT_EQ(it->second, want) << key;
  }
  for (const auto& [key, got] : actual)
    EXPECT_TRUE(expected.count(key)) << key << " extracted but not expected: " << got;
}

const std::vector<TextReport>& TextReports() {
  static const std::vector<TextReport> reports = {
      {"seeds/000_0f2f3fa0c9be7e04.txt", "000_0f2f3fa0c9be7e04"},
      {"seeds/001_0b0ebb0c0800d905.txt", "001_0b0ebb0c0800d905"},
      {"seeds/002_7da94f88d5ce056c.txt", "002_7da94f88d5ce056c"},
      {"seeds/003_6b1b5a067a577432.txt", "003_6b1b5a067a577432"},
      {"seeds/004_7e630d27dccc3614.txt", "004_7e630d27dccc3614"},
      {"real/sh_bgt_2019.tika.txt", "sh_bgt_2019"},
      {"real/sh_bgt_2019.tsv.txt", "sh_bgt_2019"},
      {"real/pingtan_2023.tika.txt", "pingtan_2023"},
      {"real/pingtan_2023.tsv.txt", "pingtan_2023"},
      {"real/huaian_szf_2024.pdf.txt", "huaian_szf_2024"},
      {"real/huaian_szf_2024.tsv.txt", "huaian_szf_2024"}};
  return reports;
}

std::string ParamName(const std::string& file) {
  std::string n = file;
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

}  // namespace gongkai::testing
