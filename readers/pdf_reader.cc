#include "readers/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace gongkai {
namespace {

struct Box {
  std::string text;
  double x0, x1, top, bottom;
  bool space_after;
  double Mid() const { return (top + bottom) / 2; }
  double Height() const { return bottom - top; }
};

struct Line {
  std::vector<Box> boxes;
  double top = 0, bottom = 0;
  std::string text;
};

void Quiet(const std::string&, void*) {}

std::string Utf8(const poppler::ustring& u) {
  poppler::byte_array b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

// "-3-", "- 3 -", "—3—", "第3页", "3/12", "3": a page number (only asked of margin text).
bool IsPageNumber(const std::string& line) {
  std::string s;
  for (char c : line)
    if (c != ' ') s += c;
  for (const char* frame : {"-", "—", "–"}) {
    const std::size_t n = std::char_traits<char>::length(frame);
    if (s.size() > 2 * n && s.compare(0, n, frame) == 0 && s.compare(s.size() - n, n, frame) == 0) {
      s = s.substr(n, s.size() - 2 * n);
      break;
    }
  }
  if (s.rfind("第", 0) == 0 && s.size() > 6 && s.compare(s.size() - 3, 3, "页") == 0)
    s = s.substr(3, s.size() - 6);
  std::size_t slash = s.find('/');
  if (slash != std::string::npos && slash > 0 && slash + 1 < s.size()) s.erase(slash, 1);
  if (s.empty() || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<Line> PageLines(std::vector<Box> boxes) {
  std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) {
    return a.Mid() != b.Mid() ? a.Mid() < b.Mid() : a.x0 < b.x0;
  });
  std::vector<Line> lines;
  for (Box& b : boxes) {
    Line* into = nullptr;
    if (!lines.empty()) {
      Line& last = lines.back();
      const double mid = (last.top + last.bottom) / 2;
      // Same line when each middle lies within the other's extent.
      if (b.Mid() >= last.top && b.Mid() <= last.bottom && mid >= b.top && mid <= b.bottom)
        into = &last;
    }
    if (!into) {
      lines.emplace_back();
      into = &lines.back();
      into->top = b.top;
      into->bottom = b.bottom;
    } else {
      into->top = std::min(into->top, b.top);
      into->bottom = std::max(into->bottom, b.bottom);
    }
    into->boxes.push_back(std::move(b));
  }
  for (Line& l : lines) {
    std::sort(l.boxes.begin(), l.boxes.end(),
              [](const Box& a, const Box& b) { return a.x0 < b.x0; });
    for (std::size_t i = 0; i < l.boxes.size(); ++i) {
      const Box& b = l.boxes[i];
      if (i > 0) {
        const Box& p = l.boxes[i - 1];
        const double gap = b.x0 - p.x1;
        if (p.space_after || gap > 0.15 * std::max(p.Height(), b.Height())) l.text += ' ';
      }
      l.text += b.text;
    }
  }
  return lines;
}

}  // namespace

ReadResult ReadPdf(std::string_view bytes) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(Quiet, nullptr); });
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return Fail("too_large", "PDF too large");
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Fail("corrupt_pdf", "poppler cannot open the PDF (damaged cross-reference "
                                       "table or objects, or truncated)");
  if (doc->is_locked()) return Fail("encrypted_pdf", "the PDF needs a password to be read");
  const int pages = doc->pages();
  if (pages <= 0) return Fail("corrupt_pdf", "the PDF has no pages");
  std::vector<std::vector<Line>> all(pages);
  std::vector<double> heights(pages, 0);
  std::size_t boxes_seen = 0;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) continue;
    heights[p] = page->page_rect().height();
    std::vector<Box> boxes;
    for (const poppler::text_box& tb : page->text_list()) {
      std::string text = utf8::Trim(Utf8(tb.text()));
      if (text.empty()) continue;
      poppler::rectf r = tb.bbox();
      boxes.push_back({std::move(text), r.left(), r.right(), r.top(), r.bottom(),
                       tb.has_space_after()});
    }
    boxes_seen += boxes.size();
    all[p] = PageLines(std::move(boxes));
  }
  if (boxes_seen == 0)
    return Fail("no_text_layer", "no page of the PDF has a text layer (a scan?): " +
                                     std::to_string(pages) + " pages without text");
  // Page furniture sits in the top or bottom tenth of a page: a line there that is only page
  // numbers, or whose text without its page numbers ("第 2 页", "2/6") recurs on another page
  // (running headers and footers), is dropped.
  auto in_margin = [&](int p, const Line& l) {
    return heights[p] > 0 && (l.bottom < 0.1 * heights[p] || l.top > 0.9 * heights[p]);
  };
  auto key_of = [](const Line& l) {
    std::string key;
    for (const Box& b : l.boxes)
      if (!IsPageNumber(b.text)) key += b.text + " ";
    return key;
  };
  std::map<std::string, int> margin_count;
  for (int p = 0; p < pages; ++p)
    for (const Line& l : all[p])
      if (in_margin(p, l)) ++margin_count[key_of(l)];
  ReadResult r;
  for (int p = 0; p < pages; ++p)
    for (const Line& l : all[p]) {
      if (in_margin(p, l)) {
        const std::string key = key_of(l);
        if (key.empty() || IsPageNumber(l.text) || (pages > 1 && margin_count[key] >= 2))
          continue;
      }
      r.doc.AddParagraph(l.text);
    }
  if (!r.doc.HasText()) return Fail("no_text_layer", "the PDF has only page furniture as text");
  r.ok = true;
  r.encoding = "PDF";
  return r;
}

}  // namespace gongkai
