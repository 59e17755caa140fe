// file_text: a small configuration or data file read the cheap way (open, fstat, read() into a
// buffer of the file's size; no stream, no intermediate copy), or hashed through a fixed buffer
// without holding its text (core/divisions.h's fingerprint). For the sources a run reads at
// start (templates, units.yaml, the division data): an unchanged re-run reads ~2.4 MB of them,
// and reading them through string streams was ~10 % of its time (issue 15).
#ifndef GONGKAI_CORE_FILE_TEXT_H_
#define GONGKAI_CORE_FILE_TEXT_H_

#include <functional>
#include <string>
#include <string_view>

namespace gongkai {

// Replaces *out with the file's bytes. False when the file cannot be opened or read (missing,
// no permission, a folder); *out is then empty. The size from fstat is a hint: a file that
// grows or shrinks meanwhile is read to its end.
bool ReadFileText(const std::string& path, std::string* out);

// Calls each(piece) with the file's bytes in order, in pieces of at most 64 KiB (none for an
// empty file). False when the file cannot be opened or read (each may have been called).
bool ForEachFilePiece(const std::string& path, const std::function<void(std::string_view)>& each);

}  // namespace gongkai

#endif  // GONGKAI_CORE_FILE_TEXT_H_
