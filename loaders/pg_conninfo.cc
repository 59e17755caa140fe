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
      // libpq reads "u:p@ss@host" as password "p" at host "ss@host": blank the pieces too.
      for (std::size_t from = 0, to; from <= password.size(); from = to + 1) {
        to = std::min(password.find('@', from), password.size());
        if (to - from < password.size()) add(password.substr(from, to - from));
      }
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
      add(value);
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
