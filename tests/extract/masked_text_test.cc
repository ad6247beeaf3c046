// MaskedText copies the text between entities run by run and blanks any
// private-use bracket (U+E000, U+E001) the input holds, so that it cannot pass
// for one of the tokens. These tests hold it to the byte-by-byte copy it
// replaced, on a table of texts with brackets at the edges, in a row, cut
// short, and next to entities.
#include "extract/masked_text.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/compiled_rules.h"
#include "extract/extract.h"

namespace pw::extract {
namespace {

// The masked text as MaskedText built it before: byte by byte.
std::string ReferenceMasked(std::string_view text, const std::vector<Entity>& entities) {
  std::string out;
  auto add_plain = [&](std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    const std::string_view plain = text.substr(begin, end - begin);
    for (std::size_t i = 0; i < plain.size(); ++i) {
      if (plain.substr(i, 3) == kTokenOpen || plain.substr(i, 3) == kTokenClose) {
        out += "   ";
        i += 2;
      } else {
        out += plain[i];
      }
    }
  };
  std::size_t cursor = 0;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    add_plain(cursor, e.start);
    out += kTokenOpen;
    out += EntityTypeName(e.type);
    out += std::to_string(i);
    out += kTokenClose;
    cursor = e.end;
  }
  add_plain(cursor, text.size());
  return out;
}

Entity Org(std::size_t start, std::size_t end, std::string name) {
  Entity e;
  e.type = EntityType::kOrg;
  e.start = start;
  e.end = end;
  e.name = std::move(name);
  return e;
}

TEST(MaskedText, BlanksPrivateUseBracketsInTheInputAsTheByteCopyDid) {
  const std::string open(kTokenOpen), close(kTokenClose);
  // U+E002 shares the lead byte 0xEE and the next byte 0x80, and stays.
  const std::string other = "\xEE\x80\x82";
  const std::vector<std::string> texts = {
      "",
      "plain text, no bracket",
      open,
      close,
      open + close,
      open + "ORG1" + close + " said",
      "before " + open,
      "before " + close + " after",
      "\xEE",
      "cut \xEE\x80",
      "cut \xEE\x80" + open,
      other + " stays, " + open + " goes",
      "Công ty " + open + "ABC" + close + " và Amazon (AWS)",
      "a" + open + open + close + close + "b",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    EXPECT_EQ(MaskedText(text, {}).str(), ReferenceMasked(text, {}));
    if (text.size() >= 4) {
      // An entity in the middle: the plain runs on both sides are copied.
      const std::vector<Entity> entities = {Org(1, 3, "X")};
      EXPECT_EQ(MaskedText(text, entities).str(), ReferenceMasked(text, entities));
    }
  }
}

TEST(MaskedText, OffsetsMapBothWaysAroundABlankedBracket) {
  const std::string text = "A " + std::string(kTokenOpen) + " Acme Corp raised";
  const std::size_t acme = text.find("Acme");
  const std::vector<Entity> entities = {Org(acme, acme + 9, "Acme Corp")};
  const MaskedText masked(text, entities);
  EXPECT_EQ(masked.str(), "A     " + std::string(kTokenOpen) + "ORG0" + std::string(kTokenClose) + " raised");
  EXPECT_EQ(masked.ToMasked(acme), masked.str().find(kTokenOpen));
  EXPECT_EQ(masked.ToOriginal(masked.str().find(" raised")), text.find(" raised"));
  EXPECT_EQ(masked.EntitiesIn(0, masked.str().size()), std::vector<std::size_t>{0});
}

}  // namespace
}  // namespace pw::extract
