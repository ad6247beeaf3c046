// tests/support/text_variants.h: the shapes the same text arrives in, made
// from a correct UTF-8 string, for tests that check those shapes normalize to
// one. Written independently of src/text (which is what they test).
//   Nfd("hòa")            == "ho\u0300a"
//   OtherToneStyle("hòa") == "hoà"        (oa, oe, uy with the mark moved to their second vowel)
//   Mojibake("đầu tư")    == "Ä‘áº§u tÆ°"  (the UTF-8 bytes read as Windows-1252)
//   AsHtmlPage(text)      == a page: <nav>, <script>, <p> per paragraph, entities
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace pw::testing {

inline std::string Nfd(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  std::string out;
  nfd->normalize(icu::UnicodeString::fromUTF8(utf8), status).toUTF8String(out);
  return out;
}

// The tone mark of an open "oa", "oe" or "uy" moved from the first vowel to
// the second ("hòa" -> "hoà", "thúy" -> "thuý", "Khỏe" -> "Khoẻ").
inline std::string OtherToneStyle(std::string_view nfc) {
  static const std::array<std::pair<std::string_view, std::string_view>, 30> kMoves = {{
      {"òa", "oà"}, {"óa", "oá"}, {"ỏa", "oả"}, {"õa", "oã"}, {"ọa", "oạ"},
      {"òe", "oè"}, {"óe", "oé"}, {"ỏe", "oẻ"}, {"õe", "oẽ"}, {"ọe", "oẹ"},
      {"ùy", "uỳ"}, {"úy", "uý"}, {"ủy", "uỷ"}, {"ũy", "uỹ"}, {"ụy", "uỵ"},
      {"ÒA", "OÀ"}, {"ÓA", "OÁ"}, {"ỎA", "OẢ"}, {"ÕA", "OÃ"}, {"ỌA", "OẠ"},
      {"ÒE", "OÈ"}, {"ÓE", "OÉ"}, {"ỎE", "OẺ"}, {"ÕE", "OẼ"}, {"ỌE", "OẸ"},
      {"ÙY", "UỲ"}, {"ÚY", "UÝ"}, {"ỦY", "UỶ"}, {"ŨY", "UỸ"}, {"ỤY", "UỴ"},
  }};
  auto is_letter_byte = [](unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; };
  std::string out(nfc);
  for (const auto& [from, to] : kMoves) {
    for (size_t pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + 1)) {
      const size_t after = pos + from.size();
      // Only an open syllable: no letter follows ("hoàn", "hoài" keep theirs).
      if (after < out.size() && (is_letter_byte(out[after]) || static_cast<unsigned char>(out[after]) >= 0x80))
        continue;
      out.replace(pos, from.size(), to);
    }
  }
  return out;
}

// The UTF-8 bytes of `utf8` decoded as Windows-1252 and encoded again as
// UTF-8; the five bytes cp1252 leaves undefined become C1 controls, as
// browsers decode them.
inline std::string Mojibake(std::string_view utf8) {
  static const std::array<char16_t, 32> kCp1252 = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  icu::UnicodeString decoded;
  for (unsigned char b : utf8) {
    if (b >= 0x80 && b < 0xA0) decoded.append(static_cast<UChar>(kCp1252[b - 0x80]));
    else decoded.append(static_cast<UChar>(b));
  }
  std::string out;
  decoded.toUTF8String(out);
  return out;
}

// Text with its HTML special characters escaped, and a few characters as
// named and numeric entities, as page generators write them.
inline std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    if (text[i] == '&') out += "&amp;";
    else if (text[i] == '<') out += "&lt;";
    else if (text[i] == '>') out += "&gt;";
    else if (rest.substr(0, 3) == "“") out += "&ldquo;", i += 2;
    else if (rest.substr(0, 3) == "”") out += "&rdquo;", i += 2;
    else if (rest.substr(0, 3) == "–") out += "&#8211;", i += 2;
    else if (rest.substr(0, 3) == "…") out += "&hellip;", i += 2;
    else if (rest.substr(0, 2) == "Đ") out += "&#272;", i += 1;
    else out += text[i];
  }
  return out;
}

// A whole page around the paragraphs of `text` (separated by blank lines):
// head, navigation, scripts, styles, an image with alt text, hidden blocks,
// comments, a footer menu; the article's paragraphs in <p>, line breaks as
// <br>.
inline std::string AsHtmlPage(std::string_view text) {
  std::string body;
  size_t begin = 0;
  int paragraph = 0;
  while (begin <= text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string_view::npos) end = text.size();
    std::string p = HtmlEscape(text.substr(begin, end - begin));
    for (size_t br = p.find('\n'); br != std::string::npos; br = p.find('\n', br)) p.replace(br, 1, "<br>\n");
    body += "    <p class=\"Normal\">" + p + "</p>\n";
    if (++paragraph == 2)
      body += "    <figure><img src=\"/i/1.jpg\" alt=\"Ảnh minh họa sự kiện\"><!-- ad slot --></figure>\n"
              "    <div class=\"ads\" style=\"display: none\">Quảng cáo</div>\n";
    begin = end + 2;
  }
  return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n  <meta charset=\"utf-8\">\n"
         "  <title>Tin tức &ndash; Kinh doanh</title>\n  <style>p { margin: 0 }</style>\n"
         "  <script>window.dataLayer = [{\"page\": \"article\"}];</script>\n</head>\n<body>\n"
         "  <nav><ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/kinh-doanh\">Kinh doanh</a></li></ul></nav>\n"
         "  <article class=\"fck_detail\">\n" +
         body +
         "  </article>\n  <aside><h3>Tin liên quan</h3><a href=\"/x\">Một tin khác</a></aside>\n"
         "  <div hidden>Đăng nhập</div>\n  <form><input name=\"q\"><button>Tìm</button></form>\n"
         "  <noscript>Bật JavaScript</noscript>\n  <script src=\"/app.js\"></script>\n</body>\n</html>\n";
}

}  // namespace pw::testing
