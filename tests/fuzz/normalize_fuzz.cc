// Fuzz target `normalize`: text::NormalizeText, the search key and the
// sentence splitter on any bytes. Oracles, from text/normalize.h,
// text/search_key.h and text/sentences.h: the output is UTF-8 with no C0
// control but LF, no whitespace at either end, no run of blank lines; a
// second NormalizeText changes nothing (idempotence); the keyed text maps
// every key byte back into the source; sentence spans lie inside the text,
// in order.
#include "fuzz_target.h"
#include "text/normalize.h"
#include "text/search_key.h"
#include "text/sentences.h"

PW_FUZZ_TARGET(normalize) {
  const std::string out = pw::text::NormalizeText(pw::fuzz::AsText(data, size));
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(out), "output not UTF-8");
  for (unsigned char c : out) PW_FUZZ_CHECK(c >= 0x20 || c == '\n', "a control character remains");
  if (!out.empty()) {
    PW_FUZZ_CHECK(out.front() != ' ' && out.front() != '\n' && out.back() != ' ' && out.back() != '\n',
                  "whitespace at an end");
  }
  PW_FUZZ_CHECK(out.find("\n\n\n") == std::string::npos, "more than one blank line");
  PW_FUZZ_CHECK(pw::text::NormalizeText(out) == out, "not idempotent");

  const auto keyed = pw::text::MakeKeyedText(out);
  PW_FUZZ_CHECK(keyed.source_offset.size() == keyed.key.size() + 1, "one offset per key byte, plus the end");
  for (std::size_t i = 0; i < keyed.source_offset.size(); ++i) {
    PW_FUZZ_CHECK(keyed.source_offset[i] <= out.size(), "a key offset past the source");
    PW_FUZZ_CHECK(i == 0 || keyed.source_offset[i - 1] <= keyed.source_offset[i], "key offsets out of order");
  }
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(pw::text::SearchKey(out)), "search key not UTF-8");

  std::size_t last_end = 0;
  for (const auto& span : pw::text::SplitSentences(out)) {
    PW_FUZZ_CHECK(span.begin >= last_end && span.begin < span.end && span.end <= out.size(),
                  "a sentence span out of place");
    last_end = span.end;
  }
  return 0;
}
