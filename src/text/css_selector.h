// text/css_selector.h: the part of CSS selectors that site rules are written in.
//
//   auto s = Selector::Parse("article.fck_detail, div[data-role=content] > p");
//   s->Matches(element)    // true for <div data-role="content"><p>...</p></div>'s <p>
//
// Supported, which is what outlets' layouts need:
//   - type selectors (div, case-insensitive) and *;
//   - .class, #id;
//   - attributes: [attr], [attr=v], [attr~=v] (one of its words), [attr^=v],
//     [attr$=v], [attr*=v], [attr|=v]; v bare or quoted; a trailing " i"
//     compares without case;
//   - :not(compound), e.g. p:not(.author);
//   - the descendant (space) and child (>) combinators, and lists (a, b).
// Not supported (Parse says which): the sibling combinators + and ~, and
// other pseudo-classes and pseudo-elements.
//
// Class names, ids and attribute values compare case-sensitively, as in HTML
// documents in standards mode.
//
// Parse is pure; a Selector is immutable and safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

struct _xmlNode;  // libxml2's element, declared by <libxml/tree.h>

namespace pw::text {

class Selector {
 public:
  // kInvalidArgument, "column N: <what is wrong>", on a syntax error or an
  // unsupported construct. Column counts bytes from 1.
  static Result<Selector> Parse(std::string_view text);

  // True when `element` (an element node) matches any selector of the list.
  bool Matches(const _xmlNode* element) const;

  // The selector as written.
  const std::string& text() const { return text_; }

  struct Attribute {
    std::string name;
    char op = 0;  // 0 (present), '=', '~', '^', '$', '*', '|'
    std::string value;
    bool ignore_case = false;
  };
  struct Compound {
    std::string type;  // lower-case; "" or "*" for any
    std::vector<std::string> classes;
    std::vector<std::string> ids;
    std::vector<Attribute> attributes;
    std::vector<Compound> negations;  // :not(...)
  };
  // parts[0] (combinators[0]) parts[1] ... ; combinators[i] is ' ' or '>'.
  struct Complex {
    std::vector<Compound> parts;
    std::vector<char> combinators;
  };

 private:
  std::string text_;
  std::vector<Complex> alternatives_;
};

}  // namespace pw::text
