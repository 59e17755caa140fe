// gongkai command line: run | init | extract. See README.md.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "config/config.h"
#include "config/data_path.h"
#include "loaders/dictionary.h"
#include "loaders/loader.h"
#include "loaders/postgres_module.h"
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
    std::cout << c.table() << "," << c.row() << "," << c.col() << "," << FormatValue(c) << ","
              << CsvField(c.raw) << "\n";
  for (const auto& f : p.record.findings)
    std::cerr << "# finding " << SeverityName(f.severity) << " " << f.kind << " " << f.table << "."
              << f.row << "." << f.col << " line " << f.line << ": " << f.message << "\n";
  return 0;
}

int RunBatch(const RunOptions& options) {
  // The walk of the input (a stat per file) runs on a second thread beside reading the
  // templates and sources, opening the warehouse and checking its schema: an unchanged re-run
  // is these and little else (issue 15). Its errors come out of Run, as before.
  std::future<Discovery> discovery = StartDiscovery(options.discover);
  ExtractContext ctx = MakeContext(options);
  std::unique_ptr<Loader> loader;
  try {
    loader = OpenLoader(options.load);
    // The run lock first: a refused run writes nothing, not even the schema or dimensions.
    if (!loader->TryLockRun(ShardKey(options.discover)))
      throw RunLocked("another gongkai run is loading the same input into " +
                      loader->Describe() + "; not started");
    loader->Prepare(ctx.templates, ctx.gazetteer);
    RunSummary s = Run(options, ctx, *loader, &discovery);
    spdlog::info("run finished: {} files, {} loaded, {} unchanged ({} re-placed), {} failed, "
                 "{} still failed, {} missing, {} open findings, exit {}",
                 s.files_seen, s.loaded, s.skipped, s.replaced, s.failed, s.still_failed,
                 s.missing, s.findings, s.ExitCode());
    if (!options.quiet || s.ExitCode() != kExitOk) {
      std::printf(
          "gongkai: %d files, %d loaded, %d unchanged, %d failed, %d still failed, %d missing%s, "
          "%lld cells, %lld open findings -> %s\n",
          s.files_seen, s.loaded, s.skipped, s.failed, s.still_failed, s.missing,
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

// gongkai --version: the program, the extractor fingerprint stored with every report, and each
// template edition's data version (the first 16 hex digits of its text's SHA-256).
int Version(const RunOptions& options) {
  std::printf("gongkai %s\n", GONGKAI_VERSION);
  try {
    ExtractContext ctx = MakeContext(options);
    std::printf("extractor %s\n", ctx.extractor_version.c_str());
    for (const auto& t : ctx.templates)
      std::printf("template edition %d (years %d-%d) %s\n", t.edition, t.first_year, t.last_year,
                  TemplateVersion(t).c_str());
    std::printf("templates from %s\n", FindDataPath(options.extract.template_dir).c_str());
  } catch (const ConfigError& e) {
    std::printf("extractor unknown: %s\n", e.what());
    return kExitUsage;
  }
  return kExitOk;
}

// A warehouse argument that is neither a SQLite file in an existing folder nor a PostgreSQL
// connection string is a bad command line (exit 2), said without its password.
std::string WarehouseProblem(const std::string& warehouse) {
  WarehouseTarget target = ClassifyWarehouseTarget(warehouse);
  if (target.kind == WarehouseKind::kInvalid) return target.problem;
  if (target.kind == WarehouseKind::kSqlite) {
    namespace fs = std::filesystem;
    fs::path parent = fs::path(warehouse).parent_path();
    std::error_code ec;
    if (!parent.empty() && !fs::is_directory(parent, ec))
      return "warehouse " + warehouse + ": folder " + parent.string() +
             " does not exist (gongkai creates the file, not its folders)";
  }
  return "";
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

struct Globals {
  std::string config_path;
  bool quiet = false, verbose = false;
  std::string log_file;
};

// The global options, on the app and on every subcommand (so `gongkai run --help` lists them
// and they may follow the subcommand).
void AddGlobals(CLI::App* app, Globals& g) {
  app->add_option("-c,--config", g.config_path,
                  "run configuration (YAML; default: config/gongkai.yaml when the current folder "
                  "has one, else built-in defaults)");
  app->add_flag("-q,--quiet", g.quiet, "print nothing when everything loaded cleanly");
  app->add_flag("-v,--verbose", g.verbose, "log every report");
  app->add_option("--log-file", g.log_file, "also append the log to this file");
}

}  // namespace

int main(int argc, char** argv) {
  auto logger = spdlog::stderr_color_mt("gongkai");
  spdlog::set_default_logger(logger);

  CLI::App app{"gongkai: government-information-disclosure annual reports into a warehouse"};
  app.require_subcommand(0, 1);
  app.fallthrough();  // global options may follow the subcommand
  Globals g;
  AddGlobals(&app, g);
  bool version = false;
  app.add_flag("--version", version, "print the version, extractor fingerprint and templates");
  std::string warehouse;
  std::vector<std::string> inputs;

  auto* run = app.add_subcommand("run", "extract every report under the input folders and load it");
  AddGlobals(run, g);
  run->add_option("-w,--warehouse", warehouse,
                  "SQLite file (its folder must exist) or PostgreSQL connection string "
                  "(postgresql://... or key=value; overrides the config)");
  run->add_option("-i,--input", inputs, "input folder (repeatable; overrides the config)");
  bool force = false, prune = false;
  int workers = -1, batch_reports = -1;
  run->add_flag("--force", force, "re-extract every file, changed or not");
  run->add_flag("--prune", prune, "remove the rows of files that disappeared from the input");
  run->add_option("-j,--workers", workers, "extraction threads (default: one per core)");
  run->add_option("--batch-reports", batch_reports,
                  "whole reports per load transaction, at most (default: SQLite 1024, "
                  "PostgreSQL 256; SQLite also commits after 1 s of work, PostgreSQL after 0.25 s)")
      ->check(CLI::PositiveNumber);
  auto* init = app.add_subcommand("init", "create or migrate the warehouse schema and views");
  AddGlobals(init, g);
  init->add_option("-w,--warehouse", warehouse,
                   "SQLite file or PostgreSQL connection string (postgresql://... or key=value)");
  InitOptions init_options;
  init->add_flag("--migrate", init_options.migrate,
                 "drop others' views that depend on a view this version must drop");
  init->add_option("--grant-read", init_options.grant,
                   "PostgreSQL: give ROLE SELECT on the marts and dimensions (repeatable)");
  std::string file;
  auto* dictionary = app.add_subcommand("dictionary", "print the data dictionary (labels, tables, "
                                        "views and columns) as Markdown");
  AddGlobals(dictionary, g);
  std::string dictionary_format = "markdown", readme;
  dictionary->add_option("--format", dictionary_format, "output format")
      ->check(CLI::IsMember({"markdown"}));
  dictionary->add_option("--readme", readme,
                         "rewrite this README's section between its dictionary markers instead");
  auto* extract = app.add_subcommand("extract", "print one report's cells as CSV (no database)");
  AddGlobals(extract, g);
  extract->add_option("file", file, "report text file")->required();
  PeopleArgs people;
  AddPeopleCommands(app, &people);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kExitUsage;
  }
  if (!version && app.get_subcommands().empty()) {
    std::fprintf(stderr, "%s", app.help().c_str());
    std::fprintf(stderr, "gongkai: a command is required (run, init, dictionary or extract)\n");
    return kExitUsage;
  }
  spdlog::set_level(g.verbose ? spdlog::level::debug : spdlog::level::info);
  if (!g.log_file.empty()) {
    try {
      logger->sinks().push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(g.log_file));
    } catch (const spdlog::spdlog_ex& e) {
      std::fprintf(stderr, "gongkai: cannot open log file %s: %s\n", g.log_file.c_str(), e.what());
      return kExitUsage;
    }
  }
  spdlog::set_pattern("%Y-%m-%d %H:%M:%S %^%l%$ %v");
  try {
    std::error_code ec;
    RunOptions options;
    if (!g.config_path.empty()) options = LoadRunOptions(g.config_path);
    else if (std::filesystem::is_regular_file("config/gongkai.yaml", ec))
      options = LoadRunOptions("config/gongkai.yaml");
    else options = DefaultRunOptions();
    if (version) return Version(options);
    options.quiet = options.quiet || g.quiet;
    if (!warehouse.empty()) options.load.warehouse = warehouse;
    if (!inputs.empty()) options.discover.input_dirs = inputs;
    options.force = options.force || force;
    options.prune = options.prune || prune;
    if (workers >= 0) options.workers = workers;
    if (batch_reports > 0) options.load.batch_reports = batch_reports;
    options.progress = !options.quiet && isatty(STDERR_FILENO);
    // The terminal gets warnings (errors only with --quiet, everything with -v); the log file
    // gets info and up (the run summary) whatever the terminal shows.
    logger->sinks().front()->set_level(g.verbose        ? spdlog::level::debug
                                       : options.quiet ? spdlog::level::err
                                                       : spdlog::level::warn);
    if (int rc = RunPeopleCommand(options, people); rc >= 0) return rc;
    if (*run || *init) {
      std::string problem = WarehouseProblem(options.load.warehouse);
      if (!problem.empty()) {
        spdlog::error("command line: {}", problem);
        return kExitUsage;
      }
    }
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
