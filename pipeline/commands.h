// The commands for the people who act on the data: explain, export, review, correct, report.
// main.cc registers them with AddPeopleCommands() and dispatches with RunPeopleCommand(); each
// command lives in a file of its own (explain_cmd.cc, export_cmd.cc, ...).
#ifndef GONGKAI_PIPELINE_COMMANDS_H_
#define GONGKAI_PIPELINE_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "config/options.h"
#include "pipeline/review_cmd.h"

namespace gongkai {

struct PeopleArgs {
  CLI::App* explain = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* report = nullptr;
  std::string warehouse;  // -w of these commands (overrides the config)
  std::string file, unit, format = "text";
  std::string division;  // explain --unit: the division code when the name is shared
  int year = 0;
  std::string view, output;        // export, report (output)
  std::vector<std::string> where;  // export: COLUMN=VALUE pairs
  ReviewArgs review;               // review, correct (review_cmd.h)
};

// Adds the subcommands to `app`; their options are written into `args` by CLI11's parse.
void AddPeopleCommands(CLI::App& app, PeopleArgs* args);

// Runs the subcommand that was chosen and returns its exit code; -1 when none of them was.
int RunPeopleCommand(const RunOptions& options, const PeopleArgs& args);

// explain FILE, or --unit U --year Y from the warehouse (explain_cmd.cc).
int ExplainCommand(const RunOptions& options, const PeopleArgs& args);
// export VIEW [--where COLUMN=VALUE ...] -o FILE.csv|FILE.xlsx (export_cmd.cc).
int ExportCommand(const RunOptions& options, const PeopleArgs& args);
// report -o FILE.html: the data-quality page (quality_cmd.cc).
int ReportCommand(const RunOptions& options, const PeopleArgs& args);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_COMMANDS_H_
