// feed/xml_repair.h: the mistakes feeds make in XML, fixed before libxml2
// sees them. Internal to pw_feed (used by xml_tree.cc).
//
// libxml2's recovery keeps going after an error, but from the first error on
// it drops every entity reference, even &amp; and &lt;, so one bare '&' in a
// URL would cost every later title its "&". So, in one pass over the text
// (CDATA sections, comments and processing instructions are left alone):
//   "AT&T", "?a=1&b=2"    -> "&amp;"                    (bare ampersand)
//   "&eacute;" "&hellip;" -> "&#233;" "&#8230;"         (HTML entities, which XML lacks)
//   "&#146;"              -> "&#8217;"                  (windows-1252 code points, as browsers read them)
//   "&bogus;"             -> "&amp;bogus;"              (kept as text)
//   "a < b"               -> "a &lt; b"                 (a '<' that starts no tag)
//   control characters    -> ' '                        (not allowed in XML 1.0)
//   "\n<?xml ...?>"       -> spaces                     (a declaration not at the start)
//   <!DOCTYPE ...>        -> removed (its lines kept as blank lines, so line numbers hold)
// The DOCTYPE goes because it is the door to external entities, parameter
// entities and entity bombs. Its internal entities are expanded here, by text,
// under limits: a value may hold character references but no markup and no
// other entity (no nesting, so no billion laughs), at most 4 KiB, and all
// expansions together at most max(1 MiB, the document's size). An entity
// declared SYSTEM or PUBLIC is never loaded; its references are dropped.
//
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pw::feed::xml {

struct RepairedXml {
  bool changed = false;  // when false, `text` is empty: use the input as it is
  std::string text;
  // The first fix that means the document was not well-formed XML, as
  // "line 12: bare '&' read as '&amp;'"; "" if none. (An HTML entity in a
  // document whose DOCTYPE names an external DTD is not ill-formed: the DTD
  // may declare it.)
  std::string first_problem;
  int fixes = 0;  // how many fixes in all
};

RepairedXml RepairXml(std::string_view utf8);

}  // namespace pw::feed::xml
