#include "pipeline/commands.h"

namespace gongkai {

void AddPeopleCommands(CLI::App& app, PeopleArgs* a) {
  a->explain = app.add_subcommand(
      "explain", "show where every number of one report comes from (a file, or --unit/--year "
                 "from the warehouse)");
  a->explain->add_option("file", a->file, "report text file (no database needed)");
  a->explain->add_option("--unit", a->unit, "unit name, with --year: read from the warehouse");
  a->explain->add_option("--year", a->year, "report year, with --unit");
  a->explain->add_option("--division", a->division,
                         "division code, with --unit: which of two units of the same name");
  a->explain->add_option("--format", a->format, "text (default), csv or json")
      ->check(CLI::IsMember({"text", "csv", "json"}));
  a->explain->add_option("-w,--warehouse", a->warehouse, "SQLite file or postgresql:// URL");

  a->export_ = app.add_subcommand("export", "write one of the warehouse's views to CSV or xlsx");
  a->export_->add_option("view", a->view, "view name, e.g. mart_applications")->required();
  a->export_->add_option("--where", a->where, "COLUMN=VALUE filter (repeatable, ANDed)");
  a->export_->add_option("-o,--output", a->output, "FILE.csv (UTF-8 with BOM) or FILE.xlsx")
      ->required();
  a->export_->add_option("-w,--warehouse", a->warehouse, "SQLite file or postgresql:// URL");

  a->report = app.add_subcommand(
      "report", "write the data-quality page: one HTML file with charts and their numbers");
  a->report->add_option("-o,--output", a->output, "FILE.html")->required();
  a->report->add_option("-w,--warehouse", a->warehouse, "SQLite file or postgresql:// URL");
  AddReviewCommands(app, &a->review, &a->warehouse);
}

int RunPeopleCommand(const RunOptions& options, const PeopleArgs& a) {
  RunOptions o = options;
  if (!a.warehouse.empty()) o.load.warehouse = a.warehouse;
  if (a.explain && *a.explain) return ExplainCommand(o, a);
  if (a.export_ && *a.export_) return ExportCommand(o, a);
  if (a.report && *a.report) return ReportCommand(o, a);
  if (int rc = RunReviewCommand(o, a.review); rc >= 0) return rc;
  return -1;
}

}  // namespace gongkai
