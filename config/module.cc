#include "config/module.h"

#include <dlfcn.h>
#include <sys/stat.h>

#include <cstring>
#include <map>
#include <mutex>

#include "config/data_path.h"

namespace gongkai {

std::vector<std::string> ModuleSearchPaths(const std::string& file) {
  std::string exe = ExecutableDir();
  if (exe.empty()) return {file};
  return {exe + "/" + file, exe + "/../lib/gongkai/" + file, exe + "/../" + file};
}

namespace {

const void* FindTable(const std::string& file, const char* symbol, std::string* error) {
  static std::mutex mu;
  static std::map<std::string, const void*>* loaded = new std::map<std::string, const void*>();
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = loaded->find(file); it != loaded->end()) return it->second;
  std::string tried;
  for (const std::string& path : ModuleSearchPaths(file)) {
    tried += (tried.empty() ? "" : ", ") + path;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = ::dlerror();
      *error = "module " + file + " cannot be loaded from " + path + ": " + (why ? why : "?");
      return nullptr;
    }
    using Entry = const void* (*)();
    auto entry = reinterpret_cast<Entry>(::dlsym(handle, symbol));
    if (!entry) {
      *error = "module " + path + " has no entry point " + symbol;
      return nullptr;
    }
    const void* table = entry();
    (*loaded)[file] = table;
    return table;
  }
  *error = "module " + file + " not found (tried " + tried +
           "); build it with the project (cmake --build) or install it with cmake --install";
  return nullptr;
}

}  // namespace

const void* LoadModuleTable(const std::string& file, const char* symbol, const char* version,
                            std::string* error) {
  const void* table = FindTable(file, symbol, error);
  if (!table) return nullptr;
  const auto* header = static_cast<const ModuleHeader*>(table);  // the table's first member
  if (header->abi != kModuleAbi || std::strcmp(header->version, version) != 0) {
    *error = "module " + file + " is from another build (version " + header->version +
             ", this gongkai " + version + ")";
    return nullptr;
  }
  return table;
}

}  // namespace gongkai
