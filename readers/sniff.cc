#include "readers/sniff.h"

#include <cctype>
#include <string>

namespace gongkai {

Format Sniff(std::string_view b) {
  // A zip is a Word document when it names word/ parts (any other zip stays "binary" text).
  if (b.substr(0, 4) == std::string_view("PK\x03\x04", 4))
    return b.find("word/") != std::string_view::npos ? Format::kDocx : Format::kText;
  if (b.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return Format::kLegacy;
  if (b.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::kPdf;
  std::string_view s = b;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (s.size() < 3 || s[0] != '<') return Format::kText;
  const unsigned char c1 = static_cast<unsigned char>(s[1]);
  if (!std::isalpha(c1) && c1 != '!' && c1 != '?') return Format::kText;
  // Markup, not text that happens to start with '<': a closing tag or a <br>/<p> early on.
  std::string head(s.substr(0, 8192));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* tag : {"</", "<br", "<p>", "<p ", "<meta", "<!doctype html"})
    if (head.find(tag) != std::string::npos) return Format::kHtml;
  return Format::kText;
}

bool LooksLikeReportFile(std::string_view head) {
  switch (Sniff(head)) {
    case Format::kHtml:
    case Format::kPdf:
    case Format::kDocx: return true;
    default: return false;
  }
}

const char* FormatName(Format f) {
  switch (f) {
    case Format::kHtml: return "html";
    case Format::kDocx: return "docx";
    case Format::kPdf: return "pdf";
    case Format::kLegacy: return "doc";
    case Format::kText: break;
  }
  return "text";
}

}  // namespace gongkai
