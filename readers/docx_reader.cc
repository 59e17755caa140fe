#include "readers/docx_reader.h"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "readers/docx_numbering.h"

namespace gongkai {
namespace {

constexpr zip_uint64_t kMaxPartBytes = 64u << 20;  // a decompressed XML part (zip bombs)

bool Is(const pugi::xml_node& n, const char* local) {
  return n.type() == pugi::node_element && std::strcmp(LocalName(n), local) == 0;
}

// "" with *found = false when the archive has no such entry; *error set when it is unreadable.
std::string ReadEntry(zip_t* z, const char* name, bool* found, std::string* error) {
  *found = false;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name, 0, &st) != 0) return "";
  *found = true;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes) {
    *error = std::string(name) + " is larger than 64 MB uncompressed";
    return "";
  }
  zip_file_t* f = zip_fopen(z, name, 0);
  if (!f) {
    *error = std::string("cannot open ") + name + ": " + zip_strerror(z);
    return "";
  }
  std::string out;
  char buf[65536];
  zip_int64_t n;
  while ((n = zip_fread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > kMaxPartBytes) break;
  }
  if (n < 0) *error = std::string("cannot read ") + name + ": " + zip_file_strerror(f);
  if (out.size() > kMaxPartBytes) *error = std::string(name) + " is larger than 64 MB";
  zip_fclose(f);
  return out;
}

class BodyReader {
 public:
  explicit BodyReader(DocxNumbering* numbering) : numbering_(numbering) {}

  void Blocks(const pugi::xml_node& parent) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (Is(c, "p")) {
        std::vector<pugi::xml_node> boxes;
        doc_.AddParagraph(Paragraph(c, &boxes));
        for (const auto& box : boxes) Blocks(box);
      } else if (Is(c, "tbl")) {
        doc_.AddTable(Table(c));
      } else if (Is(c, "sdt")) {
        Blocks(Child(c, "sdtContent"));
      } else if (Is(c, "customXml") || Is(c, "ins") || Is(c, "smartTag")) {
        Blocks(c);
      }
    }
  }

  Document Take() { return std::move(doc_); }

 private:
  // A paragraph's text with its list number in front; text boxes found inside go to *boxes.
  std::string Paragraph(const pugi::xml_node& p, std::vector<pugi::xml_node>* boxes) {
    std::string text = numbering_->Next(Child(p, "pPr"));
    Runs(p, &text, boxes);
    return text;
  }

  void Runs(const pugi::xml_node& n, std::string* out, std::vector<pugi::xml_node>* boxes) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const char* name = LocalName(c);
      if (!std::strcmp(name, "t")) {
        *out += c.text().get();
      } else if (!std::strcmp(name, "tab") || !std::strcmp(name, "ptab")) {
        *out += ' ';
      } else if (!std::strcmp(name, "br") || !std::strcmp(name, "cr")) {
        *out += '\n';
      } else if (!std::strcmp(name, "noBreakHyphen")) {
        *out += '-';
      } else if (!std::strcmp(name, "txbxContent")) {
        boxes->push_back(c);
      } else if (!std::strcmp(name, "AlternateContent")) {
        // DrawingML (mc:Choice) and VML (mc:Fallback) copies of one object: read one.
        pugi::xml_node choice = Child(c, "Choice");
        Runs(choice ? choice : Child(c, "Fallback"), out, boxes);
      } else if (!std::strcmp(name, "del") || !std::strcmp(name, "delText") ||
                 !std::strcmp(name, "instrText") || !std::strcmp(name, "pPr") ||
                 !std::strcmp(name, "rPr") || !std::strcmp(name, "moveFrom")) {
        continue;
      } else {
        Runs(c, out, boxes);  // r, hyperlink, ins, smartTag, fldSimple, sdt, drawing, pict ...
      }
    }
  }

  // A cell's text: its paragraphs (and nested tables' cells) one per line.
  std::string CellText(const pugi::xml_node& tc) {
    std::string out;
    for (pugi::xml_node c = tc.first_child(); c; c = c.next_sibling()) {
      std::string part;
      std::vector<pugi::xml_node> boxes;
      if (Is(c, "p")) {
        part = Paragraph(c, &boxes);
        for (const auto& box : boxes) part += "\n" + CellText(box);
      } else if (Is(c, "tbl") || Is(c, "sdt")) {
        part = NestedText(c);
      } else {
        continue;
      }
      if (!part.empty()) {
        if (!out.empty()) out += '\n';
        out += part;
      }
    }
    return out;
  }

  std::string NestedText(const pugi::xml_node& n) {
    std::string out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      std::string part;
      std::vector<pugi::xml_node> boxes;
      if (Is(c, "tc")) part = CellText(c);
      else if (Is(c, "p")) part = Paragraph(c, &boxes);
      else if (c.type() == pugi::node_element) part = NestedText(c);
      if (!part.empty()) out += (out.empty() ? "" : "\n") + part;
    }
    return out;
  }

  DocTable Table(const pugi::xml_node& tbl) {
    TableBuilder b;
    for (pugi::xml_node tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      if (!Is(tr, "tr")) continue;
      b.StartRow();
      const int before = std::atoi(AttrOf(Child(Child(tr, "trPr"), "gridBefore"), "val").c_str());
      for (int i = 0; i < before && i < 1000; ++i) b.AddCell("");
      Cells(tr, &b);
    }
    return b.Finish();
  }

  void Cells(const pugi::xml_node& parent, TableBuilder* b) {
    for (pugi::xml_node tc = parent.first_child(); tc; tc = tc.next_sibling()) {
      if (Is(tc, "sdt") || Is(tc, "customXml")) {
        Cells(Is(tc, "sdt") ? Child(tc, "sdtContent") : tc, b);
        continue;
      }
      if (!Is(tc, "tc")) continue;
      pugi::xml_node pr = Child(tc, "tcPr");
      int span = std::atoi(AttrOf(Child(pr, "gridSpan"), "val").c_str());
      pugi::xml_node vmerge = Child(pr, "vMerge");
      pugi::xml_node hmerge = Child(pr, "hMerge");
      bool covered = (vmerge && AttrOf(vmerge, "val") != "restart") ||
                     (hmerge && AttrOf(hmerge, "val") != "restart");
      std::string text = CellText(tc);  // always read: list counters advance as Word's do
      b->AddCell(covered ? "" : std::move(text), span > 0 ? span : 1);
    }
  }

  DocxNumbering* numbering_;
  Document doc_;
};

}  // namespace

ReadResult ReadDocx(std::string_view bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) return Fail("corrupt_docx", "cannot read the archive");
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!z) {
    std::string why = zip_error_strerror(&err);
    zip_source_free(src);
    zip_error_fini(&err);
    return Fail("corrupt_docx", "not a readable zip archive (truncated or damaged): " + why);
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> zip(z, [](zip_t* p) { zip_discard(p); });
  bool found = false;
  std::string error;
  std::string document = ReadEntry(z, "word/document.xml", &found, &error);
  if (!found)
    return Fail("not_docx", "a zip archive without word/document.xml: not a Word document");
  bool has_num = false, has_styles = false;
  std::string numbering = ReadEntry(z, "word/numbering.xml", &has_num, &error);
  std::string styles = ReadEntry(z, "word/styles.xml", &has_styles, &error);
  if (!error.empty()) return Fail("corrupt_docx", error);
  pugi::xml_document xml;
  pugi::xml_parse_result parsed = xml.load_buffer(document.data(), document.size(),
                                                  pugi::parse_default | pugi::parse_ws_pcdata);
  if (!parsed)
    return Fail("corrupt_docx", std::string("word/document.xml is not well-formed XML: ") +
                                    parsed.description() + " at byte " +
                                    std::to_string(parsed.offset));
  DocxNumbering lists(numbering, styles);
  BodyReader reader(&lists);
  reader.Blocks(Child(xml.document_element(), "body"));
  ReadResult r;
  r.doc = reader.Take();
  if (!r.doc.HasText()) return Fail("empty", "the Word document has no text");
  r.ok = true;
  r.encoding = "DOCX";
  return r;
}

}  // namespace gongkai
