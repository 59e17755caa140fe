// gongkai review and gongkai correct: a person's decisions on findings and corrections of
// cells, stored in the warehouse by stable identity (loaders/review_store.h; README "Reviewing
// findings and correcting cells").
//
//   gongkai review [-w W] --list [--all] [--unit U] [--year Y] [--kind K]
//       open findings (with --all also reviewed ones), one per line, each with its id
//   gongkai review ID (--confirm | --dismiss --reason "…" | --fixed | --reopen) [--by NAME]
//   gongkai correct [-w W] --unit U --year Y [--division CODE] --cell TABLE.ROW.COL
//       (--value N | --blank) --reason "…" [--by NAME]
//
// Exit codes: 0 done; 2 bad command line, unknown id or cell, missing reason; 4 warehouse.
#ifndef GONGKAI_PIPELINE_REVIEW_CMD_H_
#define GONGKAI_PIPELINE_REVIEW_CMD_H_

#include <CLI/CLI.hpp>

#include <string>

#include "config/options.h"

namespace gongkai {

struct ReviewArgs {
  CLI::App* review = nullptr;
  CLI::App* correct = nullptr;
  std::string id, unit, kind, reason, by, division, cell, value;
  int year = 0;
  bool list = false, all = false, confirm = false, dismiss = false, fixed = false,
       reopen = false, blank = false;
};

// Adds both subcommands; -w is bound to `warehouse` (shared with the other people's commands).
void AddReviewCommands(CLI::App& app, ReviewArgs* args, std::string* warehouse);

// The chosen subcommand's exit code; -1 when neither was chosen.
int RunReviewCommand(const RunOptions& options, const ReviewArgs& args);

int ReviewCommand(const RunOptions& options, const ReviewArgs& args);
int CorrectCommand(const RunOptions& options, const ReviewArgs& args);

// Who acts when --by is not given: $USER, else "unknown"; and the time now (UTC, ISO 8601).
std::string DefaultActor();
std::string NowUtc();

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_REVIEW_CMD_H_
