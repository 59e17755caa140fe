#include "readers/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "readers/charset.h"

namespace gongkai {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The charset a <meta> declares in the first 8 KB, or "".
std::string MetaCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 8192));
  std::size_t at = 0;
  while ((at = head.find("charset", at)) != std::string::npos) {
    at += 7;
    std::size_t i = at;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    if (i >= head.size() || head[i] != '=') continue;
    ++i;
    while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                                 head[end] == '-' || head[end] == '_'))
      ++end;
    if (end > i) return head.substr(i, end - i);
  }
  return "";
}

std::string Name(const xmlNode* n) {
  return n->name ? Lower(reinterpret_cast<const char*>(n->name)) : "";
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool IsChrome(const xmlNode* n, const std::string& name) {
  static const char* const kTags[] = {"script", "style", "noscript", "template", "head", "nav",
                                      "header", "footer", "aside", "form", "select", "button",
                                      "iframe", "svg", "object", "input", "textarea"};
  for (const char* t : kTags)
    if (name == t) return true;
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  std::string style = Lower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos) return true;
  const std::string marks = Lower(Attr(n, "class") + " " + Attr(n, "id"));
  for (const char* w : {"nav", "menu", "footer", "breadcrumb", "crumb", "sidebar", "share",
                        "copyright"})
    if (marks.find(w) != std::string::npos) return true;
  return false;
}

bool IsBlock(const std::string& n) {
  static const char* const kBlocks[] = {
      "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
      "section", "article", "main", "blockquote", "pre", "center", "address", "figure",
      "figcaption", "caption", "hr", "body", "html", "tr", "td", "th", "tbody", "thead", "tfoot"};
  for (const char* b : kBlocks)
    if (n == b) return true;
  return false;
}

// HTML white space (not NBSP, not U+3000) collapses to one space.
void AppendText(const xmlNode* n, std::string* out) {
  if (!n->content) return;
  const char* s = reinterpret_cast<const char*>(n->content);
  for (; *s; ++s) {
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
      if (!out->empty() && out->back() != ' ' && out->back() != '\n') *out += ' ';
    } else {
      *out += *s;
    }
  }
}

bool HasTableInside(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (Name(c) == "table" || HasTableInside(c))) return true;
  return false;
}

// A cell's text: block boundaries and <br> become '\n'.
void CellText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      AppendText(c, out);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string name = Name(c);
    if (IsChrome(c, name)) continue;
    if (name == "br") {
      *out += '\n';
    } else if (IsBlock(name) || name == "table") {
      if (!out->empty() && out->back() != '\n') *out += '\n';
      CellText(c, out);
      if (!out->empty() && out->back() != '\n') *out += '\n';
    } else {
      CellText(c, out);
    }
  }
}

int Span(const xmlNode* cell, const char* attr) {
  std::string v = Attr(cell, attr);
  int n = std::atoi(v.c_str());
  return n >= 1 ? std::min(n, 1000) : 1;
}

void CollectRows(const xmlNode* n, std::vector<const xmlNode*>* rows) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string name = Name(c);
    if (name == "tr") rows->push_back(c);
    else if (name == "thead" || name == "tbody" || name == "tfoot") CollectRows(c, rows);
  }
}

DocTable ReadTable(const xmlNode* table) {
  std::vector<const xmlNode*> rows;
  CollectRows(table, &rows);
  TableBuilder b;
  for (const xmlNode* tr : rows) {
    b.StartRow();
    for (const xmlNode* c = tr->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string name = Name(c);
      if (name != "td" && name != "th") continue;
      std::string text;
      CellText(c, &text);
      b.AddCell(std::move(text), Span(c, "colspan"), Span(c, "rowspan"));
    }
  }
  return b.Finish();
}

class Walker {
 public:
  void Walk(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        AppendText(c, &para_);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE) continue;
      const std::string name = Name(c);
      if (IsChrome(c, name)) continue;
      if (name == "br") {
        para_ += '\n';
      } else if (name == "table" && !HasTableInside(c)) {
        Flush();
        doc_.AddTable(ReadTable(c));
      } else if (IsBlock(name) || name == "table") {
        Flush();
        Walk(c);
        Flush();
      } else {
        Walk(c);
      }
    }
  }
  Document Take() {
    Flush();
    return std::move(doc_);
  }

 private:
  void Flush() {
    doc_.AddParagraph(std::move(para_));
    para_.clear();
  }
  Document doc_;
  std::string para_;
};

}  // namespace

ReadResult ReadHtml(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string declared = MetaCharset(bytes);
  std::string charset = declared.empty() ? "" : CanonicalCharset(declared);
  if (charset.empty()) charset = IsValidUtf8(bytes) ? "UTF-8" : "GB18030";
  std::string converted;
  std::string_view utf8 = bytes;
  if (charset != "UTF-8") {
    if (!ConvertToUtf8(bytes, charset, &converted)) {
      std::string why = declared.empty() ? " (no charset declared)"
                                         : " (declared charset=" + declared + ")";
      return Fail("invalid_encoding", "HTML page is not valid " + charset + why);
    }
    utf8 = converted;
  } else if (!IsValidUtf8(bytes)) {
    return Fail("invalid_encoding", "HTML page declares UTF-8 but is not valid UTF-8");
  }
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET),
      xmlFreeDoc);
  if (!doc || !xmlDocGetRootElement(doc.get()))
    return Fail("empty", "HTML page has no content");
  Walker w;
  w.Walk(reinterpret_cast<xmlNode*>(doc.get()));
  ReadResult r;
  r.doc = w.Take();
  if (!r.doc.HasText()) return Fail("empty", "HTML page has no text outside page chrome");
  r.ok = true;
  r.encoding = "HTML " + charset;
  return r;
}

}  // namespace gongkai
