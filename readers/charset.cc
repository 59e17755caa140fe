#include "readers/charset.h"

#include <iconv.h>

#include <cctype>
#include <cerrno>

#include "core/utf8.h"

namespace gongkai {

std::string CanonicalCharset(std::string_view label) {
  std::string s;
  for (char c : label)
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '"' && c != '\'')
      s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (s == "UTF8") return "UTF-8";
  if (s == "GBK" || s == "GB2312" || s == "CP936" || s == "X-GBK" || s == "GB_2312-80" ||
      s == "EUC-CN" || s == "GB18030")
    return "GB18030";
  return s;
}

bool ConvertToUtf8(std::string_view in, const std::string& charset, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->assign(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out->data();
  std::size_t dst_left = out->size();
  bool ok = true;
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        std::size_t used = out->size() - dst_left;
        out->resize(out->size() * 2);
        dst = out->data() + used;
        dst_left = out->size() - used;
        continue;
      }
      ok = false;
      break;
    }
  }
  out->resize(out->size() - dst_left);
  iconv_close(cd);
  return ok && utf8::IsValid(*out);
}

bool IsValidUtf8(std::string_view bytes) { return utf8::IsValid(bytes); }

}  // namespace gongkai
