#include "pipeline/decode.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "core/utf8.h"
#include "readers/charset.h"

namespace gongkai {
namespace {

bool ToUtf8FromGb18030(std::string_view in, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.assign(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  bool ok = true;
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        std::size_t used = out.size() - dst_left;
        out.resize(out.size() * 2);
        dst = out.data() + used;
        dst_left = out.size() - used;
        continue;
      }
      ok = false;
      break;
    }
  }
  out.resize(out.size() - dst_left);
  iconv_close(cd);
  return ok;
}

// Removes "[image: ...]" / "[bookmark: ...]" style export debris and markdown bold markers.
// Two linear passes (tags, then "**"), each copying once: a 10 MB line of '*' costs 10 MB of
// work, not 10 MB per marker.
std::string StripDebris(const std::string& s) {
  std::string tags;
  tags.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '[' && (s.compare(i, 7, "[image:") == 0 || s.compare(i, 10, "[bookmark:") == 0)) {
      std::size_t end = s.find(']', i);
      if (end == std::string::npos) break;
      i = end + 1;
      continue;
    }
    tags += s[i++];
  }
  std::string out;
  out.reserve(tags.size());
  for (std::size_t i = 0; i < tags.size();) {
    if (tags[i] == '*' && i + 1 < tags.size() && tags[i + 1] == '*') {
      i += 2;
      continue;
    }
    out += tags[i++];
  }
  return out;
}

// Counts well-formed multi-byte UTF-8 sequences and malformed bytes; offset of the first bad one.
struct Utf8Census {
  std::size_t multibyte = 0, invalid = 0, first_invalid = 0;
};

Utf8Census CensusUtf8(std::string_view s) {
  Utf8Census c;
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c0 = static_cast<unsigned char>(s[i]);
    if (c0 < 0x80) {
      ++i;
      continue;
    }
    if (c0 >= 0xE1 && c0 <= 0xEC && i + 2 < s.size() &&  // the CJK bulk: no overlong/surrogate
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      ++c.multibyte;
      i += 3;
      continue;
    }
    std::size_t before = i;
    char32_t cp = utf8::Next(s, i);
    bool replacement = i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD";
    if (cp == 0xFFFD && !replacement) {
      if (c.invalid++ == 0) c.first_invalid = before;
    } else if (i - before > 1) {
      ++c.multibyte;
    }
  }
  return c;
}

}  // namespace

// Bytes that may start something NormalizeLine changes.
struct SpecialBytes {
  bool bits[256] = {};
  constexpr SpecialBytes() {
    for (int c : {0xC2, 0xE2, 0xE3, 0xEF, 0x0B, 0x0C, 0x0D, 0x5B, 0x2A}) bits[c] = true;
  }
};
constexpr SpecialBytes kSpecial;

std::string NormalizeLine(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  AppendNormalizedLine(line, &out);
  return out;
}

namespace {

// Folds the special byte at s[i] (kSpecial, not a line end) into out; returns the index after
// what it consumed. Sets *debris on '[' and '*' (StripDebris then runs over the line).
std::size_t FoldSpecial(const unsigned char* s, std::size_t i, std::size_t n, std::string& out,
                        bool* debris) {
  const unsigned char c = s[i];
  if (c == '\v' || c == '\f' || c == '\r') {
    out += ' ';
    return i + 1;
  }
  if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
    out += ' ';
    return i + 2;
  }
  if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
    const unsigned char d = s[i + 2];
    if (d == 0x82 || d == 0x83 || d == 0x89 || d == 0xAF) {
      out += ' ';
      return i + 3;
    }
    if (d >= 0x8B && d <= 0x8D) return i + 3;  // zero-width space / non-joiner / joiner
  } else if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
    out += ' ';
    return i + 3;
  } else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
    return i + 3;
  } else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBC && s[i + 2] >= 0x8D && s[i + 2] <= 0x99) {
    out += "-./0123456789"[s[i + 2] - 0x8D];  // U+FF0D..U+FF19
    return i + 3;
  }
  *debris = *debris || c == '[' || c == '*';
  out += static_cast<char>(c);
  return i + 1;
}

}  // namespace

void AppendNormalizedLine(std::string_view line, std::string* out_ptr) {
  // Byte-level with a pass-through fast path: only the lead bytes of what we fold are examined
  // (NBSP C2 A0; U+2000-block spaces and zero-width E2 80 xx; U+3000 E3 80 80; full-width
  // digits and ．／－ EF BC xx; BOM EF BB BF).
  std::string& out = *out_ptr;
  const std::size_t begin = out.size();
  const auto* s = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t n = line.size();
  bool debris = false;
  std::size_t i = 0;
  while (i < n) {
    std::size_t run = i;
    while (run < n && !kSpecial.bits[s[run]]) ++run;
    out.append(line.data() + i, run - i);
    i = run;
    if (i >= n) break;
    i = FoldSpecial(s, i, n, out, &debris);
  }
  if (debris) {
    std::string stripped = StripDebris(out.substr(begin));
    out.resize(begin);
    out += stripped;
  }
}

namespace {

// ASCII bytes the line pass must look at: line ends, \v \f (folded to spaces) and the first
// bytes of export debris ('[' and '*').
struct AsciiStops {
  bool bits[128] = {};
  constexpr AsciiStops() {
    for (int c : {'\n', '\r', '\v', '\f', '[', '*'}) bits[c] = true;
  }
};
constexpr AsciiStops kAsciiStop;

enum class Lined { kOk, kInvalid };

// Closes the line [line, o) of the buffer that starts at o0: strips export debris when it had
// any, notes whether it has visible text, writes its '\n'. Returns where the next line starts.
char* EndLine(Lines* lines, char* o0, char* line, char* o, bool debris, bool* any_visible) {
  if (debris) {
    std::string stripped = StripDebris(std::string(line, o));
    o = std::copy(stripped.begin(), stripped.end(), line);
  }
  if (!*any_visible && !utf8::TrimView(std::string_view(line, o - line)).empty())
    *any_visible = true;
  *o++ = '\n';
  lines->EndLineAt(o - o0);
  return o;
}

// Splits `text` at LF, CRLF and CR into lines appended to *lines, each normalised as
// AppendNormalizedLine does, and checks that the text is well-formed UTF-8 (Unicode table
// 3-7, as utf8::IsValid), all in one pass over the text: character by character, ASCII and the
// CJK bulk (lead bytes E4-E9) copied straight through, the output written into a buffer sized
// once (the normalised text is never longer than the input, plus the last line's '\n'). A
// final empty line follows a trailing terminator. kInvalid (lines left half-built) at the first
// malformed sequence; otherwise *any_visible says whether any line has visible text.
Lined NormalizeLines(std::string_view text, Lines* lines, bool* any_visible) {
  std::string& buf = lines->Buffer();
  const std::size_t base = buf.size();
  buf.resize(base + text.size() + 1);
  char* const o0 = buf.data();
  char* o = o0 + base;
  char* line = o;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  bool debris = false;
  *any_visible = false;
  std::size_t i = 0;
  while (true) {
    // The bulk: plain ASCII and CJK ideographs, scanned without a store, then copied as a run.
    const std::size_t run = i;
    while (i < n) {
      const unsigned char c = s[i];
      if (c < 0x80) {
        if (kAsciiStop.bits[c]) break;
        ++i;
        continue;
      }
      if (i + 4 > n) break;
      std::uint32_t w;  // lead E4-E9 then two continuation bytes
      std::memcpy(&w, s + i, 4);
      w = (w & 0xFFFFFF) - 0x8080E4;  // little-endian: lead in the low byte
      if ((w & 0xC0C0F8) != 0 || (w & 0xFF) > 5) break;
      i += 3;
    }
    std::memcpy(o, s + run, i - run);
    o += i - run;
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      if (c == '\n') {
        o = line = EndLine(lines, o0, line, o, debris, any_visible);
        debris = false;
      } else if (c == '\r') {
        o = line = EndLine(lines, o0, line, o, debris, any_visible);
        debris = false;
        if (i < n && s[i] == '\n') ++i;
      } else if (c == '\v' || c == '\f') {
        *o++ = ' ';
      } else {  // '[' or '*'
        debris = true;
        *o++ = static_cast<char>(c);
      }
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= n) return Lined::kInvalid;
      const unsigned char c1 = s[i + 1], c2 = s[i + 2];
      const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (c1 < lo || c1 > hi || (c2 & 0xC0) != 0x80) return Lined::kInvalid;
      i += 3;
      if (c == 0xE2 && c1 == 0x80 && (c2 == 0x82 || c2 == 0x83 || c2 == 0x89 || c2 == 0xAF)) {
        *o++ = ' ';  // odd spaces
      } else if (c == 0xE2 && c1 == 0x80 && c2 >= 0x8B && c2 <= 0x8D) {
        // zero-width space / non-joiner / joiner: dropped
      } else if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) {
        *o++ = ' ';  // U+3000
      } else if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {
        // a BOM inside the text: dropped
      } else if (c == 0xEF && c1 == 0xBC && c2 >= 0x8D && c2 <= 0x99) {
        *o++ = "-./0123456789"[c2 - 0x8D];  // U+FF0D..U+FF19
      } else {
        o[0] = static_cast<char>(c);
        o[1] = static_cast<char>(c1);
        o[2] = static_cast<char>(c2);
        o += 3;
      }
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return Lined::kInvalid;
      if (c == 0xC2 && s[i + 1] == 0xA0) {  // NBSP
        *o++ = ' ';
      } else {
        o[0] = static_cast<char>(c);
        o[1] = static_cast<char>(s[i + 1]);
        o += 2;
      }
      i += 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n) return Lined::kInvalid;
      const unsigned char c1 = s[i + 1];
      const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (c1 < lo || c1 > hi || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
        return Lined::kInvalid;
      o = std::copy(text.data() + i, text.data() + i + 4, o);
      i += 4;
    } else {
      return Lined::kInvalid;
    }
  }
  o = EndLine(lines, o0, line, o, debris, any_visible);
  buf.resize(o - o0);
  return Lined::kOk;
}

}  // namespace

DecodeResult Decode(std::string_view bytes, const DecodeOptions& options) {
  DecodeResult r;
  auto fail = [&](const char* kind, std::string msg) {
    r.lines.Clear();
    r.error_kind = kind;
    r.error_message = std::move(msg);
    return r;
  };
  if (bytes.size() > options.max_bytes)
    return fail("too_large", "file is " + std::to_string(bytes.size()) + " bytes, limit is " +
                                 std::to_string(options.max_bytes));
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // UTF-16 with a byte-order mark (Notepad's "Unicode"): converted whole, then read as UTF-8.
  std::string from_utf16;
  const bool le = bytes.substr(0, 2) == "\xFF\xFE", be = bytes.substr(0, 2) == "\xFE\xFF";
  if (le || be) {
    const char* charset = le ? "UTF-16LE" : "UTF-16BE";
    if (bytes.size() % 2 != 0 || !ConvertToUtf8(bytes.substr(2), charset, &from_utf16))
      return fail("invalid_encoding", std::string("starts with a ") + charset +
                                          " byte-order mark but is not valid " + charset);
    DecodeResult inner = Decode(from_utf16, options);
    if (inner.ok) inner.encoding = charset;
    return inner;
  }
  if (bytes.find('\0') != std::string_view::npos)
    return fail("binary", "file contains NUL bytes: not a text export");
  // Valid UTF-8 (the common case) is checked while it is split and normalised, in one pass;
  // only invalid input is counted, to tell a damaged UTF-8 file from another encoding.
  bool any_visible = false;
  r.lines.Reserve(0, bytes.size() / 32 + 16);
  if (NormalizeLines(bytes, &r.lines, &any_visible) == Lined::kOk) {
    r.encoding = "UTF-8";
  } else {
    r.lines.Clear();
    const Utf8Census census = CensusUtf8(bytes);
    std::string converted;
    if (census.multibyte >= 4 * census.invalid) {
      // Mostly UTF-8 with some broken sequences: a damaged file, not another encoding.
      return fail("invalid_utf8", std::to_string(census.invalid) +
                                      " malformed UTF-8 sequences, the first at byte " +
                                      std::to_string(census.first_invalid));
    }
    if (!ToUtf8FromGb18030(bytes, converted) ||
        NormalizeLines(converted, &r.lines, &any_visible) != Lined::kOk)
      return fail("invalid_encoding", "neither valid UTF-8 nor GB18030");
    r.encoding = "GB18030";
  }
  if (!any_visible) return fail("empty", "file has no text");
  r.ok = true;
  return r;
}

}  // namespace gongkai
