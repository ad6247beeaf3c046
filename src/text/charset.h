// text/charset.h: which character encoding a web page's bytes are in.
//
//   SniffCharset("<meta charset=\"windows-1258\">...", "")             == "windows-1258"
//   SniffCharset("<meta charset=utf-8>caf\xE9", "text/html; charset=ISO-8859-1") == "windows-1252"
//   SniffCharset("\xEF\xBB\xBF<html>...", "text/html; charset=latin1")  == "UTF-8"
//   SniffCharset("<html>...", "")                                         == "UTF-8"
//
// In the order of the HTML standard's encoding sniffing: a byte order mark
// (UTF-8, UTF-16LE, UTF-16BE) wins; then the charset parameter of the HTTP
// Content-Type header; then the page's own declaration, <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">, looked for in
// the first 8 KiB (the standard says 1 KiB; real pages put it later); else
// UTF-8, which every outlet presswatch reads serves. A declared legacy
// charset gives way to UTF-8 when the bytes are valid UTF-8 with at least one
// multi-byte character: servers and re-saved pages often declare one for
// UTF-8 bytes, while legacy text with accents is practically never valid
// UTF-8.
//
// Labels come back in the names libxml2 and iconv know, folded as the
// standard folds them: "utf8" and "unicode-1-1-utf-8" are "UTF-8";
// "iso-8859-1", "latin1", "ascii" and "us-ascii" are "windows-1252" (what
// browsers decode them as); "gb2312" is "GBK"; a page that declares UTF-16 in
// its bytes is UTF-8 (it could not have been read otherwise). Other labels
// ("windows-1258", "shift_jis") pass through lower-cased.
//
// Pure; thread-safe; linear in the page (the UTF-8 check reads all of it).
#pragma once

#include <string>
#include <string_view>

namespace pw::text {

std::string SniffCharset(std::string_view page, std::string_view content_type);

// The charset parameter of a Content-Type header value, folded as above;
// "" when there is none. CharsetOfContentType("text/html; charset=\"UTF-8\"") == "UTF-8".
std::string CharsetOfContentType(std::string_view content_type);

}  // namespace pw::text
