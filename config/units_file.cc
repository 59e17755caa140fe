#include "config/units_file.h"

#include <yaml.h>

#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "config/config.h"

namespace gongkai {
namespace {

std::string At(const yaml_mark_t& m) {
  return "line " + std::to_string(m.line + 1) + ", column " + std::to_string(m.column + 1);
}

// One libyaml parser over the text; Next() gives each event in turn (valid until the next call).
class Events {
 public:
  explicit Events(const std::string& text) {
    if (!yaml_parser_initialize(&parser_)) throw ConfigError("cannot start the YAML parser");
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  ~Events() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  Events(const Events&) = delete;
  Events& operator=(const Events&) = delete;

  const yaml_event_t& Next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = false;
    if (!yaml_parser_parse(&parser_, &event_)) {
      std::string what = At(parser_.problem_mark) + ": " +
                         (parser_.problem ? parser_.problem : "malformed YAML");
      if (parser_.context) what += std::string(" (") + parser_.context + ")";
      throw ConfigError(what);
    }
    has_event_ = true;
    return event_;
  }

 private:
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool has_event_ = false;
};

class Reader {
 public:
  explicit Reader(const std::string& text) : events_(text) {}

  UnitsFile Read() {
    UnitsFile out;
    events_.Next();  // STREAM-START
    const yaml_event_t* e = &events_.Next();
    if (e->type == YAML_STREAM_END_EVENT) return out;  // no document (empty, comments only)
    e = &events_.Next();                               // the document's root
    if (e->type == YAML_SCALAR_EVENT && IsNull(*e)) return out;
    if (e->type != YAML_MAPPING_START_EVENT)
      throw ConfigError(At(e->start_mark) + ": the top level is not a mapping");
    bool seen_aliases = false, seen_words = false;
    for (e = &events_.Next(); e->type != YAML_MAPPING_END_EVENT; e = &events_.Next()) {
      std::optional<std::string> key = ScalarOrSkip(*e);
      e = &events_.Next();
      if (key == "aliases" && !seen_aliases) {
        seen_aliases = true;
        ReadAliases(*e, &out);
      } else if (key == "ordinary_words" && !seen_words) {
        seen_words = true;
        ReadWords(*e, &out);
      } else {
        Skip(*e);
      }
    }
    return out;  // later documents are not read (yaml-cpp's Load read the first)
  }

 private:
  static bool IsNull(const yaml_event_t& e) {
    if (e.type != YAML_SCALAR_EVENT || e.data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
        !e.data.scalar.plain_implicit)
      return false;
    const std::string_view v(reinterpret_cast<const char*>(e.data.scalar.value),
                             e.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
  }

  // A scalar's text (null as "null"), an alias's scalar; a collection is skipped: nullopt.
  std::optional<std::string> ScalarOrSkip(const yaml_event_t& e) {
    if (e.type == YAML_ALIAS_EVENT) {
      const char* anchor = reinterpret_cast<const char*>(e.data.alias.anchor);
      auto it = anchors_.find(anchor);
      if (it != anchors_.end()) return it->second;
      if (collections_.count(anchor)) return std::nullopt;  // an alias of a collection
      throw ConfigError(At(e.start_mark) + ": the referenced anchor is not defined");
    }
    if (e.type != YAML_SCALAR_EVENT) {
      Skip(e);
      return std::nullopt;
    }
    std::string v = IsNull(e) ? std::string("null")
                              : std::string(reinterpret_cast<const char*>(e.data.scalar.value),
                                            e.data.scalar.length);
    if (e.data.scalar.anchor) anchors_[reinterpret_cast<const char*>(e.data.scalar.anchor)] = v;
    return v;
  }

  std::string Scalar(const yaml_event_t& e, const std::string& what) {
    const yaml_mark_t mark = e.start_mark;
    std::optional<std::string> v = ScalarOrSkip(e);
    if (!v) throw ConfigError(At(mark) + ": " + what + " is not a scalar");
    return *std::move(v);
  }

  // Skips the node `e` starts (a collection to its end), remembering anchored scalars in it
  // and anchored collections (an alias of one is not a scalar).
  void Skip(const yaml_event_t& first) {
    int depth = 0;
    for (const yaml_event_t* e = &first;; e = &events_.Next()) {
      switch (e->type) {
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
          ScalarOrSkip(*e);
          break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
          const yaml_char_t* anchor = e->type == YAML_SEQUENCE_START_EVENT
                                          ? e->data.sequence_start.anchor
                                          : e->data.mapping_start.anchor;
          if (anchor) collections_.insert(reinterpret_cast<const char*>(anchor));
          ++depth;
          break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          --depth;
          break;
        default:
          break;
      }
      if (depth == 0) return;
    }
  }

  void ReadAliases(const yaml_event_t& start, UnitsFile* out) {
    if (IsNull(start)) return;
    if (start.type != YAML_MAPPING_START_EVENT)
      throw ConfigError(At(start.start_mark) + ": aliases: expected a mapping of names to codes");
    for (const yaml_event_t* e = &events_.Next(); e->type != YAML_MAPPING_END_EVENT;
         e = &events_.Next()) {
      std::string name = Scalar(*e, "an alias name");
      std::string code = Scalar(events_.Next(), "alias " + name + ": the code");
      out->aliases.emplace_back(std::move(name), std::move(code));
    }
  }

  void ReadWords(const yaml_event_t& start, UnitsFile* out) {
    if (IsNull(start)) return;
    if (start.type != YAML_SEQUENCE_START_EVENT)
      throw ConfigError(At(start.start_mark) + ": ordinary_words: expected a sequence");
    for (const yaml_event_t* e = &events_.Next(); e->type != YAML_SEQUENCE_END_EVENT;
         e = &events_.Next())
      out->ordinary_words.push_back(Scalar(*e, "an ordinary word"));
  }

  Events events_;
  std::map<std::string, std::string> anchors_;  // anchored scalars seen so far
  std::set<std::string> collections_;           // anchored collections seen so far
};

}  // namespace

UnitsFile ReadUnitsYaml(const std::string& yaml_text) { return Reader(yaml_text).Read(); }

}  // namespace gongkai
