#include "loaders/pg_copy.h"

#include <charconv>
#include <cstring>

namespace gongkai {
namespace {

// Empty means NULL (pg_batch's Opt).
void Opt(std::string& line, const std::string& v) {
  v.empty() ? AppendCopyNull(line) : AppendCopyText(line, v);
}

void Real(std::string& line, const std::optional<double>& v) {
  v ? AppendCopyReal(line, *v) : AppendCopyNull(line);
}

void Line(std::string& line, int v) {  // a source line; 0 = not tied to a line
  v > 0 ? AppendCopyInt(line, v) : AppendCopyNull(line);
}

}  // namespace

void AppendCopyText(std::string& line, std::string_view v) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    const char* esc = c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                                                                                             : nullptr;
    if (!esc) continue;
    line.append(v.data() + from, i - from);
    line.append(esc, 2);
    from = i + 1;
  }
  line.append(v.data() + from, v.size() - from);
}

void AppendCopyInt(std::string& line, long long v) {
  char buf[24];
  line.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

void AppendCopyReal(std::string& line, double v) {
  char buf[32];
  line.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

PgCopyText FormatCopyText(const ReportRecord& r) {
  PgCopyText out;
  std::string& c = out.cell;
  c.reserve(r.cells.size() * 48);
  for (const Cell& x : r.cells) {
    AppendCopyText(c, x.table);
    c += '\t';
    AppendCopyText(c, x.row);
    c += '\t';
    AppendCopyText(c, x.col);
    c += '\t';
    c += CellStateName(x.state);
    c += '\t';
    Real(c, x.value);
    c += '\t';
    AppendCopyText(c, x.measure);
    c += '\t';
    AppendCopyText(c, x.raw);
    c += '\t';
    AppendCopyInt(c, x.line);
    c += '\n';
  }
  std::string& f = out.finding;
  long long seq = 0;
  for (const Finding& x : r.findings) {
    AppendCopyInt(f, ++seq);
    f += '\t';
    AppendCopyText(f, x.kind);
    f += '\t';
    f += SeverityName(x.severity);
    f += '\t';
    Opt(f, x.table);
    f += '\t';
    Opt(f, x.row);
    f += '\t';
    Opt(f, x.col);
    f += '\t';
    Line(f, x.line);
    f += '\t';
    Opt(f, x.raw);
    f += '\t';
    AppendCopyText(f, x.message);
    f += '\t';
    Opt(f, x.message_zh);
    f += '\n';
  }
  std::string& u = out.rule;
  u.reserve(r.rules.size() * 96);
  for (const RuleResult& x : r.rules) {
    AppendCopyText(u, x.rule_key());
    u += '\t';
    AppendCopyText(u, x.subject());
    u += '\t';
    AppendCopyText(u, x.lhs_terms());
    u += '\t';
    AppendCopyText(u, x.rhs_terms());
    u += '\t';
    Real(u, x.lhs);
    u += '\t';
    Real(u, x.rhs);
    u += '\t';
    Real(u, x.diff);
    u += '\t';
    u += RuleStatusName(x.status);
    u += '\t';
    Line(u, x.line);
    u += '\t';
    Opt(u, x.message_zh);
    u += '\n';
  }
  return out;
}

void AppendWithId(std::string& out, long long id, std::string_view lines) {
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof buf, id).ptr;
  *end++ = '\t';
  const std::size_t prefix = static_cast<std::size_t>(end - buf);
  std::size_t from = 0;
  while (from < lines.size()) {
    const char* nl =
        static_cast<const char*>(std::memchr(lines.data() + from, '\n', lines.size() - from));
    const std::size_t to = nl ? static_cast<std::size_t>(nl - lines.data()) + 1 : lines.size();
    out.append(buf, prefix);
    out.append(lines.data() + from, to - from);
    from = to;
  }
}

}  // namespace gongkai
