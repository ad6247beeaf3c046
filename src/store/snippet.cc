#include "store/snippet.h"

#include <algorithm>

#include "store/sqlite.h"

namespace pw::store {

namespace {

// Cuts `text` to whole UTF-8 characters at both ends.
std::string_view WholeCharacters(std::string_view text) {
  size_t b = 0;
  while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
  size_t e = text.size();
  size_t k = e;
  while (k > b && (static_cast<unsigned char>(text[k - 1]) & 0xC0) == 0x80) --k;
  if (k > b) {
    const unsigned char lead = static_cast<unsigned char>(text[k - 1]);
    const size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (e - (k - 1) < need) e = k - 1;
  }
  return text.substr(b, e - b);
}

}  // namespace

std::string MarkedHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  char previous = '\0';
  for (char c : s) {
    // A paragraph break ("\n\n" after a headline) is one space.
    if (c == '\n' && previous == '\n') continue;
    previous = c;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case kMarkOpen: out += "<mark>"; break;
      case kMarkClose: out += "</mark>"; break;
      case '\n': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string MentionSnippet(Database& db, std::int64_t article_id, std::int64_t start, std::int64_t end) {
  constexpr std::int64_t kBefore = 120, kAfter = 160;
  const std::int64_t from = std::max<std::int64_t>(0, start - kBefore);
  Statement& t = db.Prepare("SELECT substr(CAST(text AS BLOB), ?2, ?3), length(CAST(text AS BLOB)) FROM articles WHERE id = ?1");
  t.Bind(1, article_id).Bind(2, from + 1).Bind(3, end - from + kAfter);
  if (!t.Step()) return {};
  const std::string window(t.Blob(0));
  const bool cut_end = from + static_cast<std::int64_t>(window.size()) < t.Int64(1);
  t.Reset();
  const size_t ms = std::min(window.size(), static_cast<size_t>(std::max<std::int64_t>(0, start - from)));
  const size_t me = std::clamp(static_cast<size_t>(std::max<std::int64_t>(0, end - from)), ms, window.size());
  const std::string marked =
      window.substr(0, ms) + kMarkOpen + window.substr(ms, me - ms) + kMarkClose + window.substr(me);
  return (from > 0 ? "…" : "") + MarkedHtml(WholeCharacters(marked)) + (cut_end ? "…" : "");
}

}  // namespace pw::store
