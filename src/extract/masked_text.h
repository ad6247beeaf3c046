// extract/masked_text.h: the text with each entity found so far replaced by a
// token, so later rules can say {ORG} and mean "an organisation, whatever its
// name". Internal to pw_extract.
//
//   text:     "NIC đã phối hợp với Amazon Web Services (AWS) tổ chức ..."
//   masked:   "\uE000ORG0\uE001 đã phối hợp với \uE000ORG1\uE001 tổ chức ..."
// An entity followed by its own acronym in parentheses ("Amazon Web Services
// (AWS)") becomes one token. Offsets map both ways, so a match in the masked
// text gives a span of the original text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extraction.h"

namespace pw::extract {

class MaskedText {
 public:
  // REQUIRES: `entities` sorted by start, not overlapping, inside `text`.
  MaskedText(std::string_view text, const std::vector<Entity>& entities);

  const std::string& str() const { return masked_; }

  // The original offset of a masked offset (a token maps to its whole span).
  std::size_t ToOriginal(std::size_t masked_offset) const;
  // The masked offset of an original offset (inside an entity: its token's start).
  std::size_t ToMasked(std::size_t original_offset) const;

  // The entities whose tokens lie within masked [begin, end), in order,
  // optionally only of one type.
  std::vector<std::size_t> EntitiesIn(std::size_t begin, std::size_t end,
                                      std::optional<EntityType> type = std::nullopt) const;

 private:
  struct Piece {
    std::size_t masked_begin, masked_end;
    std::size_t original_begin, original_end;
    std::optional<std::size_t> entity;  // set for tokens
  };
  std::string masked_;
  std::vector<Piece> pieces_;
  const std::vector<Entity>* entities_;
};

}  // namespace pw::extract
