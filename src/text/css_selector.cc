#include "text/css_selector.h"

#include <algorithm>
#include <cctype>

#include "text/html_dom.h"

namespace pw::text {

namespace {

using Compound = Selector::Compound;
using Complex = Selector::Complex;
using Attribute = Selector::Attribute;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsIdentChar(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '_' || u >= 0x80;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

// A recursive-descent parser over the selector text; the first error stops it.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  bool ParseList(std::vector<Complex>& out) {
    do {
      SkipSpaces();
      Complex c;
      if (!ParseComplex(c)) return false;
      out.push_back(std::move(c));
      SkipSpaces();
    } while (Eat(','));
    if (!AtEnd()) return Fail(std::string("unexpected '") + Peek() + "'");
    return true;
  }

  std::string error() const { return "column " + std::to_string(error_at_ + 1) + ": " + error_; }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  void SkipSpaces() {
    while (!AtEnd() && IsSpace(text_[pos_])) ++pos_;
  }
  bool Fail(std::string what) { return FailAt(pos_, std::move(what)); }
  bool FailAt(size_t at, std::string what) {
    if (error_.empty()) {
      error_ = std::move(what);
      error_at_ = at;
    }
    return false;
  }

  bool ParseComplex(Complex& out) {
    Compound first;
    if (!ParseCompound(first)) return false;
    out.parts.push_back(std::move(first));
    while (true) {
      const size_t before = pos_;
      SkipSpaces();
      if (AtEnd() || Peek() == ',' || Peek() == ')') {
        pos_ = before;
        SkipSpaces();
        return true;
      }
      char combinator = ' ';
      if (Peek() == '>') {
        combinator = '>';
        ++pos_;
        SkipSpaces();
      } else if (Peek() == '+' || Peek() == '~') {
        return Fail(std::string("the sibling combinator '") + Peek() + "' is not supported");
      } else if (pos_ == before) {
        return Fail(std::string("unexpected '") + Peek() + "'");
      }
      Compound next;
      if (!ParseCompound(next)) return false;
      out.combinators.push_back(combinator);
      out.parts.push_back(std::move(next));
    }
  }

  bool ParseIdent(std::string& out, const char* what) {
    const size_t begin = pos_;
    while (!AtEnd() && IsIdentChar(text_[pos_])) ++pos_;
    if (pos_ == begin) return Fail(std::string("expected ") + what);
    out.assign(text_.substr(begin, pos_ - begin));
    return true;
  }

  bool ParseCompound(Compound& out) {
    bool any = false;
    if (Eat('*')) {
      out.type.assign(1, '*');
      any = true;
    } else if (!AtEnd() && IsIdentChar(Peek())) {
      std::string type;
      ParseIdent(type, "an element name");
      out.type = Lower(type);
      any = true;
    }
    while (!AtEnd()) {
      const char c = Peek();
      if (c == '.') {
        ++pos_;
        std::string name;
        if (!ParseIdent(name, "a class name after '.'")) return false;
        out.classes.push_back(std::move(name));
      } else if (c == '#') {
        ++pos_;
        std::string name;
        if (!ParseIdent(name, "an id after '#'")) return false;
        out.ids.push_back(std::move(name));
      } else if (c == '[') {
        ++pos_;
        Attribute a;
        if (!ParseAttribute(a)) return false;
        out.attributes.push_back(std::move(a));
      } else if (c == ':') {
        if (!ParsePseudo(out)) return false;
      } else {
        break;
      }
      any = true;
    }
    if (!any) return Fail(AtEnd() ? "expected a selector" : std::string("unexpected '") + Peek() + "'");
    return true;
  }

  bool ParsePseudo(Compound& out) {
    const size_t start = pos_++;  // ':'
    if (Peek() == ':') return FailAt(start, "pseudo-elements are not supported");
    std::string name;
    if (!ParseIdent(name, "a pseudo-class name after ':'")) return false;
    if (Lower(name) != "not")
      return FailAt(start, "the pseudo-class ':" + name + "' is not supported (only :not)");
    if (!Eat('(')) return Fail("expected '(' after :not");
    SkipSpaces();
    Compound inner;
    if (!ParseCompound(inner)) return false;
    SkipSpaces();
    if (!Eat(')')) return Fail("expected ')' to close :not(");
    out.negations.push_back(std::move(inner));
    return true;
  }

  bool ParseAttribute(Attribute& out) {
    SkipSpaces();
    std::string name;
    if (!ParseIdent(name, "an attribute name after '['")) return false;
    out.name = Lower(name);
    SkipSpaces();
    if (Eat(']')) return true;
    const char c = Peek();
    if (c == '=') {
      out.op = '=';
      ++pos_;
    } else if ((c == '~' || c == '^' || c == '$' || c == '*' || c == '|') && pos_ + 1 < text_.size() &&
               text_[pos_ + 1] == '=') {
      out.op = c;
      pos_ += 2;
    } else {
      return Fail("expected ']' or an operator (=, ~=, ^=, $=, *=, |=)");
    }
    SkipSpaces();
    if (Peek() == '"' || Peek() == '\'') {
      const char quote = text_[pos_++];
      const size_t end = text_.find(quote, pos_);
      if (end == std::string_view::npos) return Fail("unterminated string");
      out.value.assign(text_.substr(pos_, end - pos_));
      pos_ = end + 1;
    } else if (!ParseIdent(out.value, "a value")) {
      return false;
    }
    SkipSpaces();
    if (Peek() == 'i' || Peek() == 'I') {
      ++pos_;
      out.ignore_case = true;
      SkipSpaces();
    }
    if (!Eat(']')) return Fail("expected ']'");
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
  size_t error_at_ = 0;
};

bool ValueMatches(const Attribute& a, std::string value) {
  std::string want = a.value;
  if (a.ignore_case) {
    value = Lower(value);
    want = Lower(want);
  }
  switch (a.op) {
    case '=':
      return value == want;
    case '~':
      return dom::HasClass(value, want);
    case '^':
      return !want.empty() && value.compare(0, want.size(), want) == 0;
    case '$':
      return !want.empty() && value.size() >= want.size() &&
             value.compare(value.size() - want.size(), want.size(), want) == 0;
    case '*':
      return !want.empty() && value.find(want) != std::string::npos;
    case '|':
      return value == want || value.compare(0, want.size() + 1, want + "-") == 0;
    default:
      return true;
  }
}

bool MatchesCompound(const Compound& c, const xmlNode* n) {
  if (!dom::IsElement(n)) return false;
  if (!c.type.empty() && c.type != "*" && dom::Name(n) != c.type) return false;
  if (!c.classes.empty()) {
    const std::string classes = dom::Attr(n, "class");
    for (const auto& name : c.classes)
      if (!dom::HasClass(classes, name)) return false;
  }
  if (!c.ids.empty()) {
    const std::string id = dom::Attr(n, "id");
    for (const auto& name : c.ids)
      if (id != name) return false;
  }
  for (const auto& a : c.attributes) {
    if (!dom::HasAttr(n, a.name.c_str())) return false;
    if (a.op && !ValueMatches(a, dom::Attr(n, a.name.c_str()))) return false;
  }
  for (const auto& negation : c.negations)
    if (MatchesCompound(negation, n)) return false;
  return true;
}

// Whether parts[0..index] match with parts[index] at `n`, right to left.
bool MatchesFrom(const Complex& c, size_t index, const xmlNode* n) {
  if (!MatchesCompound(c.parts[index], n)) return false;
  if (index == 0) return true;
  const char combinator = c.combinators[index - 1];
  for (const xmlNode* up = n->parent; dom::IsElement(up); up = up->parent) {
    if (MatchesFrom(c, index - 1, up)) return true;
    if (combinator == '>') return false;
  }
  return false;
}

}  // namespace

Result<Selector> Selector::Parse(std::string_view text) {
  Selector s;
  s.text_.assign(text);
  Parser parser(text);
  if (!parser.ParseList(s.alternatives_)) return Error::InvalidArgument(parser.error());
  return s;
}

bool Selector::Matches(const _xmlNode* element) const {
  for (const auto& c : alternatives_)
    if (MatchesFrom(c, c.parts.size() - 1, element)) return true;
  return false;
}

}  // namespace pw::text
