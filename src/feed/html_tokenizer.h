// feed/html_tokenizer.h: HTML split into text and tags, the way HTML5's
// tokenizer splits it, for the sanitizer. Internal to pw_feed.
//
//   HtmlTokenizer t("<p class=x>Hi &amp; <b>bye</b><!-- c -->");
//   HtmlToken tok;
//   while (t.Next(tok)) ...   // start p [class=x], text "Hi &amp; ", start b,
//                             // text "bye", end b (the comment is skipped)
//
// What it follows from HTML5 (section 13.2.5): a '<' starts a tag only before
// a letter ('/' and a letter for an end tag); comments run to "-->" (or the
// end of the input); "<!...>", "<?...>" and "</ ...>" are bogus comments to
// the next '>'; a tag the input ends inside is dropped; attribute values may
// be quoted either way or not at all; tag and attribute names are lower-cased.
// The content of raw-text elements (script, style, xmp, noembed, noframes,
// textarea, title) is one text token up to their end tag, never tags.
// (<iframe>'s too for HTML, but browsers never show it: here its content is
// read as markup, to keep its text.) Character references are left in text and values for DecodeHtml.
//
// No allocation per token beyond its attributes' values; views point into
// the input, which must outlive the tokenizer. Bounded: at most 64
// attributes are kept per tag. Pure; a tokenizer is single-threaded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pw::feed {

struct HtmlAttribute {
  std::string name;   // lower-cased
  std::string value;  // character references decoded
};

struct HtmlToken {
  enum Kind { kText, kStartTag, kEndTag } kind = kText;
  std::string_view text;  // kText: as written (references not decoded)
  std::string name;       // tags: lower-cased
  std::vector<HtmlAttribute> attributes;
  bool self_closing = false;
};

class HtmlTokenizer {
 public:
  explicit HtmlTokenizer(std::string_view html) : in_(html) {}
  // The next token, false at the end of the input.
  bool Next(HtmlToken& token);

 private:
  bool ReadTag(HtmlToken& token);
  size_t SkipBogusComment(size_t from) const;

  std::string_view in_;
  size_t pos_ = 0;
  std::string raw_text_end_;  // "</script" after <script>: the next token is text up to it
};

// Appends `text` with its character references decoded: named (HTML 4's,
// with or without ';' for the common ones), decimal and hex; 128-159 as
// windows-1252; invalid code points as U+FFFD.
void AppendDecodedHtml(std::string_view text, std::string& out);

}  // namespace pw::feed
