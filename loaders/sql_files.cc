#include "loaders/sql_files.h"

#include <cstdlib>

namespace gongkai {

std::vector<const SqlFile*> Migrations(const std::string& dialect) {
  std::vector<const SqlFile*> out;
  const std::string prefix = "schema/" + dialect + "/";
  for (const auto& f : EmbeddedSqlFiles())
    if (f.path.rfind(prefix, 0) == 0) out.push_back(&f);
  return out;  // EmbeddedSqlFiles is sorted, and versions are zero-padded
}

int MigrationVersion(const SqlFile& f) {
  auto slash = f.path.rfind('/');
  return std::atoi(f.path.c_str() + slash + 1);
}

std::vector<ViewDef> Views() {
  std::vector<ViewDef> out;
  for (const char* layer : {"staging/", "marts/"}) {
    for (const auto& f : EmbeddedSqlFiles()) {
      if (f.path.rfind(layer, 0) != 0) continue;
      const std::string key = "CREATE VIEW ";
      auto at = f.text.find(key);
      if (at == std::string::npos) continue;
      auto start = at + key.size();
      auto end = f.text.find_first_of(" \n", start);
      out.push_back({f.text.substr(start, end - start), &f});
    }
  }
  return out;
}

}  // namespace gongkai
