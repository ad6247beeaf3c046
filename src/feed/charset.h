// feed/charset.h: the bytes of a feed as UTF-8 text, whatever they were sent in.
//
//   DecodeFeedBytes("\xEF\xBB\xBF<rss>...", {})                     -> utf-8, BOM removed
//   DecodeFeedBytes("<?xml version='1.0' encoding='windows-1258'?>...", {})
//       -> windows-1258 converted with ICU, then NFC ("Vie\xCC\xA3t" -> "Việt")
//   DecodeFeedBytes("<rss>... don\x92t ...", {.http_charset = "utf-8"})
//       -> "don’t", encoding "utf-8", problem "line 3: declared utf-8, but ...
//          bytes that are not: read them as windows-1252"
//
// Which encoding applies follows RFC 7303 section 3: a byte order mark wins;
// then the charset parameter of the HTTP Content-Type; then the encoding in
// the XML declaration (read in the byte family the first bytes show: UTF-32,
// UTF-16 or ASCII-compatible); then UTF-8. (RFC 3023's "text/xml without
// charset is us-ascii" is not followed: RFC 7303 obsoletes it.)
//
// Feeds lie about their encoding, so the result is checked, not trusted:
//   - declared or defaulted UTF-8 with invalid bytes: each invalid byte is read
//     in the legacy charset (windows-1252, or windows-1258 for a Vietnamese
//     feed) and the valid UTF-8 around it is kept;
//   - declared single-byte legacy (iso-8859-1, windows-125x) but the bytes are
//     valid UTF-8 with multi-byte sequences: read as UTF-8;
//   - nothing declared and not UTF-8: ICU's detector picks a multi-byte or
//     non-Latin charset when it is confident, else the legacy charset;
//   - an encoding ICU does not know: read as UTF-8 (and checked as above).
// Each of these sets `problem` (the feed is then reported ill-formed). C1
// controls (U+0080-U+009F, never meant in a feed) become the windows-1252
// characters they stand for, and the text is put in Unicode NFC.
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pw::feed {

struct DecodeOptions {
  std::string http_charset;  // the charset parameter of Content-Type, "" if none
  bool vietnamese = false;   // the feed is known to be Vietnamese: legacy bytes are windows-1258
};

struct DecodedText {
  std::string encoding;  // lower-case name of what the bytes were read as: "utf-8", "utf-16le", "windows-1252"
  std::string problem;   // "" or why the bytes were not what they claimed, "line N: ..."
  // The whole document, UTF-8, NFC, without BOM: a view of the input bytes
  // when they needed no change (the common case: no copy), else of `converted`.
  std::string_view utf8() const { return converted ? std::string_view(*converted) : unchanged; }
  std::string_view unchanged;
  std::optional<std::string> converted;
};

// The result may view `bytes`: keep them alive while it is used.
DecodedText DecodeFeedBytes(std::string_view bytes, const DecodeOptions& options);

// The charset parameter of a Content-Type value, lower-cased and unquoted:
// CharsetParameter("text/xml; charset='UTF-8'") == "utf-8"; "" if none.
std::string CharsetParameter(std::string_view content_type);

// Replaces each C1 control (U+0080-U+009F) in UTF-8 text with the
// windows-1252 character of the same byte (U+0092 -> U+2019 ’), as browsers
// do for the numeric references &#128;-&#159;. Returns whether it changed.
bool MapC1Controls(std::string& utf8);

// Repairs text that was UTF-8, read as windows-1252 and encoded again
// ("donâ€™t" -> "don’t", "Viá»‡t" -> "Việt"). Only when the whole string
// maps back to bytes that are valid UTF-8, so real text is left alone.
// Returns whether it changed.
bool RepairDoubleEncoding(std::string& utf8);

}  // namespace pw::feed
