#include "text/content_blocks.h"

#include "text/normalize.h"

namespace pw::text {

namespace {

bool IsMedia(std::string_view name) {
  return name == "img" || name == "picture" || name == "video" || name == "audio" || name == "source" ||
         name == "track" || name == "map" || name == "svg" || name == "canvas" || name == "iframe" ||
         name == "object" || name == "embed";
}

class Collector {
 public:
  Collector(const SkipElement& skip, std::vector<std::string>& out) : skip_(skip), out_(out) {}

  void Walk(const xmlNode* node, bool preformatted) {
    for (const xmlNode* n = node->children; n; n = n->next) {
      if (dom::IsText(n)) {
        const std::string_view text = dom::Content(n);
        if (preformatted) {
          buffer_ += text;
        } else {
          for (char c : text) buffer_ += (c == '\n' || c == '\r') ? ' ' : c;
        }
        continue;
      }
      if (!dom::IsElement(n)) continue;
      const std::string_view name = dom::Name(n);
      if (IsMedia(name) || skip_(n)) continue;
      if (name == "br") {
        buffer_ += '\n';
        continue;
      }
      const bool block = dom::IsBlockName(name);
      if (block)
        Flush();
      else if (name == "td" || name == "th")
        buffer_ += ' ';
      Walk(n, preformatted || name == "pre");
      if (block) Flush();
    }
  }

  void Flush() {
    if (buffer_.find_first_not_of(" \t\n\r") == std::string::npos) {
      buffer_.clear();
      return;
    }
    const std::string text = NormalizeText(buffer_);
    buffer_.clear();
    // A blank line inside (two <br>) separates two paragraphs.
    size_t begin = 0;
    while (begin < text.size()) {
      size_t end = text.find("\n\n", begin);
      if (end == std::string::npos) end = text.size();
      if (end > begin) out_.push_back(text.substr(begin, end - begin));
      begin = end + 2;
    }
  }

 private:
  const SkipElement& skip_;
  std::vector<std::string>& out_;
  std::string buffer_;
};

}  // namespace

void AppendParagraphs(const xmlNode* root, const SkipElement& skip, std::vector<std::string>& out) {
  Collector c(skip, out);
  const std::string_view name = dom::Name(root);
  c.Walk(root, name == "pre");
  c.Flush();
}

}  // namespace pw::text
