// Records that flow between the stages: one report's identity, its cells, its findings and its
// rule results. Plain values, no behaviour; every stage takes them by const reference and returns
// new ones, so a record is owned by whoever holds it. A cell's coordinate is the one exception:
// it points at an interned CellCoord, which lives as long as the process (see CellCoord).
#ifndef GONGKAI_CORE_REPORT_H_
#define GONGKAI_CORE_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// The three meanings a table cell can carry, kept apart from the number itself.
enum class CellState { kNumber, kBlank, kNotApplicable };
const char* CellStateName(CellState s);  // "number" | "blank" | "na"

// Where a cell stands: its table, row and column codes (stable codes, e.g. "t3", "new",
// "natural") and its column's measure ("件" or "万元"). Interned: one CellCoord per distinct
// coordinate, created on first use and never changed or freed until the process ends, so a cell
// carries one pointer (compared as one word) and the codes are copied only when a loader writes
// them. A compiled template interns its own coordinates once (Template::NumberCells), so the
// extractor reads a cell without copying a code; the stored-report reader and hand-built cells
// intern theirs (InternCoord, thread-safe).
struct CellCoord {
  std::string table, row, col, measure;
};
// The coordinate's one instance (creates it on first use; takes a lock).
const CellCoord* InternCoord(std::string_view table, std::string_view row, std::string_view col,
                             std::string_view measure);
extern const CellCoord kNoCoord;  // every code empty: a default-constructed cell's

struct Cell {
  const CellCoord* at = &kNoCoord;  // never null
  CellState state = CellState::kBlank;
  std::optional<double> value;  // set iff state == kNumber; in `measure`
  std::string raw;              // the cell as written (after decode)
  int line = 0;                 // 1-based source line
  // The compiled template's dense id of (table, row, col) (TableSpec::CellId) when the
  // extractor read it, so that rules and checks find a report's cells by index; -1 when not
  // known (a cell read back from the warehouse or built by hand): then it is looked up by its
  // codes. The coordinate `at` stays the cell's coordinate.
  int id = -1;

  const std::string& table() const { return at->table; }
  const std::string& row() const { return at->row; }
  const std::string& col() const { return at->col; }
  const std::string& measure() const { return at->measure; }
  // Sets the coordinate (interned).
  void SetCoord(std::string_view table, std::string_view row, std::string_view col,
                std::string_view measure = {}) {
    at = InternCoord(table, row, col, measure);
  }
};

enum class Severity { kError, kWarning, kInfo };
const char* SeverityName(Severity s);  // "error" | "warning" | "info"

// Expected bad data: something the extractor could not read with certainty, or a rule that does
// not add up. Collected, stored, never thrown.
struct Finding {
  std::string kind;  // stable key, e.g. "value_count", "unknown_label", "rule_failed"
  Severity severity = Severity::kWarning;
  std::string table, row, col;  // coordinate when known, else empty
  int line = 0;                 // 0 when not tied to a line
  std::string raw;              // the source text concerned
  std::string message;          // human-readable reason (English, for logs)
  std::string message_zh;       // the same in Chinese (pipeline/messages_zh.h fills it)
};

enum class RuleStatus { kPass, kFail, kNotAssessable };
const char* RuleStatusName(RuleStatus s);  // "pass" | "fail" | "not_assessable"

struct RuleInstance;  // a template rule applied to one subject (core/rule_program.h)

// One rule instance evaluated on one report: which instance and which of its alternatives were
// printed, plus its numbers. A template rule's key, subject and operands are not copied: they
// are read from its compiled instance (`instance`, owned by the template's rule programme, which
// outlives the records of a run); the loaders write them as text from there. A result without
// an instance (a narrative check, a result read back from the warehouse) carries its texts in
// the *_text fields. The accessors give the stored texts in both cases.
struct RuleResult {
  const RuleInstance* instance = nullptr;
  // Per side, the alternative printed for each term (2 bits per term, term i at bits 2i..2i+1;
  // 0 = every term's first alternative). Used with `instance`.
  std::uint64_t lhs_alts = 0, rhs_alts = 0;
  std::string key_text, subject_text, lhs_text, rhs_text;  // when instance == nullptr
  std::optional<double> lhs, rhs, diff;  // diff = lhs - rhs, when assessable
  RuleStatus status = RuleStatus::kNotAssessable;
  int line = 0;  // the source line a narrative rule read its number from; 0 for table rules
  std::string message_zh = {};  // Chinese text naming the cells by their labels (pipeline/messages_zh.h)

  // When both sides are set: diff = lhs - rhs, and status pass if |diff| < 1e-6 (the sides are
  // sums of whole numbers and of amounts with a few decimals), else fail. Otherwise unchanged.
  void Assess();

  const std::string& rule_key() const;  // e.g. "t3.row_total"
  const std::string& subject() const;   // the row or column it was applied to ("new"); "" if none
  std::string lhs_terms() const;        // the cells on each side, "t3.new.total"
  std::string rhs_terms() const;        // ("t3.new.natural + t3.new.commercial")
};

// Who and what a report is about (identify stage).
struct Identity {
  std::string title;
  std::string unit;
  int year = 0;
  std::optional<std::string> county;  // the county's name (division data), when placed in one
  std::string county_source;          // placed_by when county is set, else ""
  int edition = 0;                    // 2019 | 2021
  // Placement (pipeline/place.h): codes as in the division data, empty = NULL.
  std::string division_code;  // the most specific division the unit belongs to or governs
  std::string county_code, prefecture_code, province_code;
  std::string unit_kind;              // "government" | "department" | "other"
  std::string placed_by = "unplaced";  // "title" | "text" | "alias" | "unplaced"
  std::string place_candidates;       // when ambiguous: "code full-name; ..."
  std::string placement_fingerprint;  // of the code and data placement used
};

// One source file as discovered.
struct SourceFile {
  std::string path;  // the key: realpath, escaped as pipeline/path_key.h says
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch
};

// Everything a successfully extracted report yields; what the loader writes.
struct ReportRecord {
  SourceFile source;
  std::string content_sha256;
  std::string encoding;  // "UTF-8" | "GB18030"
  std::string extractor_version;
  Identity identity;
  std::vector<Cell> cells;
  std::vector<Finding> findings;
  std::vector<RuleResult> rules;
};

// A file that could not be turned into a report at all (not UTF-8/GB18030, not a report, ...).
struct FailedFile {
  SourceFile source;
  std::string content_sha256;  // empty if the file could not be read
  std::string extractor_version;
  std::string error_kind;  // stable key, e.g. "not_a_report", "binary", "unreadable"
  std::string message;
  std::string message_zh = {};  // in Chinese (the runner fills it: pipeline/messages_zh.h)
};

// What an incremental run needs to know of a file the warehouse has seen (the full manifest,
// with content hash and status, is the report table).
struct ManifestEntry {
  SourceFile source;
  std::string extractor_version;
  std::string status;  // "loaded" | "failed"
  std::string error_kind, error_message;  // when failed
  std::string placement_fingerprint;       // what it was placed with (when loaded)
};

// A file a run could not load, or that disappeared since it was loaded.
struct FileOutcome {
  std::string path;
  std::string outcome;  // "failed" | "missing" | "removed"
  std::string error_kind, message;
};

// One run, as the run log stores it.
struct RunRecord {
  std::string shard;  // the run's input folders, absolute, one per line (see Run())
  std::string started_at, finished_at;  // ISO 8601, UTC
  std::string extractor_version;
  int files_seen = 0, loaded = 0, skipped = 0, failed = 0, missing = 0, removed = 0;
  long long findings = 0;
  int exit_code = 0;
  std::vector<FileOutcome> files;
};

}  // namespace gongkai

#endif  // GONGKAI_CORE_REPORT_H_
