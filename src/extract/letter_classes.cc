#include "extract/letter_classes.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include <unicode/uniset.h>
#include <unicode/unistr.h>

namespace pw::extract {

namespace {

// A class as the inside of an RE2 character class: "\x{41}-\x{5A}\x{61}...".
struct Narrowed {
  std::string ranges;      // the class
  std::string complement;  // every code point outside it
};

std::string RangesOf(const icu::UnicodeSet& set) {
  std::string out;
  char buffer[32];
  for (int32_t i = 0; i < set.getRangeCount(); ++i) {
    const UChar32 first = set.getRangeStart(i), last = set.getRangeEnd(i);
    if (first == last) std::snprintf(buffer, sizeof buffer, "\\x{%X}", static_cast<unsigned>(first));
    else std::snprintf(buffer, sizeof buffer, "\\x{%X}-\\x{%X}", static_cast<unsigned>(first), static_cast<unsigned>(last));
    out += buffer;
  }
  return out;
}

Narrowed Narrow(const char* icu_pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeSet set(icu::UnicodeString::fromUTF8(icu_pattern), status);
  // The patterns are ours and fixed: ICU failing on one is a broken build.
  if (U_FAILURE(status)) std::abort();
  Narrowed n{RangesOf(set), {}};
  set.complement();
  n.complement = RangesOf(set);
  return n;
}

// The classes narrowed, by their name in \p{NAME}; null for any other name.
const Narrowed* Lookup(std::string_view name) {
  static const std::map<std::string, Narrowed, std::less<>> classes = {
      {"L", Narrow("[[:L:]&[:Latn:]]")},
      {"Lu", Narrow("[[:Lu:]&[:Latn:]]")},
      {"Ll", Narrow("[[:Ll:]&[:Latn:]]")},
      {"Lt", Narrow("[[:Lt:]&[:Latn:]]")},
      {"N", Narrow("[[:N:]&[[:Latn:][:Zyyy:]]]")},
  };
  const auto it = classes.find(name);
  return it == classes.end() ? nullptr : &it->second;
}

}  // namespace

std::string NarrowLetterClasses(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char e = pattern[i + 1];
      if ((e == 'p' || e == 'P') && i + 2 < pattern.size()) {
        // \p{NAME}, or the one-letter form \pL.
        std::size_t name_begin = i + 2, name_end = i + 3, end = i + 3;
        if (pattern[i + 2] == '{') {
          name_begin = i + 3;
          name_end = pattern.find('}', name_begin);
          end = name_end == std::string_view::npos ? name_end : name_end + 1;
        }
        if (end != std::string_view::npos) {
          if (const Narrowed* n = Lookup(pattern.substr(name_begin, name_end - name_begin))) {
            const bool negated = e == 'P';
            if (in_class) out += negated ? n->complement : n->ranges;
            else out += (negated ? "[^" : "[") + n->ranges + "]";
            i = end - 1;
            continue;
          }
        }
      }
      out += c;
      out += pattern[++i];
      continue;
    }
    if (!in_class && c == '[') {
      in_class = true;
      out += c;
      // "[^" and a ']' right after the opening are part of the class.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
      continue;
    }
    if (in_class && pattern.compare(i, 2, "[:") == 0) {
      const std::size_t close = pattern.find(":]", i + 2);
      if (close != std::string_view::npos) {
        out.append(pattern.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
    }
    if (in_class && c == ']') in_class = false;
    out += c;
  }
  return out;
}

}  // namespace pw::extract
