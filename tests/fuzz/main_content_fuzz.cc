// Fuzz target `main_content`: text::ExtractMainContent on any bytes, as a
// linked article page, with the project's real site rules (rules/sites).
// The page's URL, and so the site rule, varies with the input's length.
// Oracles (text/main_content.h): a page it parsed gives UTF-8 fields and
// no empty paragraph, and Text() is the paragraphs joined.
#include <memory>

#include "fuzz_target.h"
#include "text/main_content.h"
#include "text/site_rules.h"

namespace {

const pw::text::SiteRules& Rules() {
  static const auto rules = [] {
    auto r = pw::text::SiteRules::Load(pw::fuzz::SourceDir() + "/rules/sites");
    if (!r) pw::fuzz::Fail(__FILE__, __LINE__, "SiteRules::Load", r.error().message);
    return std::make_unique<pw::text::SiteRules>(std::move(*r));
  }();
  return *rules;
}

constexpr const char* kUrls[] = {
    "https://vnexpress.net/x-4672302.html", "https://cafef.vn/a-188241121.chn",
    "https://tuoitre.vn/b-2024112108.htm",  "https://vietnamnet.vn/c-2345.html",
    "https://dantri.com.vn/d-2024.htm",     "https://vneconomy.vn/e.htm",
    "https://techcrunch.com/2024/11/21/f/",
};
constexpr const char* kContentTypes[] = {"", "text/html; charset=utf-8", "text/html; charset=windows-1258",
                                         "text/html; charset=utf-16le"};

}  // namespace

PW_FUZZ_TARGET(main_content) {
  pw::text::MainContentOptions options;
  options.url = kUrls[size % std::size(kUrls)];
  options.content_type = kContentTypes[(size / std::size(kUrls)) % std::size(kContentTypes)];
  options.site_rules = &Rules();
  const auto page = pw::text::ExtractMainContent(pw::fuzz::AsText(data, size), options);
  if (!page) return 0;
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(page->title), "title not UTF-8");
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(page->published), "published not UTF-8");
  PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(page->description), "description not UTF-8");
  for (const auto& a : page->authors) PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(a), "author not UTF-8");
  std::string joined;
  for (const auto& p : page->paragraphs) {
    PW_FUZZ_CHECK(!p.empty(), "an empty paragraph");
    PW_FUZZ_CHECK(pw::fuzz::IsValidUtf8(p), "paragraph not UTF-8");
    joined += (joined.empty() ? "" : "\n\n") + p;
  }
  PW_FUZZ_CHECK(page->Text() == joined, "Text() is not the paragraphs joined");
  return 0;
}
