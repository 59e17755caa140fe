// read_file: a whole file into memory with one allocation and no intermediate copies (the
// runner's and the benchmark's way of reading a report, so the benchmark's baseline reads
// exactly as a run does).
#ifndef GONGKAI_PIPELINE_READ_FILE_H_
#define GONGKAI_PIPELINE_READ_FILE_H_

#include <string>

namespace gongkai {

// Replaces *out with the file's bytes. False when the file cannot be opened or read (removed,
// no permission, a folder); *out then holds what was read, if anything.
bool ReadWholeFile(const std::string& path, std::string* out);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_READ_FILE_H_
