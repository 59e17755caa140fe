// Modules: parts of gongkai that pull in a large stack of shared libraries live in their own
// shared objects, loaded on first use, so that a run that does not need them does not pay for
// loading and relocating those libraries at every start (the PDF reader: poppler-cpp and its
// font/image/crypto stack, 23 libraries; the PostgreSQL client: libpqxx, libpq, OpenSSL, GSSAPI,
// LDAP, 22 libraries; both at once ~38 ms of CPU per start, README "Building").
//
// A module is one file, libgongkai_NAME.so, whose only exported symbol is a C-ABI entry point
// `gongkai_NAME_module` returning a table of functions (see readers/pdf_module.h,
// loaders/postgres_module.h). FindModule looks for the file, first existing of:
//   1. <folder of the running binary>/FILE                (a build tree: build/gongkai);
//   2. <folder of the running binary>/../lib/gongkai/FILE (what `cmake --install` lays out);
//   3. <folder of the running binary>/../FILE             (test programs in build/tests/).
// The module is built with the same sources and compiler as the binary (one CMake build); the
// table carries kModuleAbi and the project version, and a module from another build is refused.
#ifndef GONGKAI_CONFIG_MODULE_H_
#define GONGKAI_CONFIG_MODULE_H_

#include <string>
#include <vector>

namespace gongkai {

// Bumped whenever a module table or a type passed through one changes layout.
inline constexpr int kModuleAbi = 2;

// Every module table begins with this: the ABI and the project version it was built with.
struct ModuleHeader {
  int abi;              // kModuleAbi
  const char* version;  // the project version the module was built as
};

// The places tried for `file`, in order.
std::vector<std::string> ModuleSearchPaths(const std::string& file);

// dlopen()s the first of ModuleSearchPaths(file) that exists (once per process; the module is
// never unloaded) and returns its `symbol` called as `const void* symbol()`: a table beginning
// with a ModuleHeader, which must carry kModuleAbi and `version` (the caller's project
// version). On failure returns nullptr and sets *error to one line naming the module and why:
// the places tried and dlerror(), or the other build's version. Thread-safe.
const void* LoadModuleTable(const std::string& file, const char* symbol, const char* version,
                            std::string* error);

}  // namespace gongkai

#endif  // GONGKAI_CONFIG_MODULE_H_
