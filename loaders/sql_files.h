// The schema and view files of sql/, compiled into the binary (cmake/embed_files.cmake) so that
// gongkai creates and migrates its warehouse without looking for files at run time.
#ifndef GONGKAI_LOADERS_SQL_FILES_H_
#define GONGKAI_LOADERS_SQL_FILES_H_

#include <string>
#include <vector>

namespace gongkai {

struct SqlFile {
  std::string path;  // relative to sql/, e.g. "schema/sqlite/001_init.sql", "marts/mart_x.sql"
  std::string text;
};

// Sorted by path.
const std::vector<SqlFile>& EmbeddedSqlFiles();

// Schema migrations of one dialect ("sqlite" | "postgres"), ordered by version (file prefix).
std::vector<const SqlFile*> Migrations(const std::string& dialect);
int MigrationVersion(const SqlFile& f);  // 1 for "schema/sqlite/001_init.sql"

// View definitions (staging, then marts), in creation order, with the view each creates.
struct ViewDef {
  std::string name;
  const SqlFile* file;
};
std::vector<ViewDef> Views();

}  // namespace gongkai

#endif  // GONGKAI_LOADERS_SQL_FILES_H_
