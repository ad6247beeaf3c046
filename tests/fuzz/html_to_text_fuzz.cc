// Fuzz target `html_to_text`: text::HtmlToText and NormalizeDocument on any
// bytes, as an item's content or a user's document. Oracles: nothing crashes,
// and the normalized document is UTF-8 whatever came in (text/normalize.h).
#include "fuzz_target.h"
#include "text/html_to_text.h"
#include "text/normalize.h"

PW_FUZZ_TARGET(html_to_text) {
  const std::string_view input = pw::fuzz::AsText(data, size);
  const std::string text = pw::text::HtmlToText(input);
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(pw::text::NormalizeText(text)), "normalized text not UTF-8");
  const std::string document = pw::text::NormalizeDocument(input);
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(document), "normalized document not UTF-8");
  return 0;
}
