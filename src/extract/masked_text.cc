#include "extract/masked_text.h"

#include <algorithm>

#include "extract/compiled_rules.h"

namespace pw::extract {

MaskedText::MaskedText(std::string_view text, const std::vector<Entity>& entities)
    : entities_(&entities) {
  masked_.reserve(text.size() + entities.size() * 8);
  auto add_plain = [&](std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    std::string_view plain = text.substr(begin, end - begin);
    const std::size_t masked_begin = masked_.size();
    // A private-use bracket in the input must not pass for one of our tokens.
    // Both start with the byte 0xEE, rare in our text: copy the runs between.
    const char lead = kTokenOpen[0];
    static_assert(kTokenOpen[0] == kTokenClose[0]);
    std::size_t copied = 0;
    for (std::size_t i = plain.find(lead); i != std::string_view::npos; i = plain.find(lead, i)) {
      if (plain.substr(i, 3) == kTokenOpen || plain.substr(i, 3) == kTokenClose) {
        masked_.append(plain.substr(copied, i - copied));
        masked_ += "   ";
        i += 3;
        copied = i;
      } else {
        ++i;
      }
    }
    masked_.append(plain.substr(copied));
    pieces_.push_back({masked_begin, masked_.size(), begin, end, std::nullopt});
  };
  std::size_t cursor = 0;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    if (e.start < cursor) continue;  // defensive: overlapping input
    add_plain(cursor, e.start);
    std::size_t end = e.end;
    // "Amazon Web Services (AWS)": the acronym joins the token of its long form.
    if (i + 1 < entities.size()) {
      const Entity& next = entities[i + 1];
      if (next.type == e.type && next.name == e.name && next.start >= e.end) {
        std::string_view gap = text.substr(e.end, next.start - e.end);
        if ((gap == " (" || gap == "(") && next.end < text.size() && text[next.end] == ')') {
          end = next.end + 1;
          ++i;
        }
      }
    }
    const std::size_t masked_begin = masked_.size();
    masked_ += kTokenOpen;
    masked_ += EntityTypeName(e.type);
    masked_ += std::to_string(&e - entities.data());
    masked_ += kTokenClose;
    pieces_.push_back({masked_begin, masked_.size(), e.start, end, static_cast<std::size_t>(&e - entities.data())});
    cursor = end;
  }
  add_plain(cursor, text.size());
}

std::size_t MaskedText::ToOriginal(std::size_t masked_offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), masked_offset,
                             [](std::size_t off, const Piece& p) { return off < p.masked_begin; });
  if (it == pieces_.begin()) return 0;
  --it;
  if (it->entity) return masked_offset == it->masked_begin ? it->original_begin : it->original_end;
  return it->original_begin + std::min(masked_offset - it->masked_begin, it->original_end - it->original_begin);
}

std::size_t MaskedText::ToMasked(std::size_t original_offset) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), original_offset,
                             [](std::size_t off, const Piece& p) { return off < p.original_begin; });
  if (it == pieces_.begin()) return 0;
  --it;
  if (it->entity) return original_offset == it->original_begin ? it->masked_begin : it->masked_end;
  return it->masked_begin + std::min(original_offset - it->original_begin, it->masked_end - it->masked_begin);
}

std::vector<std::size_t> MaskedText::EntitiesIn(std::size_t begin, std::size_t end,
                                                std::optional<EntityType> type) const {
  std::vector<std::size_t> out;
  for (const Piece& p : pieces_) {
    if (!p.entity || p.masked_begin < begin || p.masked_end > end) continue;
    if (type && (*entities_)[*p.entity].type != *type) continue;
    out.push_back(*p.entity);
  }
  return out;
}

}  // namespace pw::extract
