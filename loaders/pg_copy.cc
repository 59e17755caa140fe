#include "loaders/pg_copy.h"

#include <charconv>
#include <cstring>

namespace gongkai {
namespace {

// One COPY line being written: each field with the tab before it (but the first), End() closes
// the line.
class Row {
 public:
  explicit Row(std::string& out) : out_(out) {}
  Row& Text(std::string_view v) {
    AppendCopyText(Next(), v);
    return *this;
  }
  Row& Name(std::string_view v) {  // a fixed name: nothing to escape
    Next() += v;
    return *this;
  }
  Row& Int(long long v) {
    AppendCopyInt(Next(), v);
    return *this;
  }
  Row& Real(const std::optional<double>& v) {  // absent: NULL
    v ? AppendCopyReal(Next(), *v) : AppendCopyNull(Next());
    return *this;
  }
  Row& Opt(std::string_view v) {  // empty: NULL (pg_batch's Opt)
    v.empty() ? AppendCopyNull(Next()) : AppendCopyText(Next(), v);
    return *this;
  }
  Row& Line(int v) {  // a source line; 0 = not tied to a line: NULL
    v > 0 ? AppendCopyInt(Next(), v) : AppendCopyNull(Next());
    return *this;
  }
  void End() { out_ += '\n'; }

 private:
  std::string& Next() {  // the line, with the tab before every field but the first
    if (any_) out_ += '\t';
    any_ = true;
    return out_;
  }
  std::string& out_;
  bool any_ = false;
};

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
  out.cell.reserve(r.cells.size() * 48);
  for (const Cell& x : r.cells)
    Row(out.cell).Text(x.table()).Text(x.row()).Text(x.col()).Name(CellStateName(x.state))
        .Real(x.value).Text(x.measure()).Text(x.raw).Int(x.line).End();
  long long seq = 0;
  for (const Finding& x : r.findings)
    Row(out.finding).Int(++seq).Text(x.kind).Name(SeverityName(x.severity)).Opt(x.table)
        .Opt(x.row).Opt(x.col).Line(x.line).Opt(x.raw).Text(x.message).Opt(x.message_zh).End();
  out.rule.reserve(r.rules.size() * 96);
  for (const RuleResult& x : r.rules)
    Row(out.rule).Text(x.rule_key()).Text(x.subject()).Text(x.lhs_terms()).Text(x.rhs_terms())
        .Real(x.lhs).Real(x.rhs).Real(x.diff).Name(RuleStatusName(x.status)).Line(x.line)
        .Opt(x.message_zh).End();
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
