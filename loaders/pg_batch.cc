#include "loaders/pg_batch.h"

#include <memory>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "loaders/fact_rows.h"
#include "loaders/sql_files.h"

namespace gongkai {
// A row already in COPY's text format (fields escaped, tab-separated), for stream_to.
struct CopyLine {
  std::string text;
};
}  // namespace gongkai

// libpqxx 6 keeps stream_to::write_raw_line private; its escaper, specialised for CopyLine,
// passes the line through as it is.
template <>
inline std::string pqxx::internal::TypedCopyEscaper::operator()<gongkai::CopyLine>(
    const gongkai::CopyLine* line) const {
  return line->text;
}

namespace gongkai {
namespace {

// COPY data goes to the server in pieces of about this size (one CopyData message each): large
// enough that a message's overhead does not count, small enough to stay below malloc's mmap
// threshold (128 KB; 1 MB pieces cost 6x the page faults, 2.3 s of system time at 10,000 reports).
constexpr std::size_t kCopyChunk = 64 << 10;

// The report columns, in the order of the arrays bound to the statement.
constexpr const char* kColumns[] = {
    "source_path", "content_sha256", "size_bytes", "mtime_ns",     "extractor_version",
    "status",      "error_kind",     "error_message", "title",     "unit",
    "year",        "county",         "county_source", "edition",   "cell_count",
    "finding_count", "encoding",   "division_code", "county_code", "prefecture_code",
    "province_code", "unit_kind",  "placed_by",     "place_candidates", "placement_fingerprint",
    "error_message_zh"};
constexpr const char* kTypes[] = {"text", "text", "bigint", "bigint", "text", "text",
                                  "text", "text", "text",   "text",   "int",  "text",
                                  "text", "int",  "int",    "int",    "text", "text",
                                  "text", "text", "text",   "text",   "text", "text", "text",
                                  "text"};
constexpr std::size_t kNumColumns = sizeof kColumns / sizeof kColumns[0];
static_assert(kNumColumns == sizeof kTypes / sizeof kTypes[0]);

// One statement per batch: unnest the arrays (in load order), upsert every report row keeping
// the id of an earlier load, delete the child rows of the ids that existed before (index probes
// on each child table's primary key through one array; a new id has no child rows, the foreign
// keys see to that, so a fresh load probes nothing), return path -> id. Writers take turns
// (kReportIdLock, taken before this statement), so old_id is set for every row it updates.
std::string BatchSql() {
  std::string cols, args, set;
  for (std::size_t i = 0; i < kNumColumns; ++i) {
    std::string c = kColumns[i];
    cols += (i ? ", " : "") + c;
    args += (i ? ", $" : "$") + std::to_string(i + 1) + "::" + kTypes[i] + "[]";
    if (i) set += std::string(i > 1 ? ", " : "") + c + "=excluded." + c;
  }
  std::string deletes;
  int k = 0;
  for (const char* child : {"cell", "finding", "rule_result", "report_fact",
                            "report_applicant_fact", "report_rule_fact"})
    deletes += ", d" + std::to_string(k++) + " AS (DELETE FROM " + child +
               " WHERE report_id = ANY(ARRAY(SELECT old_id FROM ids WHERE old_id IS NOT NULL)))";
  // A new report row is inserted counted when loaded, which it is unless its unit-year has
  // another file; the statement trigger of schema v16 then writes the rule's flag into every row
  // of the statement's groups whose flag differs (normally none: no UPDATE of the batch's rows,
  // and none of the triggers that UPDATE sets off). A re-loaded row keeps its flag until then.
  // A new path gets the next id after the largest, in load order (SQLite's INTEGER PRIMARY KEY
  // rule), never a sequence value: a sequence is not rolled back, so after a kill -9 or a
  // --force the ids would differ from a clean run's. Write() holds kReportIdLock for this.
  return "WITH src AS (SELECT * FROM unnest(" + args + ") WITH ORDINALITY AS t(" + cols +
         ", ord)), "
         "ids AS (SELECT src.*, old.report_id AS old_id, (SELECT COALESCE(MAX(report_id), 0) "
         "FROM report) + count(*) FILTER (WHERE old.report_id IS NULL) OVER (ORDER BY ord) "
         "AS new_id FROM src LEFT JOIN report old ON old.source_path = src.source_path), "
         "up AS (INSERT INTO report (report_id, counted, " + cols +
         ") SELECT COALESCE(old_id, new_id), CASE WHEN status = 'loaded' THEN 1 ELSE 0 END, " +
         cols + " FROM ids ORDER BY ord ON CONFLICT (source_path) DO UPDATE SET " + set +
         " RETURNING report_id, source_path)" +
         deletes + " SELECT source_path, report_id FROM up";
}

// One value in COPY's text format.
void AppendCopy(std::string& line, const FactValue& v) {
  switch (v.kind) {
    case FactValue::kNull: AppendCopyNull(line); return;
    case FactValue::kInt: AppendCopyInt(line, v.i); return;
    case FactValue::kReal: AppendCopyReal(line, v.r); return;
    case FactValue::kText: AppendCopyText(line, v.t); return;
  }
}

}  // namespace

void PgBatchWriter::TextArray::Add(const std::string& v) {
  Sep();
  s_ += '"';
  for (char c : v) {
    if (c == '"' || c == '\\') s_ += '\\';
    s_ += c;
  }
  s_ += '"';
}

void PgBatchWriter::TextArray::AddNull() {
  Sep();
  s_ += "NULL";
}

void PgBatchWriter::TextArray::AddInt(long long v) {
  Sep();
  s_ += std::to_string(v);
}

bool MaySetReplicationRole(pqxx::connection& conn) {
  try {
    pqxx::nontransaction tx(conn);
    tx.exec("SET session_replication_role = origin");
    return true;
  } catch (const pqxx::sql_error&) {
    return false;
  }
}

PgBatchWriter::PgBatchWriter(bool skip_fk_checks)
    : upsert_sql_(BatchSql()),
      skip_fk_checks_(skip_fk_checks),
      fills_(FactFills("SELECT unnest(CAST($1 AS BIGINT[]))")),
      fact_state_sql_(FactStateSql("SELECT unnest(CAST($1 AS BIGINT[]))")) {}

std::vector<long long> PgBatchWriter::Upsert(pqxx::work& tx, const std::vector<PgPending>& batch,
                                             std::size_t begin, std::size_t end) {
  TextArray a[kNumColumns];
  for (std::size_t i = begin; i < end; ++i) {
    const PgPending& p = batch[i];
    const SourceFile& s = p.loaded ? p.report.source : p.failure.source;
    a[0].Add(s.path);
    a[1].AddOpt(p.loaded ? p.report.content_sha256 : p.failure.content_sha256);
    a[2].AddInt(static_cast<long long>(s.size));
    a[3].AddInt(static_cast<long long>(s.mtime_ns));
    a[4].Add(p.loaded ? p.report.extractor_version : p.failure.extractor_version);
    if (p.loaded) {
      const ReportRecord& r = p.report;
      a[5].Add("loaded");
      a[6].AddNull();
      a[7].AddNull();
      a[8].Add(r.identity.title);
      a[9].Add(r.identity.unit);
      a[10].AddInt(r.identity.year);
      a[11].AddOpt(r.identity.county.value_or(""));
      a[12].AddOpt(r.identity.county_source);
      a[13].AddInt(r.identity.edition);
      a[14].AddInt(static_cast<long long>(r.cells.size()));
      a[15].AddInt(static_cast<long long>(r.findings.size()));
      a[16].AddOpt(r.encoding);
      const Identity& id = r.identity;
      a[17].AddOpt(id.division_code);
      a[18].AddOpt(id.county_code);
      a[19].AddOpt(id.prefecture_code);
      a[20].AddOpt(id.province_code);
      a[21].AddOpt(id.unit_kind);
      a[22].AddOpt(id.placed_by);
      a[23].AddOpt(id.place_candidates);
      a[24].AddOpt(id.placement_fingerprint);
      a[25].AddNull();
    } else {
      a[5].Add("failed");
      a[6].Add(p.failure.error_kind);
      a[7].Add(p.failure.message);
      for (int k : {8, 9, 10, 11, 12, 13}) a[k].AddNull();
      a[14].AddInt(0);
      a[15].AddInt(0);
      for (std::size_t k = 16; k < 25; ++k) a[k].AddNull();
      a[25].AddOpt(p.failure.message_zh);
    }
  }
  pqxx::result rows =
      tx.exec_params(upsert_sql_, a[0].Done(), a[1].Done(), a[2].Done(), a[3].Done(),
                       a[4].Done(), a[5].Done(), a[6].Done(), a[7].Done(), a[8].Done(),
                       a[9].Done(), a[10].Done(), a[11].Done(), a[12].Done(), a[13].Done(),
                       a[14].Done(), a[15].Done(), a[16].Done(), a[17].Done(), a[18].Done(),
                       a[19].Done(), a[20].Done(), a[21].Done(), a[22].Done(), a[23].Done(),
                       a[24].Done(), a[25].Done());
  std::unordered_map<std::string, long long> id_of;
  for (const auto& row : rows) id_of.emplace(row[0].as<std::string>(), row[1].as<long long>());
  std::vector<long long> ids;
  for (std::size_t i = begin; i < end; ++i) ids.push_back(id_of.at(batch[i].Path()));
  return ids;
}

void PgBatchWriter::Write(pqxx::work& tx, const std::vector<PgPending>& batch) {
  // Concurrent loaders take turns to number new reports (MAX + 1 must see the others' rows);
  // held until the caller commits. The key is "gongkaI" in ASCII.
  tx.exec_params("SELECT pg_advisory_xact_lock($1)", 0x676f6e676b6149LL);
  // Report rows: one statement per run of distinct paths (ON CONFLICT cannot touch a row twice
  // in one statement); normally the whole batch.
  std::vector<long long> ids;
  std::unordered_set<std::string_view> seen;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= batch.size(); ++i) {
    if (i < batch.size() && seen.insert(batch[i].Path()).second) continue;
    if (i > begin) {
      std::vector<long long> part = Upsert(tx, batch, begin, i);
      ids.insert(ids.end(), part.begin(), part.end());
    }
    if (i == batch.size()) break;
    seen = {batch[i].Path()};
    begin = i;
  }

  // A report loaded twice in this batch keeps only its last rows (the earlier ones were deleted
  // by the later upsert, before they were written): write children only for the last occurrence.
  std::unordered_map<std::string_view, std::size_t> last;
  for (std::size_t i = 0; i < batch.size(); ++i) last[batch[i].Path()] = i;
  auto live = [&](std::size_t i) { return batch[i].loaded && last[batch[i].Path()] == i; };

  // From here to the last fact COPY, no foreign-key check per row when allowed (see the
  // constructor): 8.5 of the 13.4 s that COPY of the 2 M cell rows of 10,000 reports took.
  // Triggers fire again after it, for the fills, the cross-year statement and at the commit.
  if (skip_fk_checks_) tx.exec("SET LOCAL session_replication_role = replica");

  // The child rows, formatted before (PgPending::Format) and sent in chunks of kCopyChunk with
  // the report ids put in front: the server parses COPY while the next chunk is put together.
  std::tuple<CopyLine> chunk;
  std::string& text = std::get<0>(chunk).text;
  text.reserve(2 * kCopyChunk);
  auto copy = [&](const char* table, const auto& columns, std::string PgCopyText::*part) {
    pqxx::stream_to out(tx, table, std::vector<std::string>(std::begin(columns), std::end(columns)));
    auto send = [&] {  // write_copy_line() adds the last line's '\n'
      if (text.empty()) return;
      text.pop_back();
      out << chunk;
      text.clear();
    };
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!live(i)) continue;
      if (batch[i].formatted) {
        AppendWithId(text, ids[i], batch[i].copy.*part);
      } else {
        PgCopyText formatted = FormatCopyText(batch[i].report);
        AppendWithId(text, ids[i], formatted.*part);
      }
      if (text.size() >= kCopyChunk) send();
    }
    send();
    out.complete();
  };
  copy("cell", kCellColumns, &PgCopyText::cell);
  copy("finding", kFindingColumns, &PgCopyText::finding);
  copy("rule_result", kRuleColumns, &PgCopyText::rule);
  const std::string corrected = CopyFacts(tx, batch, ids, live);
  if (skip_fk_checks_) tx.exec("SET LOCAL session_replication_role = origin");

  if (!corrected.empty())
    for (const std::string& fill : fills_) tx.exec_params(fill, corrected);
  // The cross-year results (schema v13) the batch's reports are part of, now that every fact
  // of the batch is written, in one statement (schema v18's cross_year_refresh_reports): the
  // results pairing one of them with its unit's year before or after, and every result of the
  // units the report triggers (or a correction's refill) asked for in this transaction, taken
  // out of cross_year_request (their deferred firings at commit then find them gone). Nothing
  // writes the batch's rows after this, so the results are those the commit would compute for
  // those units, without a request row and a trigger firing per unit; the other results of the
  // batch's units did not change (until v17 they were computed again: a third of the rows
  // written at 100,000 reports, three years per unit).
  TextArray all;
  for (long long id : ids) all.AddInt(id);
  tx.exec_params(
      "WITH waiting AS (DELETE FROM cross_year_request RETURNING unit) "
      "SELECT cross_year_refresh_reports($1::bigint[], ARRAY(SELECT DISTINCT unit FROM waiting))",
      all.Done());
}

template <typename Live>
std::string PgBatchWriter::CopyFacts(pqxx::work& tx, const std::vector<PgPending>& batch,
                                     const std::vector<long long>& ids, const Live& live) {
  // The batch's rows in the fact tables: computed here (loaders/fact_rows.h) and copied, except
  // for the reports a correction applies to, which the SQL fills (sql/facts) read from the cells
  // just written with the corrections laid over them. The old rows went with the upsert's
  // deletes.
  TextArray loaded;
  for (std::size_t i = 0; i < batch.size(); ++i)
    if (live(i)) loaded.AddInt(ids[i]);
  std::unordered_map<long long, int> counted;
  TextArray corrected;
  bool any_corrected = false;
  for (const auto& row : tx.exec_params(fact_state_sql_, loaded.Done())) {
    const long long id = row[0].as<long long>();
    if (row[2].as<bool>()) {
      corrected.AddInt(id);
      any_corrected = true;
    } else {
      counted[id] = row[1].as<int>();
    }
  }
  // The fact rows of each report that gets them: formatted before (PgPending::Format, with
  // report_id and counted 0) or computed here; the id and the flag are written into the text.
  struct Facts {
    const FactRows* rows;
    long long id;
    int counted;
  };
  std::vector<Facts> facts;
  std::vector<std::unique_ptr<FactRows>> computed;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    auto at = live(i) ? counted.find(ids[i]) : counted.end();
    if (at == counted.end()) continue;
    const FactRows* r = &batch[i].facts;
    if (!batch[i].formatted) {
      computed.push_back(std::make_unique<FactRows>(
          ComputeFactRows(batch[i].report, ids[i], at->second, FactDialect::kPostgres)));
      r = computed.back().get();
    }
    facts.push_back({r, ids[i], at->second});
  }
  for (FactTableRows FactRows::*table :
       {&FactRows::report_fact, &FactRows::applicant_fact, &FactRows::rule_fact}) {
    if (facts.empty()) break;
    const FactTableRows& first = facts.front().rows->*table;
    // report_id is the first column of every fact table; counted, where a table has it, the
    // column of that name.
    std::size_t counted_at = first.columns->size();
    for (std::size_t k = 0; k < first.columns->size(); ++k)
      if (std::string_view((*first.columns)[k]) == "counted") counted_at = k;
    pqxx::stream_to copy(tx, first.table,
                         std::vector<std::string>(first.columns->begin(), first.columns->end()));
    std::tuple<CopyLine> chunk;
    std::string& text = std::get<0>(chunk).text;
    for (const Facts& f : facts)
      for (const auto& values : (f.rows->*table).rows) {
        if (!text.empty()) text += '\n';  // write_copy_line() adds the last line's
        for (std::size_t k = 0; k < values.size(); ++k) {
          if (k) text += '\t';
          if (k == 0)
            AppendCopyInt(text, f.id);
          else if (k == counted_at)
            AppendCopyInt(text, f.counted);
          else
            AppendCopy(text, values[k]);
        }
      }
    if (!text.empty()) copy << chunk;
    copy.complete();
  }
  return any_corrected ? corrected.Done() : std::string();
}

}  // namespace gongkai
