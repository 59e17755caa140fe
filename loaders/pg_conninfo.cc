#include "loaders/pg_conninfo.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace gongkai {
namespace {

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Adds every non-trivial piece of `s` between the `delims` (one-byte pieces are not worth
// blanking: they would blank digits of every message).
template <typename Add>
void AddPieces(const std::string& s, const char* delims, Add& add) {
  for (std::size_t from = 0, to; from <= s.size(); from = to + 1) {
    to = std::min(s.find_first_of(delims, from), s.size());
    if (to - from >= 2 && to - from < s.size()) add(s.substr(from, to - from));
  }
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

// Everything in a conninfo that may be (part of) a password, as written and as libpq reads it:
// the password= keyword or URL parameter, the user-info of a URL, and PGPASSWORD. Deliberately
// generous: these strings are blanked out of every message, whatever libpq's parser made of the
// conninfo (its syntax errors quote parts of it).
std::vector<std::string> FindSecrets(const std::string& conninfo) {
  std::vector<std::string> out;
  auto add = [&out](const std::string& s) {
    if (s.empty()) return;
    out.push_back(s);
    out.push_back(PercentDecode(s));
  };
  char* err = nullptr;
  if (PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err)) {
    for (PQconninfoOption* o = opts; o->keyword; ++o)
      if (o->val && std::string(o->keyword) == "password") add(o->val);
    PQconninfoFree(opts);
  }
  if (err) PQfreemem(err);
  // scheme://user:password@host (libpq ends the user-info at the first '@'; a password with an
  // unencoded '@' is taken up to the last one as well).
  for (auto at = conninfo.find("://"); at != std::string::npos; at = conninfo.find("://", at + 3)) {
    std::size_t start = at + 3;
    std::size_t end = conninfo.find_first_of("@/", start);
    for (std::size_t stop : {end, conninfo.rfind('@')}) {
      if (stop == std::string::npos || stop < start || conninfo[stop] != '@') continue;
      std::string userinfo = conninfo.substr(start, stop - start);
      auto colon = userinfo.find(':');
      if (colon == std::string::npos) continue;
      std::string password = userinfo.substr(colon + 1);
      add(password);
      // libpq reads "u:p@ss@host" as password "p" at host "ss@host", "u:p/ss@h" as host "u"
      // and port "p": blank the pieces between unencoded delimiters too.
      AddPieces(password, "@/#:?&", add);
    }
  }
  // password=value, password = 'quoted \' value', ?password=value&...
  std::string lower = conninfo;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (auto at = lower.find("password"); at != std::string::npos;
       at = lower.find("password", at + 1)) {
    std::size_t i = at + 8;
    while (i < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[i]))) ++i;
    if (i >= conninfo.size() || conninfo[i] != '=') continue;
    ++i;
    while (i < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[i]))) ++i;
    std::string value;
    if (i < conninfo.size() && conninfo[i] == '\'') {
      for (++i; i < conninfo.size() && conninfo[i] != '\''; ++i) {
        if (conninfo[i] == '\\' && i + 1 < conninfo.size()) ++i;
        value += conninfo[i];
      }
      add(value);
    } else {
      while (i < conninfo.size() && !std::isspace(static_cast<unsigned char>(conninfo[i])) &&
             conninfo[i] != '&')
        value += conninfo[i++];
      // Unquoted "password=Open Sesame99 dbname=x": libpq stops at the space and complains
      // about "Sesame99"; every following word up to the next keyword= is taken as password.
      while (i < conninfo.size() && conninfo[i] != '&') {
        std::size_t w = i;
        while (w < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[w]))) ++w;
        std::size_t e = w;
        while (e < conninfo.size() && !std::isspace(static_cast<unsigned char>(conninfo[e])) &&
               conninfo[e] != '=')
          ++e;
        if (w == e || (e < conninfo.size() && conninfo[e] == '=')) break;
        std::size_t after = e;  // "key = value" spelling: the word is a keyword
        while (after < conninfo.size() && std::isspace(static_cast<unsigned char>(conninfo[after])))
          ++after;
        if (after < conninfo.size() && conninfo[after] == '=') break;
        add(conninfo.substr(w, e - w));
        value += conninfo.substr(i, e - i);
        i = e;
      }
      add(value);
      AddPieces(value, " \t", add);
    }
  }
  if (const char* env = std::getenv("PGPASSWORD")) add(env);
  std::sort(out.begin(), out.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// One line, no password: secrets blanked, runs of white space (libpq's messages span lines)
// folded into one space.
std::string Clean(std::string msg, const std::vector<std::string>& secrets) {
  for (const auto& s : secrets)
    for (auto at = msg.find(s); at != std::string::npos; at = msg.find(s, at + 3))
      msg.replace(at, s.size(), "***");
  std::string out;
  bool space = false;
  for (char ch : msg) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

std::string DescribePostgresTarget(const std::string& conninfo) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
  if (err) PQfreemem(err);
  if (!opts) return "PostgreSQL (unparsable connection string)";
  std::string out = "PostgreSQL";
  for (const char* key : {"service", "host", "hostaddr", "port", "dbname", "user"}) {
    for (PQconninfoOption* o = opts; o->keyword; ++o)
      if (o->val && *o->val && std::string(o->keyword) == key) out += std::string(" ") + key + "=" + o->val;
  }
  PQconninfoFree(opts);
  if (out == "PostgreSQL") out += " (libpq defaults)";
  return Clean(out, FindSecrets(conninfo));
}

}  // namespace gongkai

namespace gongkai {

WarehouseTarget ClassifyWarehouse(const std::string& warehouse) {
  WarehouseTarget t;
  auto invalid = [&](const std::string& why) {
    t.kind = WarehouseKind::kInvalid;
    t.problem = Clean("warehouse '" + warehouse + "': " + why, FindSecrets(warehouse));
    return t;
  };
  if (auto sep = warehouse.find("://"); sep != std::string::npos) {
    std::string scheme = warehouse.substr(0, sep);
    if (scheme == "postgresql" || scheme == "postgres") {
      t.kind = WarehouseKind::kPostgres;
      return t;
    }
    return invalid("unknown URL scheme '" + scheme +
                   "://' (a PostgreSQL warehouse is postgresql://...; a SQLite warehouse is a "
                   "file path without ://)");
  }
  if (warehouse.find('=') == std::string::npos) return t;  // SQLite
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(warehouse.c_str(), &err);
  std::string libpq_error = err ? err : "";
  if (err) PQfreemem(err);
  if (opts) {
    PQconninfoFree(opts);
    t.kind = WarehouseKind::kPostgres;
    return t;
  }
  // Not a connection string libpq accepts. "word=..." at the start or an '=' with white space
  // is a mistyped one (never silently a SQLite file named after it); else a path with '='.
  std::size_t i = 0;
  while (i < warehouse.size() && IsSpace(warehouse[i])) ++i;
  std::size_t k = i;
  while (k < warehouse.size() &&
         (std::isalnum(static_cast<unsigned char>(warehouse[k])) || warehouse[k] == '_'))
    ++k;
  while (k > i && k < warehouse.size() && IsSpace(warehouse[k])) ++k;
  bool keyword_first = false;
  if (k > i && k < warehouse.size() && warehouse[k] == '=') {
    std::string word = warehouse.substr(i, warehouse.find_first_of(" \t\n=", i) - i);
    if (PQconninfoOption* defaults = PQconndefaults()) {  // libpq's own keyword list
      for (PQconninfoOption* o = defaults; o->keyword; ++o) keyword_first |= word == o->keyword;
      PQconninfoFree(defaults);
    }
  }
  bool spaced = std::any_of(warehouse.begin(), warehouse.end(), IsSpace);
  if (!keyword_first && !spaced) return t;
  while (!libpq_error.empty() && IsSpace(libpq_error.back())) libpq_error.pop_back();
  return invalid("not a valid key=value connection string (" + libpq_error +
                 "); quote values with spaces: password='two words'");
}

std::string WithDefaultConnectTimeout(const std::string& conninfo, int seconds) {
  if (const char* env = std::getenv("PGCONNECT_TIMEOUT"); env && *env) return conninfo;
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
  if (err) PQfreemem(err);
  if (!opts) return conninfo;  // libpq will say what is wrong with it
  bool set = false;
  for (PQconninfoOption* o = opts; o->keyword; ++o)
    if (o->val && *o->val && std::string(o->keyword) == "connect_timeout") set = true;
  PQconninfoFree(opts);
  if (set) return conninfo;
  std::string param = "connect_timeout=" + std::to_string(seconds);
  if (conninfo.find("://") != std::string::npos)
    return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") + param;
  return conninfo + " " + param;
}

}  // namespace gongkai
