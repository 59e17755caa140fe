#include "pipeline/commands.h"

namespace gongkai {

void AddPeopleCommands(CLI::App& app, PeopleArgs* a) {
  a->explain = app.add_subcommand(
      "explain", "show where every number of one report comes from (a file, or --unit/--year "
                 "from the warehouse)");
  a->explain->add_option("file", a->file, "report text file (no database needed)");
  a->explain->add_option("--unit", a->unit, "unit name, with --year: read from the warehouse");
  a->explain->add_option("--year", a->year, "report year, with --unit");
  a->explain->add_option("--format", a->format, "text (default), csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}));
  a->explain->add_option("-w,--warehouse", a->warehouse, "SQLite file or postgresql:// URL");
}

int RunPeopleCommand(const RunOptions& options, const PeopleArgs& a) {
  RunOptions o = options;
  if (!a.warehouse.empty()) o.load.warehouse = a.warehouse;
  if (a.explain && *a.explain) return ExplainCommand(o, a);
  return -1;
}

}  // namespace gongkai
