#include "core/labels_zh.h"

namespace gongkai {
namespace {

std::string Trimmed(const std::string& s) {
  std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// "t3.new.total" -> its labels; anything else is returned as it is.
std::string CellRefLabel(const Template* tmpl, const std::string& ref) {
  std::size_t a = ref.find('.'), b = a == std::string::npos ? a : ref.find('.', a + 1);
  if (b == std::string::npos) return ref;
  // A rule stays within one table (its label names it): the cell is named by row and column.
  std::string full = CoordinateLabelZh(tmpl, ref.substr(0, a), ref.substr(a + 1, b - a - 1),
                                       ref.substr(b + 1));
  std::size_t dot = full.find("·");
  return dot == std::string::npos ? full : full.substr(dot + std::string("·").size());
}

}  // namespace

std::string CoordinateLabelZh(const Template* tmpl, const std::string& table,
                              const std::string& row, const std::string& col) {
  const TableSpec* t = tmpl && !table.empty() ? tmpl->FindTable(table) : nullptr;
  std::string out = t ? t->label : table;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += "·";
    out += part;
  };
  if (!row.empty()) {
    const RowSpec* r = t ? t->FindRow(row) : nullptr;
    if (!r) add(row);
    else if (!r->unlabeled) add(r->label);
  }
  if (!col.empty()) {
    const ColumnSpec* c = t ? t->FindColumn(col) : nullptr;
    add(c ? c->label : col);
  }
  return out;
}

std::string TermsLabelZh(const Template* tmpl, const std::string& terms) {
  std::string out;
  std::size_t start = 0;
  while (start <= terms.size()) {
    std::size_t plus = terms.find(" + ", start);
    std::string part = Trimmed(terms.substr(start, plus == std::string::npos ? std::string::npos
                                                                             : plus - start));
    if (!part.empty()) {
      if (!out.empty()) out += " + ";
      out += CellRefLabel(tmpl, part);
    }
    if (plus == std::string::npos) break;
    start = plus + 3;
  }
  return out;
}

const std::string* TemplateRuleLabel(const Template* tmpl, const std::string& rule_key) {
  if (tmpl)
    for (const auto& r : tmpl->rules)
      if (r.key == rule_key) return &r.label;
  return nullptr;
}

RuleMessageZhParts RuleMessagePartsZh(std::string_view label, std::string_view lhs,
                                      std::string_view rhs) {
  RuleMessageZhParts out;
  std::string head = "勾稽关系“";
  head.append(label).append("”");
  out.pass.append(head).append("成立：").append(lhs).append(" = ").append(rhs).append(" = ");
  out.fail_left.append(head).append("不成立：左边 ").append(lhs).append(" = ");
  out.fail_right.append("，右边 ").append(rhs).append(" = ");
  out.not_assessable.append(head)
      .append("无法判断（有单元格为空、不适用或缺失）：")
      .append(lhs)
      .append(" = ")
      .append(rhs);
  return out;
}

}  // namespace gongkai
