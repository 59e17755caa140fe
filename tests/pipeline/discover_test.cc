// Discover and the manifest keys (issue 11 items 9, 11, 13): a file name in any bytes is stored
// losslessly (documented escape), every spelling of a folder (relative, absolute, through a
// symlink) gives one key per file (its realpath), and folders that cannot be walked are
// failures with a reason whose contents never count as missing.
#include "pipeline/discover.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "loaders/sqlite_loader.h"
#include "pipeline/path_key.h"
#include "tests/support/cli.h"
#include "tests/support/fixtures.h"
#include "tests/support/sqlite_query.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing::Query;
using testing::Rows;

TEST(PathKey, EscapesBytesThatAreNotUtf8AndBackslashesLosslessly) {
  EXPECT_EQ(EscapePath("/a/东木镇.txt"), "/a/东木镇.txt");
  // GBK 东木 = B6 AB C4 BE: B6 AB is no UTF-8, C4 BE happens to be (U+013E) and is kept.
  EXPECT_EQ(EscapePath("/a/\xB6\xAB\xC4\xBE.txt"), "/a/\\xB6\\xAB\xC4\xBE.txt");
  EXPECT_EQ(EscapePath("/a/\xB4\xED.txt"), "/a/\\xB4\\xED.txt");
  EXPECT_EQ(EscapePath("/a/x\\y.txt"), "/a/x\\\\y.txt");
  EXPECT_EQ(EscapePath("/a/\\xB6.txt"), "/a/\\\\xB6.txt");  // a literal "\xB6" stays apart
  EXPECT_EQ(EscapePath("\xED\xA0\x80"), "\\xED\\xA0\\x80");  // a surrogate is not UTF-8
  EXPECT_EQ(EscapePath("\xE4\xB8"), "\\xE4\\xB8");           // nor a cut sequence
  for (std::string raw : {"/a/\xB6\xAB\xC4\xBE.txt", "/a/x\\y.txt", "/a/\\xB6.txt",
                          "\xE4\xB8\xE4\xB8\x9C", "plain"})
    EXPECT_EQ(UnescapePath(EscapePath(raw)), raw);
}

// Writes to a warehouse as an older version of gongkai would have (text parameters bound).
void Write(const std::string& db_path, const std::string& sql, std::vector<std::string> params) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  for (std::size_t i = 0; i < params.size(); ++i)
    sqlite3_bind_text(st, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(st), SQLITE_DONE) << sqlite3_errmsg(db);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

class Paths : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = tmp_ / "reports";
    testing::CopySeeds(input_);
    options_.discover.input_dirs = {input_};
    options_.load.warehouse = tmp_ / "warehouse.db";
    options_.workers = 2;
  }
  RunSummary RunOnce() {
    const ExtractContext& ctx = testing::ProjectContext();
    auto loader = OpenSqliteLoader(options_.load.warehouse);
    loader->Prepare(ctx.templates, ctx.gazetteer);
    return gongkai::Run(options_, ctx, *loader);
  }
  Rows Q(const std::string& sql, const std::vector<std::string>& params = {}) {
    return Query(options_.load.warehouse, sql, params);
  }
  std::string Real() { return fs::canonical(input_).string(); }

  testing::TempDir tmp_;
  std::string input_;
  RunOptions options_;
};

TEST_F(Paths, AFileNameInGbkBytesLoadsIsSkippedWhenUnchangedAndPruned) {
  fs::rename(input_ + "/000_0f2f3fa0c9be7e04.txt", input_ + "/\xB6\xAB\xC4\xBE.txt");  // 东木
  testing::WriteFile(input_ + "/\xB4\xED\\.txt", "关于做好春节期间安全生产工作的通知\n各村：\n");
  RunSummary first = RunOnce();
  EXPECT_EQ(first.loaded, 5);
  EXPECT_EQ(first.failed, 1);
  const std::string key = Real() + "/\\xB6\\xAB\xC4\xBE.txt";
  const std::string bad = Real() + "/\\xB4\\xED\\\\.txt";
  EXPECT_EQ(Q("SELECT unit, status FROM report WHERE source_path = ?", {key}),
            (Rows{{"东木镇", "loaded"}}));
  EXPECT_EQ(Q("SELECT error_kind FROM report WHERE source_path = ?", {bad}),
            (Rows{{"not_a_report"}}));
  ASSERT_EQ(first.failures.size(), 1u);
  EXPECT_EQ(first.failures[0].source.path, bad);  // the error names the right file
  EXPECT_EQ(Q("SELECT source_path FROM run_file WHERE outcome = 'failed'"), (Rows{{bad}}));

  RunSummary again = RunOnce();
  EXPECT_EQ(again.loaded, 0);
  EXPECT_EQ(again.skipped, 6);
  EXPECT_EQ(again.still_failed, 1);

  fs::remove(input_ + "/\xB6\xAB\xC4\xBE.txt");
  options_.prune = true;
  RunSummary pruned = RunOnce();
  EXPECT_EQ(pruned.removed, 1);
  EXPECT_EQ(pruned.missing_paths, (std::vector<std::string>{key}));
  EXPECT_EQ(Q("SELECT count(*) FROM report WHERE source_path = ?", {key}), (Rows{{"0"}}));
  EXPECT_EQ(Q("SELECT count(*) FROM report"), (Rows{{"5"}}));
}

TEST_F(Paths, RelativeAbsoluteAndSymlinkedSpellingsOfOneFolderLoadOnce) {
  const std::string link = tmp_ / "link";
  fs::create_directory_symlink(input_, link);
  options_.discover.input_dirs = {fs::relative(input_).string()};
  EXPECT_EQ(RunOnce().loaded, 5);
  options_.discover.input_dirs = {link};
  RunSummary via_link = RunOnce();
  EXPECT_EQ(via_link.loaded, 0);
  EXPECT_EQ(via_link.skipped, 5);
  options_.discover.input_dirs = {input_ + "/./", link, fs::relative(link).string()};
  options_.prune = true;
  RunSummary all = RunOnce();
  EXPECT_EQ(all.files_seen, 5);
  EXPECT_EQ(all.skipped, 5);
  EXPECT_EQ(all.missing, 0);
  EXPECT_EQ(Q("SELECT count(*), min(source_path LIKE ? || '/%') FROM report", {Real()}),
            (Rows{{"5", "1"}}));
}

TEST_F(Paths, AWarehouseKeyedByAnOldSpellingIsRekeyedAndItsCopiesRemoved) {
  // Main before realpath keys stored the path as given: a relative spelling and, for the same
  // files reached through a symlinked folder, a second copy of each.
  const std::string link = tmp_ / "link";
  fs::create_directory_symlink(input_, link);
  RunOnce();
  Rows ids = Q("SELECT report_id FROM report ORDER BY source_path");
  const std::string db = options_.load.warehouse;
  const std::string rel = fs::relative(input_).string();
  Write(db, "UPDATE report SET source_path = replace(source_path, ?1, ?2)", {Real(), rel});
  Write(db, "INSERT INTO report (source_path, content_sha256, size_bytes, mtime_ns, "
            "extractor_version, status, error_kind) SELECT replace(source_path, ?1, ?2), "
            "content_sha256, size_bytes, mtime_ns, extractor_version, 'failed', 'copy' "
            "FROM report", {rel, link});
  ASSERT_EQ(Q("SELECT count(*) FROM report"), (Rows{{"10"}}));
  RunSummary s = RunOnce();
  EXPECT_EQ(s.loaded, 0);
  EXPECT_EQ(s.skipped, 5);
  EXPECT_EQ(s.missing, 0);
  EXPECT_EQ(Q("SELECT count(*) FROM report"), (Rows{{"5"}}));
  EXPECT_EQ(Q("SELECT report_id FROM report ORDER BY source_path"), ids);  // ids kept
  EXPECT_EQ(Q("SELECT count(*) FROM report WHERE source_path LIKE ? || '/%'", {Real()}),
            (Rows{{"5"}}));
}

TEST_F(Paths, ASymlinkLoopAndAFolderNamedLikeAReportAreReported) {
  fs::create_directories(input_ + "/sub/2020.txt");
  fs::copy_file(input_ + "/001_0b0ebb0c0800d905.txt", input_ + "/sub/2020.txt/a.txt");
  fs::create_directory_symlink("..", input_ + "/sub/loop");
  RunSummary s = RunOnce();
  EXPECT_EQ(s.loaded, 6);  // the file inside the folder named like a report is read
  EXPECT_EQ(s.ExitCode(), kExitFilesFailed);
  Rows log = Q("SELECT substr(source_path, ?), error_kind FROM run_file WHERE outcome = 'failed' "
               "ORDER BY source_path", {std::to_string(Real().size() + 2)});
  EXPECT_EQ(log, (Rows{{"sub/2020.txt", "folder_named_like_report"}, {"sub/loop", "symlink_loop"}}));
}

// A folder the run may not read (EACCES). Tests run as root in CI, where chmod 000 stops
// nothing: the run then goes through setpriv as nobody, so the production code meets a real
// permission error either way.
class Unreadable : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::permissions(tmp_.path(), fs::perms::all);
    input_ = tmp_ / "in";
    testing::CopySeeds(input_ + "/a");
    fs::create_directories(input_ + "/b");
    for (const char* f : {"003_6b1b5a067a577432.txt", "004_7e630d27dccc3614.txt"})
      fs::rename(input_ + "/a/" + f, input_ + "/b/" + f);
    for (auto& e : fs::recursive_directory_iterator(tmp_.path()))
      fs::permissions(e.path(), e.is_directory() ? fs::perms::all : fs::perms(0644));
    db_ = tmp_ / "w.db";
  }
  testing::CliResult Gongkai(std::vector<std::string> args) {
    std::vector<std::string> all = {"run", "-i", input_, "-w", db_};
    all.insert(all.end(), args.begin(), args.end());
    if (geteuid() != 0) return testing::RunGongkai(all);
    // nobody may not reach the checkout (a clone under a 0700 folder, as mktemp makes): the
    // binary and its data are laid out as `cmake --install` does, in the test's own folder.
    const std::string prefix = tmp_ / "prefix", share = prefix + "/share/gongkai";
    if (!fs::exists(prefix)) {
      fs::create_directories(prefix + "/bin");
      fs::copy_file(GONGKAI_BINARY, prefix + "/bin/gongkai");
      for (const char* d : {"config", "sql", "data/divisions"}) {
        fs::create_directories(share + "/" + d);
        fs::copy(testing::SourceDir() + "/" + d, share + "/" + d, fs::copy_options::recursive);
      }
      for (auto& e : fs::recursive_directory_iterator(prefix))
        fs::permissions(e.path(), e.is_directory() || e.path() == prefix + "/bin/gongkai"
                                      ? fs::perms(0755)
                                      : fs::perms(0644));
    }
    std::string cmd = "cd " + testing::ShellQuote(prefix) +
                      " && setpriv --reuid=nobody --regid=nogroup --clear-groups " +
                      testing::ShellQuote(prefix + "/bin/gongkai") + " -c " +
                      testing::ShellQuote(share + "/config/gongkai.yaml");
    for (const auto& a : all) cmd += " " + testing::ShellQuote(a);
    testing::CliResult r;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
    int st = pclose(p);
    r.exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
  }
  testing::TempDir tmp_;
  std::string input_, db_;
};

TEST_F(Unreadable, AnUnreadableSubfolderIsAFailureAndNothingUnderItIsMissingOrPruned) {
  testing::CliResult first = Gongkai({});
  ASSERT_EQ(first.exit_code, kExitFindings) << first.output;
  fs::permissions(input_ + "/b", fs::perms::none);
  testing::CliResult second = Gongkai({"--prune"});
  fs::permissions(input_ + "/b", fs::perms::all);
  EXPECT_EQ(second.exit_code, kExitFilesFailed) << second.output;
  const std::string b = fs::canonical(input_ + "/b").string();
  EXPECT_NE(second.output.find("failed: " + b + ": unreadable_folder: "), std::string::npos)
      << second.output;
  EXPECT_EQ(second.output.find("missing:"), std::string::npos) << second.output;
  EXPECT_EQ(Query(db_, "SELECT count(*) FROM report WHERE status = 'loaded'"), (Rows{{"5"}}));
  EXPECT_EQ(Query(db_, "SELECT missing, removed, failed FROM run WHERE run_id = 2"),
            (Rows{{"0", "0", "1"}}));
  EXPECT_EQ(Query(db_, "SELECT source_path, error_kind FROM run_file WHERE run_id = 2"),
            (Rows{{b, "unreadable_folder"}}));
}

// Issue 11 item 12: a file that could not be read (no permission) is retried on the next run
// once readable, even though its size and mtime did not change.
TEST_F(Unreadable, AFileThatWasUnreadableIsRetriedOnceReadable) {
  const std::string f = input_ + "/a/000_0f2f3fa0c9be7e04.txt";
  fs::permissions(f, fs::perms::none);
  testing::CliResult first = Gongkai({});
  fs::permissions(f, fs::perms(0644));
  EXPECT_EQ(first.exit_code, kExitFilesFailed) << first.output;
  testing::CliResult second = Gongkai({});
  EXPECT_EQ(second.exit_code, kExitFindings) << second.output;
  EXPECT_EQ(Query(db_, "SELECT status, unit FROM report WHERE source_path LIKE '%/000_%'"),
            (Rows{{"loaded", "东木镇"}}));
  EXPECT_EQ(Query(db_, "SELECT loaded, skipped, failed FROM run WHERE run_id = 2"),
            (Rows{{"1", "4", "0"}}));
}

TEST(Discover, KeysComeOutOfTheWalkInByteOrderSoNothingIsHeldAside) {
  // '-' and '.' sort before '/': the files a-b.txt and a.txt come before those in the folder a;
  // a name in GBK bytes or with a backslash sorts by its escaped key (keys written escaped).
  testing::TempDir tmp;
  for (const char* name : {"a-b.txt", "a.txt", "a/x.txt", "a/y/z.txt", "a-b/q.txt", "a0.txt",
                           "b.txt", "x\\\\y.txt", "\\xB6\\xAB.txt", "\\xB6/w.txt", "报告.txt"}) {
    const fs::path f = tmp / UnescapePath(name);
    fs::create_directories(f.parent_path());
    std::ofstream(f) << "x";
  }
  DiscoverOptions options;
  options.input_dirs = {tmp.path()};
  const Discovery found = DiscoverFiles(options);
  std::vector<std::string> keys;
  for (FileList::Cursor c(found.files); c.Next();) keys.push_back(c.path());
  const std::string r = PathKey(tmp.path()) + "/";
  EXPECT_EQ(keys, (std::vector<std::string>{
                      r + "\\xB6/w.txt", r + "\\xB6\\xAB.txt", r + "a-b.txt", r + "a-b/q.txt",
                      r + "a.txt", r + "a/x.txt", r + "a/y/z.txt", r + "a0.txt", r + "b.txt",
                      r + "x\\\\y.txt", r + "报告.txt"}));
  EXPECT_EQ(found.files.held_aside(), 0u);  // every key came in order: none held in full

  // A symlinked folder's files come out of order (their keys are the target's): the keys out
  // of order are held aside and merged in, each key once.
  fs::create_directory_symlink(tmp / "a", tmp / "0link");
  const Discovery again = DiscoverFiles(options);
  std::vector<std::string> keys_again;
  for (FileList::Cursor c(again.files); c.Next();) keys_again.push_back(c.path());
  EXPECT_EQ(keys_again, keys);
  // 0link/ sorts first: a/x.txt and a/y/z.txt come first, and the five keys walked after them
  // that sort before them (\xB6/w.txt ... a.txt) are held aside.
  EXPECT_EQ(again.files.held_aside(), 5u);
}

}  // namespace
}  // namespace gongkai
