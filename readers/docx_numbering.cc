#include "readers/docx_numbering.h"

#include <cstdlib>
#include <cstring>
#include <tuple>

namespace gongkai {

const char* LocalName(const pugi::xml_node& n) {
  const char* name = n.name();
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

pugi::xml_node Child(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && std::strcmp(LocalName(c), local) == 0) return c;
  return {};
}

std::string AttrOf(const pugi::xml_node& n, const char* local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const char* name = a.name();
    const char* colon = std::strchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local) == 0) return a.value();
  }
  return "";
}

std::string ChineseCounting(int n) {
  static const char* const kDigit[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 1000) return std::to_string(n);
  std::string s;
  const int h = n / 100, t = n / 10 % 10, u = n % 10;
  if (h) s += std::string(kDigit[h]) + "百";
  if (t) s += (t == 1 && !h ? std::string() : std::string(kDigit[t])) + "十";
  else if (h && u) s += "零";
  if (u) s += kDigit[u];
  return s;
}

namespace {

int IntAttr(const pugi::xml_node& n, int dflt) {
  std::string v = AttrOf(n, "val");
  return v.empty() ? dflt : std::atoi(v.c_str());
}

}  // namespace

DocxNumbering::DocxNumbering(const std::string& numbering_xml, const std::string& styles_xml) {
  pugi::xml_document num;
  if (!numbering_xml.empty() && num.load_buffer(numbering_xml.data(), numbering_xml.size())) {
    pugi::xml_node root = num.document_element();
    for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
      if (std::strcmp(LocalName(c), "abstractNum") == 0) {
        auto& levels = abstract_[AttrOf(c, "abstractNumId")];
        for (pugi::xml_node l = c.first_child(); l; l = l.next_sibling()) {
          if (std::strcmp(LocalName(l), "lvl") != 0) continue;
          Level lv;
          lv.start = IntAttr(Child(l, "start"), 1);
          if (Child(l, "numFmt")) lv.fmt = AttrOf(Child(l, "numFmt"), "val");
          lv.text = AttrOf(Child(l, "lvlText"), "val");
          levels[std::atoi(AttrOf(l, "ilvl").c_str())] = lv;
        }
      } else if (std::strcmp(LocalName(c), "num") == 0) {
        const std::string id = AttrOf(c, "numId");
        num_to_abstract_[id] = AttrOf(Child(c, "abstractNumId"), "val");
        for (pugi::xml_node o = c.first_child(); o; o = o.next_sibling())
          if (std::strcmp(LocalName(o), "lvlOverride") == 0 && Child(o, "startOverride"))
            start_override_[id][std::atoi(AttrOf(o, "ilvl").c_str())] =
                IntAttr(Child(o, "startOverride"), 1);
      }
    }
  }
  pugi::xml_document sty;
  if (!styles_xml.empty() && sty.load_buffer(styles_xml.data(), styles_xml.size())) {
    for (pugi::xml_node s = sty.document_element().first_child(); s; s = s.next_sibling()) {
      if (std::strcmp(LocalName(s), "style") != 0) continue;
      const std::string id = AttrOf(s, "styleId");
      if (pugi::xml_node b = Child(s, "basedOn")) style_based_on_[id] = AttrOf(b, "val");
      pugi::xml_node np = Child(Child(s, "pPr"), "numPr");
      if (np) style_num_[id] = {AttrOf(Child(np, "numId"), "val"), IntAttr(Child(np, "ilvl"), 0)};
    }
  }
}

std::string DocxNumbering::Format(int v, const std::string& fmt) {
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" ||
      fmt == "ideographDigital" || fmt == "japaneseCounting")
    return ChineseCounting(v);
  if (fmt == "ideographTraditional") {
    static const char* const kGan[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return v >= 1 && v <= 10 ? kGan[v - 1] : std::to_string(v);
  }
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    if (v < 1 || v > 20) return std::to_string(v);
    std::string s = "\xE2\x91";  // U+2460 ① .. U+2473 ⑳
    s += static_cast<char>(0xA0 + v - 1);
    return s;
  }
  if ((fmt == "lowerLetter" || fmt == "upperLetter") && v >= 1 && v <= 26)
    return std::string(1, static_cast<char>((fmt == "lowerLetter" ? 'a' : 'A') + v - 1));
  if (fmt == "none") return "";
  return std::to_string(v);  // decimal, decimalZero and anything rarer
}

std::string DocxNumbering::Next(const pugi::xml_node& ppr) {
  std::string num_id;
  int ilvl = 0;
  if (pugi::xml_node np = Child(ppr, "numPr")) {
    num_id = AttrOf(Child(np, "numId"), "val");
    ilvl = IntAttr(Child(np, "ilvl"), 0);
  } else if (pugi::xml_node ps = Child(ppr, "pStyle")) {
    std::string style = AttrOf(ps, "val");
    for (int hops = 0; hops < 20 && !style.empty(); ++hops) {
      auto it = style_num_.find(style);
      if (it != style_num_.end()) {
        std::tie(num_id, ilvl) = it->second;
        break;
      }
      auto b = style_based_on_.find(style);
      style = b == style_based_on_.end() ? "" : b->second;
    }
  }
  if (num_id.empty() || num_id == "0" || ilvl < 0 || ilvl > 8) return "";
  auto abs = num_to_abstract_.find(num_id);
  if (abs == num_to_abstract_.end()) return "";
  const auto& levels = abstract_[abs->second];
  auto start_of = [&](int l) {
    auto o = start_override_.find(num_id);
    if (o != start_override_.end() && o->second.count(l)) return o->second.at(l);
    auto lv = levels.find(l);
    return lv == levels.end() ? 1 : lv->second.start;
  };
  std::vector<int>& c = counters_[num_id];
  c.resize(9, 0);
  c[ilvl] = c[ilvl] == 0 ? start_of(ilvl) : c[ilvl] + 1;
  for (int l = ilvl + 1; l < 9; ++l) c[l] = 0;
  auto lv = levels.find(ilvl);
  if (lv == levels.end() || lv->second.fmt == "bullet") return "";  // a bullet is no number
  std::string out;
  const std::string& t = lv->second.text;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      int l = t[i + 1] - '1';
      int v = c[l] == 0 ? start_of(l) : c[l];
      auto ll = levels.find(l);
      out += Format(v, ll == levels.end() ? "decimal" : ll->second.fmt);
      ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace gongkai
