// path_key: how a file's path is stored in the warehouse (report.source_path, run_file) and
// shown in messages. Linux allows any bytes but '/' and NUL in a name; the warehouse holds
// UTF-8 text. The key is the file's realpath with every byte that is not part of a well-formed
// UTF-8 sequence written as \xHH (two upper-case hex digits) and a literal backslash written as
// \\ ; all else is kept. The escape is lossless (UnescapePath gives the bytes back) and the same
// in SQLite and PostgreSQL. A name in valid UTF-8 without a backslash is stored as it is.
#ifndef GONGKAI_PIPELINE_PATH_KEY_H_
#define GONGKAI_PIPELINE_PATH_KEY_H_

#include <string>
#include <string_view>

namespace gongkai {

std::string EscapePath(std::string_view bytes);
// The bytes of an escaped path (a string that is no escape output is returned as it reads).
std::string UnescapePath(std::string_view key);

// The key of an existing path: EscapePath(realpath(path)); "" when realpath fails (the path
// does not exist, or a folder on the way cannot be searched).
std::string PathKey(const std::string& path);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_PATH_KEY_H_
