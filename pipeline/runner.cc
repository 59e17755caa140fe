#include "pipeline/runner.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "config/config.h"
#include "pipeline/decode.h"
#include "pipeline/discover.h"
#include "pipeline/messages_zh.h"
#include "pipeline/ordered_pool.h"
#include "pipeline/path_key.h"
#include "pipeline/place.h"
#include "pipeline/read.h"
#include "core/file_text.h"

namespace gongkai {

int RunSummary::ExitCode() const {
  if (failed > 0 || still_failed > 0) return kExitFilesFailed;
  return findings > 0 || missing > 0 ? kExitFindings : kExitOk;
}

namespace {

std::string NowIso() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Failures that may pass by themselves (removed mid-run, no permission, an I/O error): the file
// is read again on the next run even when its size and mtime did not change.
bool Transient(const std::string& error_kind) { return error_kind == "unreadable"; }

// A key stored by an older version whose file is gone: under an input folder as spelled.
bool OldSpellingUnderInputs(const std::string& path, const DiscoverOptions& d) {
  namespace fs = std::filesystem;
  const std::string abs = fs::absolute(path).lexically_normal().string();
  for (const auto& dir : d.input_dirs) {
    for (std::string prefix : {fs::path(dir).lexically_normal().string(),
                               fs::absolute(dir).lexically_normal().string()}) {
      if (!prefix.empty() && prefix.back() != '/') prefix += '/';
      if (path.rfind(prefix, 0) == 0 || abs.rfind(prefix, 0) == 0) return true;
    }
  }
  return false;
}

// What the manifest and the discovered files say together: one merge pass of two streams in
// key byte order (the manifest through the loader's cursor), holding nothing per unchanged
// file. Indices point into the discovered files.
struct Comparison {
  std::vector<std::uint32_t> todo, replace;  // to extract and load; to place again
  std::vector<std::string> gone;             // stored, under the inputs, no longer on disk
  // Stored, unchanged, failed before (with their reasons): still failed.
  std::vector<ManifestEntry> still_failed;
  std::vector<std::uint32_t> still_failed_at;
  // Keys stored by older versions (relative, through a symlinked folder) whose file is among
  // the discovered ones: (stored path, its key).
  std::vector<std::pair<std::string, std::string>> rekey;
  std::size_t unchanged = 0;
};

using Adjustments = std::vector<std::pair<std::string, long long>>;  // Loader::FindingAdjustments

Comparison Compare(const Discovery& found, const RunOptions& options,
                   const ExtractContext& context, Loader& loader) {
  const FileList& files = found.files;
  Comparison c;
  FileList::Cursor file(files);
  bool more = file.Next();
  auto at = [&] { return static_cast<std::uint32_t>(file.index()); };
  std::string last;
  bool first = true;
  loader.ScanManifest([&](const ManifestEntry& e) {
    const std::string& path = e.source.path;
    if (!first && path < last)
      throw LoadError("the manifest is not in source path byte order (" + last + ", then " +
                      path + ")");
    first = false;
    last = path;
    for (; more && file.path() < path; more = file.Next()) c.todo.push_back(at());  // new
    if (more && file.path() == path) {
      const std::uint32_t i = at();
      bool unchanged = e.source.size == file.size() && e.source.mtime_ns == file.mtime_ns() &&
                       e.extractor_version == context.extractor_version;
      more = file.Next();
      if (unchanged && e.status == "failed" && Transient(e.error_kind)) unchanged = false;
      if (!unchanged || options.force) {
        c.todo.push_back(i);
        return;
      }
      ++c.unchanged;
      if (e.status == "loaded" && e.placement_fingerprint != context.placement_fingerprint)
        c.replace.push_back(i);
      if (e.status == "failed") {  // unchanged, so it would fail again
        c.still_failed.push_back(e);
        c.still_failed_at.push_back(i);
      }
      return;
    }
    // Stored but not discovered: an older spelling of a discovered file, gone, or elsewhere.
    if (path.empty() || path[0] != '/' || !found.Covers(path)) {
      std::string key = PathKey(UnescapePath(path));
      if (!key.empty() && key != path && files.Find(key) < files.size()) {
        c.rekey.emplace_back(path, std::move(key));
        return;
      }
    }
    if (found.UnderRoots(path) ? found.Covers(path)
                               : OldSpellingUnderInputs(path, options.discover))
      c.gone.push_back(path);
  });
  for (; more; more = file.Next()) c.todo.push_back(at());
  return c;
}

// Places an unchanged, loaded report again with this run's placement data: the file is read
// and identified (not extracted), and the loader rewrites the place, the place findings and
// the facts. A file that cannot be read or identified now is left as it is (and tried again by
// the next run, its fingerprint still differing).
void Replace(const SourceFile& file, const ExtractContext& context, Loader& loader,
             RunSummary* s) {
  std::string bytes;
  if (!ReadFileText(UnescapePath(file.path), &bytes)) {
    spdlog::warn("{}: cannot read the file to place it again; left as it was", file.path);
    return;
  }
  DecodeResult text = ReadReport(bytes, context.decode);
  IdentifyResult id;
  if (text.ok) id = Identify(text.lines, context.gazetteer.Get(), context.templates);
  if (!id.ok) {
    spdlog::warn("{}: cannot identify the report to place it again; left as it was", file.path);
    return;
  }
  id.identity.placement_fingerprint = context.placement_fingerprint;
  for (auto& f : id.findings) f.message_zh = FindingMessageZh(id.tmpl, f);
  loader.UpdatePlacement(file.path, id.identity, id.findings);
  ++s->replaced;
  for (const auto& f : id.findings)
    if (IsPlaceFinding(f.kind) && f.severity != Severity::kInfo) ++s->findings;
  spdlog::debug("{}: placed again: {} ({})", file.path, id.identity.division_code,
                id.identity.placed_by);
}

class Progress {
 public:
  Progress(bool enabled, std::size_t total) : enabled_(enabled), total_(total) {}
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\n");
  }
  void Update(std::size_t done) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\rgongkai: %zu/%zu files, %.0f files/s ", done, total_,
                 secs > 0 ? done / secs : 0.0);
    shown_ = true;
  }

 private:
  bool enabled_, shown_ = false;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_;
};

}  // namespace

std::string ShardKey(const DiscoverOptions& d) {
  std::vector<std::string> dirs;
  for (const auto& dir : d.input_dirs)
  {
    std::error_code ec;  // one shard whatever the spelling (relative, symlink): the realpath
    auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(dir), ec);
    dirs.push_back(EscapePath(
        (ec ? std::filesystem::absolute(dir) : canonical).lexically_normal().string()));
  }
  std::sort(dirs.begin(), dirs.end());
  std::string key;
  for (const auto& dir : dirs) key += dir + "\n";
  return key;
}

std::future<Discovery> StartDiscovery(const DiscoverOptions& discover) {
  return std::async(std::launch::async, [&discover] { return DiscoverFiles(discover); });
}

RunSummary Run(const RunOptions& options, const ExtractContext& context, Loader& loader,
               std::future<Discovery>* discovery) {
  RunRecord log;
  log.shard = ShardKey(options.discover);
  if (!loader.TryLockRun(log.shard))
    throw RunLocked("another gongkai run is loading the same input into " + loader.Describe() +
                    "; not started");
  log.started_at = NowIso();
  log.extractor_version = context.extractor_version;
  // May throw: before the log.
  const Discovery found = discovery ? discovery->get() : DiscoverFiles(options.discover);
  const FileList& files = found.files;
  const long long run_id = loader.BeginRun(log);

  Comparison c = Compare(found, options, context, loader);
  if (!c.rekey.empty()) {  // moved to their keys: compared again with the keys stored
    for (const auto& [path, key] : c.rekey) {
      spdlog::info("{}: stored under an older spelling of {}; re-keyed", path, key);
      loader.RekeyReport(path, key);
    }
    c = Compare(found, options, context, loader);
  }

  RunSummary s;
  s.files_seen = static_cast<int>(files.size());
  s.skipped = static_cast<int>(c.unchanged);
  // Folders that could not be walked (and loops, folders named like reports): failures of
  // this run with their reason, kept out of the report table.
  for (const auto& p : found.problems) {
    ++s.failed;
    spdlog::warn("{}: {}: {}", p.path, p.kind, p.message);
    log.files.push_back({p.path, "failed", p.kind, p.message});
    s.failures.push_back(FailedFile{{p.path, 0, 0}, "", context.extractor_version, p.kind,
                                    p.message});
  }
  // Failed in an earlier run and unchanged, so they would fail again: still counted.
  for (std::size_t k = 0; k < c.still_failed.size(); ++k) {
    const ManifestEntry& known = c.still_failed[k];
    ++s.still_failed;
    log.files.push_back({known.source.path, "failed", known.error_kind, known.error_message});
    s.failures.push_back(FailedFile{files.At(c.still_failed_at[k]), "", known.extractor_version,
                                    known.error_kind,
                                    known.error_message + " (unchanged since it failed)"});
  }
  std::vector<ManifestEntry>().swap(c.still_failed);
  const std::vector<std::uint32_t>& todo = c.todo;
  // Parsed only when a report is to be identified or placed, and here: a fault is ConfigError.
  if (!todo.empty() || !c.replace.empty()) context.gazetteer.Get();

  int threads = options.workers > 0 ? options.workers
                                    : static_cast<int>(std::thread::hardware_concurrency());
  OrderedPool<ProcessResult> pool(todo.size(), threads, 4 * static_cast<std::size_t>(threads) + 4,
                                  [&](std::size_t i) {
                                    return ReadAndProcess(files.At(todo[i]), context);
                                  });
  Progress progress(options.progress, todo.size());
  for (std::size_t i = 0; i < todo.size(); ++i) {
    ProcessResult p = pool.Next();
    const std::string path = files.Path(todo[i]);
    if (p.ok) {
      loader.LoadReport(p.record);
      ++s.loaded;
      s.cells += static_cast<long long>(p.record.cells.size());
      for (const auto& f : p.record.findings)
        if (f.severity != Severity::kInfo) ++s.findings;
      spdlog::debug("{}: {} {} ({} edition), {} cells, {} findings", path,
                    p.record.identity.unit, p.record.identity.year, p.record.identity.edition,
                    p.record.cells.size(), p.record.findings.size());
    } else {
      p.failure.message_zh = ErrorMessageZh(p.failure.error_kind, p.failure.message);
      loader.LoadFailure(p.failure);
      ++s.failed;
      spdlog::warn("{}: {}: {}", path, p.failure.error_kind, p.failure.message);
      log.files.push_back({path, "failed", p.failure.error_kind, p.failure.message});
      s.failures.push_back(std::move(p.failure));
    }
    progress.Update(i + 1);
  }

  loader.Flush();
  // Findings to review are the open ones: less those a decision in finding_review closes, plus
  // those the load added (corrected_cell_changed); only for the reports this run loaded.
  for (const auto& [path, delta] : todo.empty() ? Adjustments{} : loader.FindingAdjustments()) {
    auto at = std::lower_bound(todo.begin(), todo.end(), path,
                               [&](std::uint32_t f, auto& p) { return files.Path(f) < p; });
    if (at != todo.end() && files.Path(*at) == path) s.findings += delta;
  }
  for (std::uint32_t f : c.replace) Replace(files.At(f), context, loader, &s);
  for (std::string& path : c.gone) {
    ++s.missing;
    if (options.prune) {
      loader.RemoveReport(path);
      ++s.removed;
      log.files.push_back({path, "removed", "", "file disappeared; its rows were removed"});
    } else {
      spdlog::warn("{}: loaded earlier, no longer in the input folders", path);
      log.files.push_back({path, "missing", "", "file disappeared; its rows are kept"});
    }
    s.missing_paths.push_back(std::move(path));
  }

  log.finished_at = NowIso();
  log.files_seen = s.files_seen;
  log.loaded = s.loaded;
  log.skipped = s.skipped;
  log.failed = s.failed + s.still_failed;
  log.missing = s.missing;
  log.removed = s.removed;
  log.findings = s.findings;
  log.exit_code = s.ExitCode();
  loader.FinishRun(run_id, log);
  return s;
}

}  // namespace gongkai
