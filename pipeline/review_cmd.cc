// gongkai review: see pipeline/review_cmd.h and loaders/review_store.h.
#include "pipeline/review_cmd.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "loaders/review_store.h"
#include "pipeline/runner.h"
#include "pipeline/text_table.h"

namespace gongkai {
namespace {

std::string Where(const FindingKey& k) {
  std::string out = k.table;
  for (const std::string* p : {&k.row, &k.col})
    if (!p->empty()) out += (out.empty() ? "" : ".") + *p;
  return out;
}

int PrintList(ReviewStore& store, const ReviewArgs& a) {
  FindingFilter filter{a.unit, a.kind, a.year, a.all};
  std::vector<ListedFinding> found = store.List(filter);
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : found)
    rows.push_back({f.id, f.key.unit, std::to_string(f.key.year), f.key.kind, Where(f.key),
                    f.line ? std::to_string(f.line) : "", f.review_state,
                    f.message_zh.empty() ? f.message : f.message_zh});
  std::fputs(RenderTextTable({"id", "unit", "year", "kind", "cell", "line", "state", "message"},
                             rows)
                 .c_str(),
             stdout);
  std::fprintf(stderr, "gongkai review: %zu %sfindings\n", found.size(), a.all ? "" : "open ");
  return kExitOk;
}

}  // namespace

std::string DefaultActor() {
  const char* user = std::getenv("USER");
  return user && *user ? user : "unknown";
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void AddReviewCommands(CLI::App& app, ReviewArgs* a, std::string* warehouse) {
  a->review = app.add_subcommand(
      "review", "list open findings, or record a decision on one (kept across re-runs)");
  a->review->add_option("id", a->id, "finding id REPORT_ID:SEQ, as review --list shows it");
  a->review->add_flag("--list", a->list, "list open findings with their ids");
  a->review->add_flag("--all", a->all, "with --list: reviewed findings too");
  a->review->add_option("--unit", a->unit, "with --list: only this unit");
  a->review->add_option("--year", a->year, "with --list: only this year");
  a->review->add_option("--kind", a->kind, "with --list: only this finding kind");
  auto* confirm = a->review->add_flag("--confirm", a->confirm, "the finding stands");
  auto* dismiss = a->review->add_flag("--dismiss", a->dismiss,
                                      "the finding does not stand (needs --reason)");
  auto* fixed = a->review->add_flag("--fixed", a->fixed, "the problem has been fixed");
  auto* reopen = a->review->add_flag("--reopen", a->reopen, "remove the decision");
  confirm->excludes(dismiss, fixed, reopen);
  dismiss->excludes(fixed, reopen);
  fixed->excludes(reopen);
  a->review->add_option("--reason", a->reason, "why (required with --dismiss)");
  a->review->add_option("--by", a->by, "reviewer (default: $USER)");
  a->review->add_option("-w,--warehouse", *warehouse, "SQLite file or postgresql:// URL");

  a->correct = app.add_subcommand(
      "correct", "correct one cell of a report; the marts use the corrected value");
  a->correct->add_option("--unit", a->unit, "unit name")->required();
  a->correct->add_option("--year", a->year, "report year")->required();
  a->correct->add_option("--division", a->division,
                         "division code, when two units share the name");
  a->correct->add_option("--cell", a->cell, "TABLE.ROW.COL, e.g. t3.new.total (explain shows "
                                            "the codes)")
      ->required();
  auto* value = a->correct->add_option("--value", a->value, "the correct number");
  auto* blank = a->correct->add_flag("--blank", a->blank, "the cell is blank");
  value->excludes(blank);
  a->correct->add_option("--reason", a->reason, "why the report's value is wrong")->required();
  a->correct->add_option("--by", a->by, "who corrects (default: $USER)");
  a->correct->add_option("-w,--warehouse", *warehouse, "SQLite file or postgresql:// URL");
}

int RunReviewCommand(const RunOptions& options, const ReviewArgs& a) {
  if (a.review && *a.review) return ReviewCommand(options, a);
  if (a.correct && *a.correct) return CorrectCommand(options, a);
  return -1;
}

int ReviewCommand(const RunOptions& options, const ReviewArgs& a) {
  try {
    auto db = OpenWarehouseReader(options.load);
    ReviewStore store(*db);
    if (a.list) return PrintList(store, a);
    if (a.id.empty())
      throw ReviewError("give --list, or a finding id and --confirm, --dismiss, --fixed or "
                        "--reopen");
    ListedFinding f = store.Find(a.id);
    const char* state = a.confirm ? "confirmed" : a.dismiss ? "dismissed" : a.fixed ? "fixed" : nullptr;
    if (a.reopen) {
      bool had = store.Reopen(f.key);
      std::printf("gongkai review: %s %s %lld %s: %s\n", a.id.c_str(), f.key.unit.c_str(),
                  f.key.year, f.key.kind.c_str(), had ? "reopened" : "had no decision");
      return kExitOk;
    }
    if (!state) throw ReviewError("say --confirm, --dismiss, --fixed or --reopen");
    store.Decide(f.key, state, a.reason, a.by.empty() ? DefaultActor() : a.by, NowUtc());
    std::printf("gongkai review: %s %s %lld %s: %s\n", a.id.c_str(), f.key.unit.c_str(),
                f.key.year, f.key.kind.c_str(), state);
    return kExitOk;
  } catch (const ReviewError& e) {
    std::fprintf(stderr, "gongkai review: %s\n", e.what());
    return kExitUsage;
  } catch (const LoadError& e) {
    std::fprintf(stderr, "gongkai review: warehouse: %s\n", e.what());
    return kExitWarehouse;
  }
}

}  // namespace gongkai
