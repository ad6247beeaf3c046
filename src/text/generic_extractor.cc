#include "text/generic_extractor.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

#include "text/class_names.h"

namespace pw::text {

namespace {

constexpr int kMinParagraphChars = 25;
constexpr size_t kCharThreshold = 500;  // below this, try again with fewer removals
constexpr int kTopCandidates = 5;

struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

// The bytes of text below `n` that are not whitespace, counted up to
// `limit` + 1 and no further (a byline test on a wrapper of the whole page
// costs no more than on a byline).
size_t TextBytesUpTo(const xmlNode* n, size_t limit) {
  size_t count = 0;
  for (const xmlNode* c = n->children; c && count <= limit; c = c->next) {
    if (dom::IsText(c)) {
      for (char ch : dom::Content(c))
        if (ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r' && ++count > limit) break;
    } else if (dom::IsElement(c)) {
      count += TextBytesUpTo(c, limit - count);
    }
  }
  return count;
}

bool HasTextOver(const xmlNode* n, size_t limit) { return TextBytesUpTo(n, limit) > limit; }

bool IsHeading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// Counters of an element's text, summed over its subtree.
struct Stats {
  int chars = 0;       // code points, a run of whitespace counting one
  int link_chars = 0;  // of those, inside <a>
  int commas = 0;      // , ， 、 ،
  int paragraphs = 0;  // <p> elements
  int images = 0;
  int list_items = 0;
  int inputs = 0;
  int embeds = 0;
  int heading_chars = 0;  // inside h1-h6
  int list_chars = 0;     // inside ul/ol

  void Add(const Stats& o) {
    chars += o.chars, link_chars += o.link_chars, commas += o.commas, paragraphs += o.paragraphs;
    images += o.images, list_items += o.list_items, inputs += o.inputs, embeds += o.embeds;
    heading_chars += o.heading_chars, list_chars += o.list_chars;
  }
  void Subtract(const Stats& o) {
    chars -= o.chars, link_chars -= o.link_chars, commas -= o.commas, paragraphs -= o.paragraphs;
    images -= o.images, list_items -= o.list_items, inputs -= o.inputs, embeds -= o.embeds;
    heading_chars -= o.heading_chars, list_chars -= o.list_chars;
  }
  double LinkDensity() const { return chars > 0 ? double(link_chars) / chars : 0.0; }
};

struct Info {
  Stats all;  // the whole subtree
  Stats own;  // text not inside a block element below
  bool has_block_child = false;
  bool removed = false;  // left out in this attempt
  bool candidate = false;
  double score = 0;
  std::string class_id;  // lower-case class and id
};

void CountText(std::string_view text, bool in_link, bool in_heading, bool in_list, Stats& s) {
  bool in_space = false;
  int chars = 0, commas = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!in_space) ++chars;
      in_space = true;
      continue;
    }
    in_space = false;
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    ++chars;
    if (c == ',')
      ++commas;
    else if (c == 0xEF && i + 2 < text.size() && (unsigned char)text[i + 1] == 0xBC &&
             (unsigned char)text[i + 2] == 0x8C)
      ++commas;  // ，
    else if (c == 0xE3 && i + 2 < text.size() && (unsigned char)text[i + 1] == 0x80 &&
             (unsigned char)text[i + 2] == 0x81)
      ++commas;  // 、
    else if (c == 0xD8 && i + 1 < text.size() && (unsigned char)text[i + 1] == 0x8C)
      ++commas;  // ،
  }
  s.chars += chars;
  s.commas += commas;
  if (in_link) s.link_chars += chars;
  if (in_heading) s.heading_chars += chars;
  if (in_list) s.list_chars += chars;
}

class Extractor {
 public:
  explicit Extractor(const xmlNode* body) : body_(body) {
    // Number the elements (pre-order) through libxml2's _private field.
    for (const xmlNode* n = body; n; n = dom::NextInTree(n, body)) {
      const_cast<xmlNode*>(n)->_private = reinterpret_cast<void*>(static_cast<intptr_t>(nodes_.size()));
      nodes_.push_back(n);
    }
    info_.resize(nodes_.size());
    for (size_t i = 0; i < nodes_.size(); ++i) info_[i].class_id = dom::ClassAndId(nodes_[i]);
  }

  GenericArticle Run() {
    GenericArticle best;
    for (const Flags flags : {Flags{true, true, true}, Flags{false, true, true}, Flags{false, false, true},
                              Flags{false, false, false}}) {
      GenericArticle a = Attempt(flags);
      if (a.chars > best.chars || best.roots.empty()) best = std::move(a);
      if (best.chars >= kCharThreshold) break;
    }
    return best;
  }

 private:
  Info& I(const xmlNode* n) { return info_[static_cast<size_t>(reinterpret_cast<intptr_t>(n->_private))]; }
  bool Known(const xmlNode* n) const {
    if (!dom::IsElement(n)) return false;
    const auto id = static_cast<size_t>(reinterpret_cast<intptr_t>(n->_private));
    return id < nodes_.size() && nodes_[id] == n;
  }

  int ClassWeight(const Info& info, const xmlNode* n) const {
    if (!flags_.weight_classes) return 0;
    int weight = 0;
    // Class and id are weighed separately, as readability does.
    for (const char* attr : {"class", "id"}) {
      std::string v = dom::Attr(n, attr);
      if (v.empty()) continue;
      std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return char(std::tolower(c)); });
      if (IsNegative(v)) weight -= 25;
      if (IsPositive(v)) weight += 25;
    }
    if (dom::Attr(n, "itemprop") == "articleBody") weight += 25;
    (void)info;
    return weight;
  }

  // Step 1: what is left out before scoring.
  void MarkUnlikely() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const xmlNode* n = nodes_[i];
      Info& info = info_[i];
      if (n == body_) continue;
      const std::string_view name = dom::Name(n);
      if (name == "nav" || name == "aside" || name == "dialog" || name == "menu") {
        info.removed = true;
        continue;
      }
      // Bylines: short, and named so.
      if (IsByline(info.class_id) || dom::Attr(n, "rel") == "author" ||
          dom::Attr(n, "itemprop").find("author") != std::string::npos) {
        if (!HasTextOver(n, 100) && name != "body" && name != "article" && name != "main") {
          info.removed = true;
          continue;
        }
      }
      // Readers' comments are never the article, even when they are longer.
      if (IsCommentSection(info.class_id)) {
        info.removed = true;
        continue;
      }
      if (!flags_.strip_unlikely) continue;
      if (name == "footer" || name == "header") {
        info.removed = true;
        continue;
      }
      if (IsUnlikelyRole(dom::Attr(n, "role"))) {
        info.removed = true;
        continue;
      }
      if (name == "a" || name == "body" || name == "article" || name == "main") continue;
      if (IsUnlikely(info.class_id) && !MaybeCandidate(info.class_id) && !InsideTableOrCode(n))
        info.removed = true;
    }
  }

  bool InsideTableOrCode(const xmlNode* n) const {
    for (const xmlNode* up = n->parent; dom::IsElement(up) && up != body_; up = up->parent) {
      const std::string_view name = dom::Name(up);
      if (name == "table" || name == "code") return true;
    }
    return false;
  }

  // Post-order: the counters of every element that is not left out.
  void Count(const xmlNode* node, bool in_link, bool in_heading, bool in_list) {
    Info& info = I(node);
    const std::string_view name = dom::Name(node);
    in_link = in_link || name == "a";
    in_heading = in_heading || IsHeading(name);
    in_list = in_list || name == "ul" || name == "ol";
    if (name == "p")
      info.all.paragraphs = 1;
    else if (name == "img" || name == "picture")
      info.all.images = 1;
    else if (name == "li")
      info.all.list_items = 1;
    else if (name == "input" || name == "select" || name == "textarea" || name == "button")
      info.all.inputs = 1;
    else if (name == "iframe" || name == "object" || name == "embed" || name == "video")
      info.all.embeds = 1;
    for (const xmlNode* c = node->children; c; c = c->next) {
      if (dom::IsText(c)) {
        Stats text;
        CountText(dom::Content(c), in_link, in_heading, in_list, text);
        info.all.Add(text);
        info.own.Add(text);
        continue;
      }
      if (!Known(c)) continue;
      Info& child = I(c);
      if (child.removed) continue;
      Count(c, in_link, in_heading, in_list);
      info.all.Add(child.all);
      if (dom::IsBlockName(dom::Name(c)))
        info.has_block_child = true;
      else
        info.own.Add(child.own);
    }
  }

  void InitCandidate(const xmlNode* n) {
    Info& info = I(n);
    if (info.candidate) return;
    info.candidate = true;
    const std::string_view name = dom::Name(n);
    double score = 0;
    if (name == "div")
      score = 5;
    else if (name == "pre" || name == "td" || name == "blockquote")
      score = 3;
    else if (name == "address" || name == "ol" || name == "ul" || name == "dl" || name == "dd" ||
             name == "dt" || name == "li" || name == "form")
      score = -3;
    else if (IsHeading(name) || name == "th")
      score = -5;
    info.score = score + ClassWeight(info, n);
  }

  // Step 2: paragraphs give their score to their ancestors.
  void ScoreParagraphs() {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      // Elements inside a removed one were not counted: their texts are empty.
      const xmlNode* n = nodes_[i];
      Info& info = info_[i];
      if (info.removed) continue;
      const std::string_view name = dom::Name(n);
      const Stats* text = nullptr;
      const xmlNode* first_ancestor = n->parent;
      if (name == "p" || name == "pre" || name == "td") {
        text = &info.all;
      } else if (name == "div" || name == "section" || name == "article" || name == "main" ||
                 name == "center") {
        if (info.own.chars < kMinParagraphChars) continue;
        text = &info.own;
        if (info.has_block_child) first_ancestor = n;  // its loose text is a paragraph inside it
      } else {
        continue;
      }
      if (text->chars < kMinParagraphChars) continue;
      const double content_score = 1 + text->commas + std::min(text->chars / 100, 3);
      int level = 0;
      for (const xmlNode* a = first_ancestor; Known(a) && level < 5; a = a->parent, ++level) {
        InitCandidate(a);
        const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        I(a).score += content_score / divider;
        if (a == body_) break;
      }
    }
  }

  // Step 3: the best candidate and its siblings.
  std::vector<const xmlNode*> ChooseArticle() {
    std::vector<const xmlNode*> top;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Info& info = info_[i];
      if (!info.candidate) continue;
      info.score *= 1 - info.all.LinkDensity();
      top.push_back(nodes_[i]);
    }
    std::sort(top.begin(), top.end(),
              [&](const xmlNode* a, const xmlNode* b) { return I(a).score > I(b).score; });
    if (top.size() > kTopCandidates) top.resize(kTopCandidates);
    best_ = body_;
    if (top.empty()) return {body_};
    const xmlNode* best = top[0];

    // Near-best candidates that share an ancestor: the ancestor is the article.
    std::vector<std::vector<const xmlNode*>> alternatives;
    for (size_t i = 1; i < top.size(); ++i) {
      if (I(top[i]).score / I(best).score < 0.75) continue;
      std::vector<const xmlNode*> ancestors;
      for (const xmlNode* a = top[i]->parent; Known(a) && a != body_; a = a->parent) ancestors.push_back(a);
      alternatives.push_back(std::move(ancestors));
    }
    if (alternatives.size() >= 3) {
      for (const xmlNode* p = best->parent; Known(p) && p != body_; p = p->parent) {
        int containing = 0;
        for (const auto& list : alternatives)
          if (std::find(list.begin(), list.end(), p) != list.end()) ++containing;
        if (containing >= 3) {
          best = p;
          break;
        }
      }
    }
    if (!I(best).candidate) InitCandidate(best);

    // A parent that scores higher than the best is a better article.
    double last_score = I(best).score;
    const double threshold = last_score / 3;
    for (const xmlNode* p = best->parent; Known(p) && p != body_; p = p->parent) {
      if (!I(p).candidate) continue;
      if (I(p).score < threshold) break;
      if (I(p).score > last_score) {
        best = p;
        break;
      }
      last_score = I(p).score;
    }
    // An only child says nothing its parent does not.
    for (const xmlNode* p = best->parent; Known(p) && p != body_; p = p->parent) {
      int elements = 0;
      for (const xmlNode* c = dom::FirstChildElement(p); c; c = dom::NextElement(c))
        if (!I(c).removed) ++elements;
      if (elements != 1) break;
      best = p;
    }
    if (!I(best).candidate) InitCandidate(best);

    best_ = best;
    // Siblings that look like the article join it.
    std::vector<const xmlNode*> article;
    const xmlNode* parent = best->parent;
    if (!Known(parent) || best == body_) return {best};
    const double sibling_threshold = std::max(10.0, I(best).score * 0.2);
    const std::string best_class = dom::Attr(best, "class");
    for (const xmlNode* s = dom::FirstChildElement(parent); s; s = dom::NextElement(s)) {
      if (!Known(s) || I(s).removed) continue;
      if (s == best) {
        article.push_back(s);
        continue;
      }
      const Info& si = I(s);
      double bonus = 0;
      if (!best_class.empty() && dom::Attr(s, "class") == best_class) bonus = I(best).score * 0.2;
      bool append = si.candidate && si.score + bonus >= sibling_threshold;
      if (!append && (dom::Name(s) == "p" || (dom::Name(s) == "div" && !si.has_block_child))) {
        const double density = si.all.LinkDensity();
        const int length = si.all.chars;
        if (length > 80 && density < 0.25)
          append = true;
        else if (length < 80 && length > 0 && density == 0) {
          const std::string text = dom::CollapseSpaces(dom::TextOf(s));
          append = text.find(". ") != std::string::npos || (!text.empty() && text.back() == '.');
        }
      }
      if (append) article.push_back(s);
    }
    return article;
  }

  // Takes `n` and its subtree out of the article, and out of its ancestors' counts.
  void Remove(const xmlNode* n) {
    Info& info = I(n);
    if (info.removed) return;
    info.removed = true;
    for (const xmlNode* up = n->parent; Known(up); up = up->parent) {
      I(up).all.Subtract(info.all);
      if (up == body_) break;
    }
  }

  bool HasAncestor(const xmlNode* n, std::string_view name, const xmlNode* stop) const {
    for (const xmlNode* up = n->parent; dom::IsElement(up) && up != stop; up = up->parent)
      if (dom::Name(up) == name) return true;
    return false;
  }

  // Step 4, readability's _cleanConditionally, and the rest of _prepArticle.
  void CleanArticle(const std::vector<const xmlNode*>& article, const xmlNode* best) {
    int total_chars = 0;
    for (const xmlNode* root : article) total_chars += I(root).all.chars;
    for (const xmlNode* root : article) {
      // A sibling that joined but is named as boilerplate (the dateline and
      // breadcrumbs above an article) goes whole.
      if (root != best && IsBoilerplateBox(I(root).class_id) && I(root).all.chars * 2 < total_chars) {
        Remove(root);
        continue;
      }
      std::vector<const xmlNode*> inside;
      for (const xmlNode* n = root; n;) {
        const bool removed = Known(n) && I(n).removed;
        if (Known(n) && !removed) inside.push_back(n);
        n = dom::NextInTree(n, root, removed);
      }
      // Reverse document order: inner boxes are judged before the boxes around them.
      for (auto it = inside.rbegin(); it != inside.rend(); ++it) {
        const xmlNode* n = *it;
        if (I(n).removed) continue;
        const std::string_view name = dom::Name(n);
        const Info& info = I(n);
        if (name == "h1") {
          Remove(n);
          continue;
        }
        if ((name == "h2" || name == "h3") && ClassWeight(info, n) < 0) {
          Remove(n);
          continue;
        }
        if (n != root && IsShareBar(info.class_id) && info.all.chars < 500) {
          Remove(n);
          continue;
        }
        if (n == root) continue;
        if (name == "figcaption") {
          Remove(n);
          continue;
        }
        // A box named as boilerplate, unless it holds most of the article
        // (a wrapper named "post-meta-and-body" is not a byline).
        // Never inside a paragraph: "<p>On <span class=date>5 March</span> ..." keeps its words.
        if (flags_.clean_conditionally && !IsHeading(name) && IsBoilerplateBox(info.class_id) &&
            info.all.chars * 2 < total_chars && !HasAncestor(n, "p", root)) {
          Remove(n);
          continue;
        }
        if (flags_.clean_conditionally &&
            (name == "form" || name == "fieldset" || name == "table" || name == "ul" || name == "ol" ||
             name == "div" || name == "section" || name == "dl") &&
            ShouldRemoveBox(n, root)) {
          Remove(n);
          continue;
        }
        // A paragraph that is one link ("Read more: ...") is navigation.
        if (name == "p" && info.all.chars > 0 && info.all.link_chars >= info.all.chars * 9 / 10 &&
            info.all.chars < 200)
          Remove(n);
      }
    }
  }

  bool ShouldRemoveBox(const xmlNode* n, const xmlNode* root) {
    const Info& info = I(n);
    const std::string_view name = dom::Name(n);
    const int weight = ClassWeight(info, n);
    const double content_score = info.candidate ? info.score : 0;
    if (weight + content_score < 0) return true;
    const Stats& s = info.all;
    if (s.commas >= 10) return false;
    bool is_list = name == "ul" || name == "ol";
    if (!is_list && s.chars > 0) is_list = double(s.list_chars) / s.chars > 0.9;
    const int p = s.paragraphs, img = s.images, li = s.list_items - 100, input = s.inputs;
    const double heading_density = s.chars > 0 ? double(s.heading_chars) / s.chars : 0;
    const double link_density = s.LinkDensity();
    const int length = s.chars;
    const bool in_figure = HasAncestor(n, "figure", root);
    if (img > 1 && double(p) / img < 0.5 && !in_figure) return true;
    if (!is_list && li > p) return true;
    if (input > p / 3) return true;
    if (!is_list && heading_density < 0.9 && length < kMinParagraphChars && (img == 0 || img > 2) &&
        !in_figure)
      return true;
    if (!is_list && weight < 25 && link_density > 0.2) return true;
    if (is_list && weight < 25 && link_density > 0.5) return true;
    if (weight >= 25 && link_density > 0.5) return true;
    if ((s.embeds == 1 && length < 75) || s.embeds > 1) return true;
    return false;
  }

  GenericArticle Attempt(Flags flags) {
    flags_ = flags;
    for (auto& info : info_) {
      info.all = {};
      info.own = {};
      info.has_block_child = false;
      info.removed = false;
      info.candidate = false;
      info.score = 0;
    }
    MarkUnlikely();
    Count(body_, false, false, false);
    ScoreParagraphs();
    const std::vector<const xmlNode*> article = ChooseArticle();
    CleanArticle(article, best_);
    GenericArticle out;
    for (const xmlNode* root : article) {
      if (I(root).removed) continue;
      out.roots.push_back(root);
      out.chars += static_cast<size_t>(std::max(0, I(root).all.chars));
    }
    for (size_t i = 0; i < nodes_.size(); ++i)
      if (info_[i].removed) out.removed.insert(nodes_[i]);
    return out;
  }

  const xmlNode* body_;
  std::vector<const xmlNode*> nodes_;
  std::vector<Info> info_;
  Flags flags_;
  const xmlNode* best_ = nullptr;  // the best candidate of the attempt
};

}  // namespace

GenericArticle FindArticle(const xmlNode* body) {
  if (!body) return {};
  Extractor extractor(body);
  return extractor.Run();
}

}  // namespace pw::text
