#include "pipeline/decode.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

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

// Bytes that end a line or may start something AppendNormalizedLine changes.
struct SpecialOrEndBytes {
  bool bits[256] = {};
  constexpr SpecialOrEndBytes() {
    for (int c = 0; c < 256; ++c) bits[c] = kSpecial.bits[c];
    bits['\n'] = bits['\r'] = true;
  }
};
constexpr SpecialOrEndBytes kSpecialOrEnd;

// Splits `text` at LF, CRLF and CR into lines appended to *lines, each normalised as
// AppendNormalizedLine does, in one pass over the text (a final empty line after a trailing
// terminator, as before). Returns whether any line has visible text.
bool NormalizeLines(std::string_view text, Lines* lines) {
  std::string& out = lines->Buffer();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  bool any_visible = false, debris = false;
  std::size_t line_begin = out.size();
  auto end_line = [&] {
    if (debris) {
      std::string stripped = StripDebris(out.substr(line_begin));
      out.resize(line_begin);
      out += stripped;
      debris = false;
    }
    if (!any_visible && !utf8::TrimView(std::string_view(out).substr(line_begin)).empty())
      any_visible = true;
    lines->EndLine();
    line_begin = out.size();
  };
  std::size_t i = 0;
  while (true) {
    std::size_t run = i;
    while (run < n && !kSpecialOrEnd.bits[s[run]]) ++run;
    out.append(text.data() + i, run - i);
    i = run;
    if (i >= n) break;
    const unsigned char c = s[i];
    if (c == '\n') {
      end_line();
      ++i;
    } else if (c == '\r') {
      end_line();
      ++i;
      if (i < n && s[i] == '\n') ++i;
    } else {
      i = FoldSpecial(s, i, n, out, &debris);
    }
  }
  end_line();
  return any_visible;
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
  std::string converted;
  std::string_view text;
  // Valid UTF-8 (the common case) is checked at the validator's speed; only invalid input is
  // counted, to tell a damaged UTF-8 file from another encoding.
  const bool valid = utf8::IsValid(bytes);
  Utf8Census census = valid ? Utf8Census{} : CensusUtf8(bytes);
  if (valid) {
    r.encoding = "UTF-8";
    text = bytes;
  } else if (census.multibyte >= 4 * census.invalid) {
    // Mostly UTF-8 with some broken sequences: a damaged file, not another encoding.
    return fail("invalid_utf8", std::to_string(census.invalid) +
                                    " malformed UTF-8 sequences, the first at byte " +
                                    std::to_string(census.first_invalid));
  } else if (ToUtf8FromGb18030(bytes, converted) && utf8::IsValid(converted)) {
    r.encoding = "GB18030";
    text = converted;
  } else {
    return fail("invalid_encoding", "neither valid UTF-8 nor GB18030");
  }
  // One pass over the text: lines split and normalised together into the one buffer.
  r.lines.Reserve(text.size() + 1, text.size() / 32 + 16);
  const bool any_visible = NormalizeLines(text, &r.lines);
  if (!any_visible) return fail("empty", "file has no text");
  r.ok = true;
  return r;
}

}  // namespace gongkai
