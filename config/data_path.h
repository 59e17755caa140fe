// Where gongkai finds its data files (templates, the gazetteer, division lists, anything a
// stage reads that ships with gongkai) so that the binary runs from any folder.
//
// FindDataPath(rel, base) returns the first existing of:
//   1. rel itself, when absolute;
//   2. base/rel (base: the folder relative paths of the configuration file are taken from;
//      the current folder when base is empty);
//   3. $GONGKAI_DATA_DIR/rel;
//   4. <folder of the running binary>/../share/gongkai/rel (what `cmake --install` lays out:
//      PREFIX/bin/gongkai, PREFIX/share/gongkai/config/..., PREFIX/share/gongkai/data/...);
//   5. <folder of the running binary>/../rel (a build tree: build/gongkai in the project).
// When none exists it returns base/rel (or rel), so that the error names the expected place.
// Use it for every data file a new option points at: one line in config/run_options.cc.
#ifndef GONGKAI_CONFIG_DATA_PATH_H_
#define GONGKAI_CONFIG_DATA_PATH_H_

#include <string>
#include <vector>

namespace gongkai {

std::string FindDataPath(const std::string& rel, const std::string& base = "");

// The folders tried after base, in order (for messages and --version).
std::vector<std::string> DataSearchDirs();

// The folder holding the running executable ("" if unknown).
std::string ExecutableDir();

}  // namespace gongkai

#endif  // GONGKAI_CONFIG_DATA_PATH_H_
