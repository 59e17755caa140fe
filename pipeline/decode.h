// decode: bytes of one file in, normalised UTF-8 lines out.
// Accepts UTF-8 (with or without BOM), UTF-16 LE or BE with a byte-order mark, and GB18030/GBK
// (decoded, not rejected). Normalises what
// exports scatter but that never carries meaning: CRLF/CR, NBSP and other odd spaces, full-width
// digits, zero-width characters, and export debris ([image: ], [bookmark: _GoBack], **bold**).
// Bad input is a returned error (kind + message), never an exception.
#ifndef GONGKAI_PIPELINE_DECODE_H_
#define GONGKAI_PIPELINE_DECODE_H_

#include <string>
#include <string_view>
#include <vector>

#include "config/options.h"
#include "core/lines.h"

namespace gongkai {

struct DecodeResult {
  bool ok = false;
  std::string encoding;            // "UTF-8" | "GB18030" | "UTF-16LE" | "UTF-16BE"
  Lines lines;  // lines[i] is source line i+1, without its terminator (views into one buffer)
  // when !ok: "empty" | "binary" | "invalid_utf8" | "invalid_encoding" | "too_large"
  std::string error_kind;
  std::string error_message;
};

DecodeResult Decode(std::string_view bytes, const DecodeOptions& options = {});

// Normalises one line of already-UTF-8 text (exposed for tests).
std::string NormalizeLine(std::string_view line);
// The same, appended to *out (decode writes every line into one buffer).
void AppendNormalizedLine(std::string_view line, std::string* out);

}  // namespace gongkai

#endif  // GONGKAI_PIPELINE_DECODE_H_
