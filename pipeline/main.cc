// gongkai command line: run | init | extract. See README.md.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "config/config.h"
#include "loaders/dictionary.h"
#include "loaders/loader.h"
#include "pipeline/commands.h"
#include "pipeline/discover.h"
#include "pipeline/runner.h"

namespace {

using namespace gongkai;

std::string FormatValue(const Cell& c) {
  if (c.state != CellState::kNumber) return "blank";
  std::ostringstream os;
  os.precision(15);
  os << *c.value;
  return os.str();
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

int Extract(const RunOptions& options, const std::string& path) {
  ExtractContext ctx = MakeContext(options);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "gongkai: cannot read " << path << "\n";
    return kExitFilesFailed;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  ProcessResult p = ProcessReport({path, buf.str().size()}, buf.str(), ctx);
  if (!p.ok) {
    std::cerr << "gongkai: " << path << ": " << p.failure.error_kind << ": " << p.failure.message
              << "\n";
    return kExitFilesFailed;
  }
  const auto& id = p.record.identity;
  std::cerr << "# " << id.unit << " " << id.year << " edition " << id.edition << " county "
            << id.county.value_or("(unknown)") << "\n";
  std::cout << "table,row,col,value,raw\n";
  for (const auto& c : p.record.cells)
    std::cout << c.table << "," << c.row << "," << c.col << "," << FormatValue(c) << ","
              << CsvField(c.raw) << "\n";
  for (const auto& f : p.record.findings)
    std::cerr << "# finding " << SeverityName(f.severity) << " " << f.kind << " " << f.table << "."
              << f.row << "." << f.col << " line " << f.line << ": " << f.message << "\n";
  return 0;
}

int RunBatch(const RunOptions& options) {
  ExtractContext ctx = MakeContext(options);
  std::unique_ptr<Loader> loader;
  try {
    loader = OpenLoader(options.load);
    // The run lock first: a refused run writes nothing, not even the schema or dimensions.
    if (!loader->TryLockRun(ShardKey(options.discover)))
      throw RunLocked("another gongkai run is loading the same input into " +
                      loader->Describe() + "; not started");
    loader->Prepare(ctx.templates, ctx.gazetteer);
    RunSummary s = Run(options, ctx, *loader);
    spdlog::info("run finished: {} files, {} loaded, {} unchanged, {} failed, {} missing, "
                 "{} findings, exit {}",
                 s.files_seen, s.loaded, s.skipped, s.failed, s.missing, s.findings, s.ExitCode());
    if (!options.quiet || s.ExitCode() != kExitOk) {
      std::printf(
          "gongkai: %d files, %d loaded, %d unchanged, %d failed, %d missing%s, %lld cells, "
          "%lld findings -> %s\n",
          s.files_seen, s.loaded, s.skipped, s.failed, s.missing,
          s.removed ? " (removed)" : "", s.cells, s.findings, loader->Describe().c_str());
      for (const auto& f : s.failures)
        std::printf("  failed: %s: %s: %s\n", f.source.path.c_str(), f.error_kind.c_str(),
                    f.message.c_str());
      for (const auto& m : s.missing_paths) std::printf("  missing: %s\n", m.c_str());
    }
    return s.ExitCode();
  } catch (const RunLocked& e) {
    spdlog::error("{}", e.what());
    return kExitLocked;
  } catch (const WarehouseRefusal& e) {
    spdlog::error("warehouse: {}", e.what());
    return kExitUsage;
  } catch (const LoadError& e) {
    spdlog::error("warehouse: {}", e.what());
    return kExitWarehouse;
  }
}

struct InitOptions {
  bool migrate = false;            // --migrate: drop others' objects on views that must go
  std::vector<std::string> grant;  // --grant-read ROLE (PostgreSQL)
};

// The data dictionary as Markdown (stdout), or written into a README's generated section.
int PrintDictionary(const RunOptions& options, const std::string& readme) {
  ExtractContext ctx = MakeContext(options);
  std::string md = RenderDictionaryMarkdown(ctx.templates);
  if (readme.empty()) {
    std::cout << md;
    return kExitOk;
  }
  std::ifstream in(readme, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << "gongkai: cannot read " << readme << "\n";
    return kExitUsage;
  }
  try {
    std::string updated = ReplaceReadmeSection(text.str(), md);
    std::ofstream(readme, std::ios::binary) << updated;
  } catch (const std::runtime_error& e) {
    std::cerr << "gongkai: " << readme << ": " << e.what() << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

int Init(const RunOptions& options, const InitOptions& init) {
  ExtractContext ctx = MakeContext(options);
  try {
    auto loader = OpenLoader(options.load);
    loader->AllowDroppingDependents(init.migrate);
    loader->Prepare(ctx.templates, ctx.gazetteer);
    for (const auto& dropped : loader->DroppedDependents())
      std::printf("gongkai: dropped %s, which depended on a view this version replaced\n",
                  dropped.c_str());
    for (const auto& role : init.grant) loader->GrantRead(role);
    if (!options.quiet)
      std::printf("gongkai: schema version %d ready in %s\n", loader->SchemaVersion(),
                  loader->Describe().c_str());
    return kExitOk;
  } catch (const WarehouseRefusal& e) {
    spdlog::error("warehouse: {}", e.what());
    return kExitUsage;
  } catch (const LoadError& e) {
    spdlog::error("warehouse: {}", e.what());
    return kExitWarehouse;
  }
}

}  // namespace

int main(int argc, char** argv) {
  auto logger = spdlog::stderr_color_mt("gongkai");
  spdlog::set_default_logger(logger);

  CLI::App app{"gongkai: government-information-disclosure annual reports into a warehouse"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand
  std::string config_path = "config/gongkai.yaml";
  std::string warehouse;
  std::vector<std::string> inputs;
  bool quiet = false, verbose = false;
  app.add_option("-c,--config", config_path, "run configuration (YAML)")->capture_default_str();
  app.add_flag("-q,--quiet", quiet, "print nothing when everything loaded cleanly");
  app.add_flag("-v,--verbose", verbose, "log every report");
  std::string log_file;
  app.add_option("--log-file", log_file, "also append the log to this file");

  auto* run = app.add_subcommand("run", "extract every report under the input folders and load it");
  run->add_option("-w,--warehouse", warehouse,
                  "SQLite file or postgresql:// URL (overrides the config)");
  run->add_option("-i,--input", inputs, "input folder (repeatable; overrides the config)");
  bool force = false, prune = false;
  int workers = -1;
  run->add_flag("--force", force, "re-extract every file, changed or not");
  run->add_flag("--prune", prune, "remove the rows of files that disappeared from the input");
  run->add_option("-j,--workers", workers, "extraction threads (default: one per core)");
  auto* init = app.add_subcommand("init", "create or migrate the warehouse schema and views");
  init->add_option("-w,--warehouse", warehouse, "SQLite file or postgresql:// URL");
  InitOptions init_options;
  init->add_flag("--migrate", init_options.migrate,
                 "drop others' views that depend on a view this version must drop");
  init->add_option("--grant-read", init_options.grant,
                   "PostgreSQL: give ROLE SELECT on the marts and dimensions (repeatable)");
  std::string file;
  auto* dictionary = app.add_subcommand("dictionary", "print the data dictionary (labels, tables, "
                                        "views and columns) as Markdown");
  std::string dictionary_format = "markdown", readme;
  dictionary->add_option("--format", dictionary_format, "output format")
      ->check(CLI::IsMember({"markdown"}));
  dictionary->add_option("--readme", readme,
                         "rewrite this README's section between its dictionary markers instead");
  auto* extract = app.add_subcommand("extract", "print one report's cells as CSV (no database)");
  extract->add_option("file", file, "report text file")->required();
  PeopleArgs people;
  AddPeopleCommands(app, &people);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::info);
  if (!log_file.empty()) {
    try {
      logger->sinks().push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(log_file));
    } catch (const spdlog::spdlog_ex& e) {
      std::fprintf(stderr, "gongkai: cannot open log file %s: %s\n", log_file.c_str(), e.what());
      return kExitUsage;
    }
  }
  spdlog::set_pattern("%Y-%m-%d %H:%M:%S %^%l%$ %v");
  try {
    RunOptions options = LoadRunOptions(config_path);
    options.quiet = options.quiet || quiet;
    if (!warehouse.empty()) options.load.warehouse = warehouse;
    if (!inputs.empty()) options.discover.input_dirs = inputs;
    options.force = options.force || force;
    options.prune = options.prune || prune;
    if (workers >= 0) options.workers = workers;
    options.progress = !options.quiet && isatty(STDERR_FILENO);
    // The terminal gets warnings (errors only with --quiet, everything with -v); the log file
    // gets info and up (the run summary) whatever the terminal shows.
    logger->sinks().front()->set_level(verbose          ? spdlog::level::debug
                                       : options.quiet ? spdlog::level::err
                                                       : spdlog::level::warn);
    if (int rc = RunPeopleCommand(options, people); rc >= 0) return rc;
    if (*run) return RunBatch(options);
    if (*init) return Init(options, init_options);
    if (*dictionary) return PrintDictionary(options, readme);
    return Extract(options, file);
  } catch (const ConfigError& e) {
    spdlog::error("configuration: {}", e.what());
    return kExitUsage;
  } catch (const DiscoverError& e) {
    spdlog::error("input: {}", e.what());
    return kExitUsage;
  }
}
