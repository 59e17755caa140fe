// charset: bytes in a named legacy encoding to UTF-8 (iconv). GBK and GB2312 are read as
// GB18030, their superset, since pages labelled GB2312 routinely use GBK characters.
#ifndef GONGKAI_READERS_CHARSET_H_
#define GONGKAI_READERS_CHARSET_H_

#include <string>
#include <string_view>

namespace gongkai {

// Canonical name ("UTF-8", "GB18030", "BIG5", ...) of a charset label, upper-cased; GBK,
// GB2312, CP936 and X-GBK become "GB18030".
std::string CanonicalCharset(std::string_view label);

// False when iconv does not know the charset or the bytes are not valid in it.
bool ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string* out);

bool IsValidUtf8(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_READERS_CHARSET_H_
