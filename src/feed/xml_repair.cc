#include "feed/xml_repair.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>

#include <libxml/HTMLparser.h>

namespace pw::feed::xml {

namespace {

constexpr size_t kMaxEntityValue = 4096;
constexpr size_t kMinExpansionBudget = 1 << 20;

// windows-1252 meanings of the C1 code points 128-159 (0: none).
constexpr std::array<std::uint16_t, 32> kWindows1252C1 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool IsControl(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

constexpr std::array<bool, 256> MakeSpecial() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = c != '\t' && c != '\n' && c != '\r';
  table['<'] = true;
  table['&'] = true;
  return table;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecial();

// Inside a tag: what ends or changes the scan.
constexpr std::array<bool, 256> MakeInTag() {
  std::array<bool, 256> table = MakeSpecial();
  table['>'] = table['='] = table['"'] = table['\''] = true;
  return table;
}
constexpr std::array<bool, 256> kInTag = MakeInTag();

// Inside a quoted value.
constexpr std::array<bool, 256> MakeInValue() {
  std::array<bool, 256> table = MakeSpecial();
  table['"'] = table['\''] = true;
  return table;
}
constexpr std::array<bool, 256> kInValue = MakeInValue();

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' || c == ':';
}

bool IsNameStart(unsigned char c) { return std::isalpha(c) || c == '_' || c == ':' || c >= 0x80; }

bool IsPredefined(std::string_view name) {
  return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

bool IsXmlChar(std::uint32_t v) {
  if (v < 0x20) return v == 0x9 || v == 0xA || v == 0xD;
  if (v >= 0xD800 && v <= 0xDFFF) return false;
  if (v == 0xFFFE || v == 0xFFFF) return false;
  return v <= 0x10FFFF;
}

struct Entity {
  bool usable = false;
  std::string value;   // replacement text, for usable entities
  std::string reason;  // why not usable
};

class Repairer {
 public:
  explicit Repairer(std::string_view in) : in_(in), budget_(std::max(kMinExpansionBudget, in.size())) {}

  RepairedXml Run() {
    size_t i = 0;
    const size_t n = in_.size();
    while (i < n) {
      i = SkipPlain(i);
      if (i >= n) break;
      if (in_[i] == '<') i = OnLessThan(i);
      else if (in_[i] == '&') i = OnAmpersand(i, 0);
      else i = OnControl(i);
    }
    if (result_.changed) {
      out_.append(in_.substr(copied_));
      result_.text = std::move(out_);
    }
    return std::move(result_);
  }

 private:
  // The first byte at or after `i` that needs a look: '<', '&', or a control
  // character. Eight bytes at a time, for the bulk of a document is plain.
  size_t SkipPlain(size_t i) const {
    const size_t n = in_.size();
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    auto has_byte = [](std::uint64_t x, std::uint64_t b) { return ((x ^ (kOnes * b)) - kOnes) & ~(x ^ (kOnes * b)) & kHighs; };
    while (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, in_.data() + i, 8);
      // Any byte below 0x20 (tab and newline among them: then byte by byte), '<' or '&'.
      if ((((word - kOnes * 0x20) & ~word & kHighs) | has_byte(word, '<') | has_byte(word, '&')) != 0) break;
      i += 8;
    }
    while (i < n && !kSpecial[static_cast<unsigned char>(in_[i])]) ++i;
    return i;
  }

  void Replace(size_t begin, size_t end, std::string_view with) {
    if (!result_.changed) {
      out_.reserve(in_.size() + in_.size() / 16 + 64);
      result_.changed = true;
    }
    out_.append(in_.substr(copied_, begin - copied_));
    out_.append(with);
    copied_ = end;
  }

  void Problem(size_t pos, const std::string& message, bool illformed = true) {
    ++result_.fixes;
    if (illformed && result_.first_problem.empty()) {
      const int line = 1 + static_cast<int>(std::count(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
      result_.first_problem = "line " + std::to_string(line) + ": " + message;
    }
  }

  size_t OnControl(size_t i) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned char>(in_[i]));
    Replace(i, i + 1, " ");
    Problem(i, std::string("control character U+00") + hex + " replaced by a space");
    return i + 1;
  }

  // Skips to `terminator`, fixing control characters on the way (they are
  // not allowed in CDATA or comments either). Returns the index after it.
  size_t SkipTo(size_t from, std::string_view terminator) {
    const size_t end = in_.find(terminator, from);
    const size_t stop = end == std::string_view::npos ? in_.size() : end;
    for (size_t k = from; k < stop; ++k)
      if (IsControl(static_cast<unsigned char>(in_[k]))) OnControl(k);
    return end == std::string_view::npos ? in_.size() : end + terminator.size();
  }

  bool At(size_t i, std::string_view s) const { return in_.substr(i, s.size()) == s; }

  size_t OnLessThan(size_t i) {
    if (At(i, "<!--")) return SkipTo(i + 4, "-->");
    if (At(i, "<![CDATA[")) return SkipTo(i + 9, "]]>");
    if (At(i, "<?xml") && i > 0 && i + 5 < in_.size() &&
        (std::isspace(static_cast<unsigned char>(in_[i + 5])) || in_[i + 5] == '?')) {
      // A declaration after blank lines (PHP's favourite) or a second one:
      // XML allows neither, and libxml2 would give up the document.
      const size_t end = SkipTo(i + 2, "?>");
      Replace(i, end, std::string(end - i, ' '));
      Problem(i, "XML declaration not at the start of the document: ignored");
      return end;
    }
    if (At(i, "<?")) return SkipTo(i + 2, "?>");
    if (At(i, "<!DOCTYPE") || At(i, "<!doctype")) return OnDoctype(i);
    if (At(i, "<!")) return i + 2;
    const unsigned char next = i + 1 < in_.size() ? static_cast<unsigned char>(in_[i + 1]) : 0;
    if (!IsNameStart(next) && next != '/') {
      Replace(i, i + 1, "&lt;");
      Problem(i, "'<' that starts no tag read as '&lt;'");
      return i + 1;
    }
    // A tag: '&' inside quoted attribute values follows text's rules. A '<'
    // ends the scan even inside quotes: more likely a missing quote than a
    // '<' in a value, and libxml2 reports either. Names and spaces are
    // skipped by table, for tags are most of a feed's markup.
    const size_t n = in_.size();
    size_t j = i + 1;
    while (true) {
      while (j < n && !kInTag[static_cast<unsigned char>(in_[j])]) ++j;
      if (j >= n) return j;
      const char c = in_[j];
      if (c == '>') return j + 1;
      if (c == '<') return j;  // an unclosed tag: libxml2 reports it
      if (c == '&') {
        j = OnAmpersand(j, 0);
        continue;
      }
      if (c != '=') {  // a control character, or a quote outside any value
        j = IsControl(static_cast<unsigned char>(c)) ? OnControl(j) : j + 1;
        continue;
      }
      ++j;
      while (j < n && std::isspace(static_cast<unsigned char>(in_[j]))) ++j;
      if (j >= n || (in_[j] != '"' && in_[j] != '\'')) continue;
      const char quote = in_[j++];
      while (true) {  // the quoted value
        while (j < n && !kInValue[static_cast<unsigned char>(in_[j])]) ++j;
        if (j >= n) return j;
        const char v = in_[j];
        if (v == quote) {
          ++j;
          break;
        }
        if (v == '<') return j;
        if (v == '&') j = OnAmpersand(j, quote);
        else j = IsControl(static_cast<unsigned char>(v)) ? OnControl(j) : j + 1;
      }
    }
  }

  // The length of "lt;", "gt;", "amp;", "quot;" or "apos;" at `at`, else 0.
  size_t PredefinedAt(size_t at) const {
    const size_t n = in_.size();
    auto is = [&](const char* s, size_t len) {
      if (at + len > n) return false;
      for (size_t k = 0; k < len; ++k)
        if (in_[at + k] != s[k]) return false;
      return true;
    };
    switch (at < n ? in_[at] : '\0') {
      case 'l': return is("lt;", 3) ? 3 : 0;
      case 'g': return is("gt;", 3) ? 3 : 0;
      case 'a': return is("amp;", 4) ? 4 : is("apos;", 5) ? 5 : 0;
      case 'q': return is("quot;", 5) ? 5 : 0;
      default: return 0;
    }
  }

  size_t OnAmpersand(size_t i, char quote) {
    const size_t n = in_.size();
    // The five XML entities, by far the most common: nothing to do.
    if (const size_t length = PredefinedAt(i + 1)) return i + 1 + length;
    size_t j = i + 1;
    if (j < n && in_[j] == '#') {
      const bool hex = j + 1 < n && (in_[j + 1] == 'x' || in_[j + 1] == 'X');
      size_t k = j + (hex ? 2 : 1);
      const size_t digits_start = k;
      std::uint64_t value = 0;
      while (k < n && (hex ? std::isxdigit(static_cast<unsigned char>(in_[k])) : std::isdigit(static_cast<unsigned char>(in_[k])))) {
        if (value < 0x110000) {
          const char d = in_[k];
          value = value * (hex ? 16 : 10) +
                  static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(d)) ? d - '0' : (std::tolower(d) - 'a' + 10));
        }
        ++k;
      }
      if (k > digits_start && k < n && in_[k] == ';') {
        if (hex && in_[j + 1] == 'X') {  // "&#X41;": XML only knows the lower-case x
          Replace(i, k + 1, "&#x" + std::string(in_.substr(digits_start, k - digits_start)) + ";");
          Problem(i, "character reference with an upper-case X");
          return k + 1;
        }
        if (value >= 0x80 && value <= 0x9F && kWindows1252C1[value - 0x80] != 0) {
          Replace(i, k + 1, "&#" + std::to_string(kWindows1252C1[value - 0x80]) + ";");
          Problem(i, "windows-1252 character reference", false);
        } else if (!IsXmlChar(static_cast<std::uint32_t>(value))) {
          Replace(i, k + 1, "");
          Problem(i, "reference to a character XML does not allow, dropped");
        }
        return k + 1;
      }
    } else if (j < n && IsNameStart(static_cast<unsigned char>(in_[j])) && static_cast<unsigned char>(in_[j]) < 0x80) {
      size_t k = j;
      while (k < n && IsNameChar(in_[k])) ++k;
      if (k < n && in_[k] == ';') {
        if (IsPredefined(in_.substr(j, k - j))) return k + 1;  // the common case: no allocation
        const std::string name(in_.substr(j, k - j));
        if (auto it = entities_.find(name); it != entities_.end()) {
          ExpandEntity(i, k + 1, name, it->second, quote);
          return k + 1;
        }
        if (const htmlEntityDesc* html = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
          Replace(i, k + 1, "&#" + std::to_string(html->value) + ";");
          Problem(i, "undefined entity &" + name + "; read as HTML", !external_dtd_);
          return k + 1;
        }
        Replace(i, i + 1, "&amp;");
        Problem(i, "undefined entity &" + name + "; kept as text", !external_dtd_);
        return k + 1;
      }
    }
    Replace(i, i + 1, "&amp;");
    Problem(i, "bare '&' read as '&amp;'");
    return i + 1;
  }

  void ExpandEntity(size_t begin, size_t end, const std::string& name, const Entity& entity, char quote) {
    if (!entity.usable) {
      Replace(begin, end, "");
      Problem(begin, "entity &" + name + "; not expanded: " + entity.reason);
      return;
    }
    if (expanded_ + entity.value.size() > budget_) {
      Replace(begin, end, "");
      Problem(begin, "entity &" + name + "; not expanded: expansions over " + std::to_string(budget_) + " bytes");
      return;
    }
    expanded_ += entity.value.size();
    if (!quote) {
      Replace(begin, end, entity.value);
      return;
    }
    std::string escaped;
    for (char c : entity.value) {
      if (c == '"') escaped += "&#34;";
      else if (c == '\'') escaped += "&#39;";
      else escaped += c;
    }
    Replace(begin, end, escaped);
  }

  // <!DOCTYPE name [SYSTEM "uri" | PUBLIC "id" "uri"] [[ internal subset ]]>
  size_t OnDoctype(size_t i) {
    const size_t n = in_.size();
    size_t j = i + 9;
    char quote = 0;
    size_t subset_begin = std::string_view::npos, subset_end = std::string_view::npos;
    size_t end = n;
    for (; j < n; ++j) {
      const char c = in_[j];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' && subset_begin == std::string_view::npos) {
        subset_begin = j + 1;
        subset_end = SubsetEnd(subset_begin);
        j = subset_end;
      } else if (c == '>') {
        end = j + 1;
        break;
      }
    }
    const std::string_view head = in_.substr(i, (subset_begin == std::string_view::npos ? end : subset_begin) - i);
    external_dtd_ = head.find("SYSTEM") != std::string_view::npos || head.find("PUBLIC") != std::string_view::npos;
    if (subset_begin != std::string_view::npos)
      ReadEntityDeclarations(in_.substr(subset_begin, std::min(subset_end, n) - subset_begin));
    const std::string_view doctype = in_.substr(i, end - i);
    Replace(i, end, std::string(static_cast<size_t>(std::count(doctype.begin(), doctype.end(), '\n')), '\n'));
    return end;
  }

  // The index of the ']' that closes an internal subset starting at `from`.
  size_t SubsetEnd(size_t from) const {
    char quote = 0;
    for (size_t k = from; k < in_.size(); ++k) {
      const char c = in_[k];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (in_.substr(k, 4) == "<!--") {
        const size_t close = in_.find("-->", k + 4);
        if (close == std::string_view::npos) return in_.size();
        k = close + 2;
      } else if (c == ']') {
        return k;
      }
    }
    return in_.size();
  }

  void ReadEntityDeclarations(std::string_view subset) {
    size_t pos = 0;
    while ((pos = subset.find("<!ENTITY", pos)) != std::string_view::npos) {
      size_t k = pos + 8;
      auto skip_space = [&] {
        while (k < subset.size() && std::isspace(static_cast<unsigned char>(subset[k]))) ++k;
      };
      skip_space();
      pos = k;
      if (k < subset.size() && subset[k] == '%') continue;  // parameter entities: never used
      const size_t name_begin = k;
      while (k < subset.size() && IsNameChar(subset[k])) ++k;
      const std::string name(subset.substr(name_begin, k - name_begin));
      skip_space();
      if (name.empty() || entities_.count(name)) continue;  // the first declaration binds
      Entity entity;
      if (subset.substr(k, 6) == "SYSTEM" || subset.substr(k, 6) == "PUBLIC") {
        entity.reason = "external entities are never loaded";
      } else if (k < subset.size() && (subset[k] == '"' || subset[k] == '\'')) {
        const size_t close = subset.find(subset[k], k + 1);
        const std::string_view value =
            subset.substr(k + 1, (close == std::string_view::npos ? subset.size() : close) - k - 1);
        entity.reason = ValueProblem(value);
        entity.usable = entity.reason.empty();
        if (entity.usable) entity.value = std::string(value);
      } else {
        continue;
      }
      entities_.emplace(name, std::move(entity));
    }
  }

  // "" when an entity value is safe to expand as text.
  static std::string ValueProblem(std::string_view value) {
    if (value.size() > kMaxEntityValue) return "value over " + std::to_string(kMaxEntityValue) + " bytes";
    if (value.find('<') != std::string_view::npos) return "markup in an entity value";
    if (value.find('%') != std::string_view::npos) return "parameter entity in an entity value";
    for (size_t a = value.find('&'); a != std::string_view::npos; a = value.find('&', a + 1)) {
      const size_t semi = value.find(';', a);
      if (semi == std::string_view::npos) return "bare '&' in an entity value";
      const std::string_view ref = value.substr(a + 1, semi - a - 1);
      if (!ref.empty() && ref[0] == '#') continue;
      if (!IsPredefined(ref)) return "entity in an entity value (nesting is not expanded)";
    }
    return {};
  }

  std::string_view in_;
  size_t copied_ = 0;
  std::string out_;
  RepairedXml result_;
  std::map<std::string, Entity, std::less<>> entities_;
  bool external_dtd_ = false;
  size_t budget_;
  size_t expanded_ = 0;
};

}  // namespace

RepairedXml RepairXml(std::string_view utf8) { return Repairer(utf8).Run(); }

}  // namespace pw::feed::xml
