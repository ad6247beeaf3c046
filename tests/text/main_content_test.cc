#include "text/main_content.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"
#include "text/normalize.h"
#include "text/site_rules.h"
#include "text_variants.h"

namespace pw::text {
namespace {

using ::testing::Test;

std::string ReadGzip(const std::filesystem::path& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(file, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  gzclose(file);
  return out;
}

MainContent Extract(const std::string& page, const MainContentOptions& options = {}) {
  auto r = ExtractMainContent(page, options);
  EXPECT_TRUE(r.has_value()) << r.error().message;
  return r ? *r : MainContent{};
}

bool AnyParagraphHas(const MainContent& c, std::string_view needle) {
  for (const auto& p : c.paragraphs)
    if (p.find(needle) != std::string::npos) return true;
  return false;
}

// A news page in the shape most outlets use: site header and menu, the
// article with its byline, a photo and a share bar, related links, readers'
// comments (longer than the article), a sidebar and a footer.
const char* kNewsPage = R"(<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8">
<title>Configu raises $3M to fix configuration drift | TechWire</title>
<meta property="og:title" content="Configu raises $3M to fix configuration drift | TechWire">
<meta property="article:published_time" content="2024-03-05T08:00:00+07:00">
<meta name="author" content="By Jane Roe">
<script>var dataLayer = [];</script></head>
<body>
<header class="site-header"><a href="/">TechWire</a><ul class="menu"><li><a href="/startups">Startups</a></li>
<li><a href="/venture">Venture</a></li></ul></header>
<nav><a href="/">Home</a> <a href="/deals">Deals</a></nav>
<main><article class="post">
 <h1>Configu raises $3M to fix configuration drift</h1>
 <div class="byline">By <a href="/jane">Jane Roe</a>, March 5, 2024</div>
 <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
 <div class="entry-content">
  <p>Configu, a Tel Aviv startup that manages software configuration, has raised a $3 million pre-seed round, led by Hetz Ventures, with participation from Crescendo and angel investors.</p>
  <p>The company says configuration errors cause a large share of outages, and that teams keep settings in too many places, from files to secret managers, to keep them in line by hand.</p>
  <figure><img src="/i/team.jpg" alt="The founders"><figcaption>The founders, in Tel Aviv. Credit: Configu</figcaption></figure>
  <h2>What the money is for</h2>
  <p>The funds will go to hiring engineers in Israel and Vietnam, and to the company's first sales team, chief executive Ran Cohen said in an interview, adding that it has twenty customers.</p>
  <div class="ad-slot" id="ad-1">Advertisement</div>
  <p>Investors in the round include Hetz Ventures, Crescendo and several angels, among them the founders of two security companies, according to a statement.</p>
 </div>
 <div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Another startup raises a seed round to do something else</a></li>
 <li><a href="/b">Yet another story that readers might also like to read</a></li></ul></div>
</article>
<section id="comments" class="comments-area"><h3>12 comments</h3>
 <div class="comment"><p>Great news, congratulations to the whole team, I have been using the product for a year, and it is good, honestly.</p></div>
 <div class="comment"><p>I wonder how this compares with the other tools on the market, since there are many, and they all say they fix drift.</p></div>
 <div class="comment"><p>Configuration is hard, that much is true, but is it a company, or a feature of a bigger platform, in the end?</p></div>
 <div class="comment"><p>We tried it at work last quarter, and it saved us a lot of time, so I am not surprised that investors like it.</p></div>
</section></main>
<aside class="sidebar"><h3>Most popular</h3><ol><li><a href="/c">A popular story</a></li></ol></aside>
<footer class="site-footer"><p>Copyright 2024 TechWire. All rights reserved. About us, contact, careers, privacy.</p></footer>
</body></html>)";

TEST(MainContent, FindsTheArticleAndLeavesThePageAroundIt) {
  const MainContent c = Extract(kNewsPage);
  EXPECT_EQ(c.method, "generic");
  const std::vector<std::string> want = {
      "Configu, a Tel Aviv startup that manages software configuration, has raised a $3 million pre-seed "
      "round, "
      "led by Hetz Ventures, with participation from Crescendo and angel investors.",
      "The company says configuration errors cause a large share of outages, and that teams keep settings in "
      "too "
      "many places, from files to secret managers, to keep them in line by hand.",
      "What the money is for",
      "The funds will go to hiring engineers in Israel and Vietnam, and to the company's first sales team, "
      "chief "
      "executive Ran Cohen said in an interview, adding that it has twenty customers.",
      "Investors in the round include Hetz Ventures, Crescendo and several angels, among them the founders "
      "of two "
      "security companies, according to a statement.",
  };
  EXPECT_EQ(c.paragraphs, want);
}

TEST(MainContent, BoilerplateNamesInsideAParagraphKeepTheirWords) {
  // A date or a tag link inside a sentence is part of the sentence, whatever its class.
  std::string page = kNewsPage;
  const std::string before = "has raised a $3 million pre-seed round,";
  page.replace(page.find(before), before.size(),
               "has raised a $3 million pre-seed round on <span class=\"date\">5 March</span> from "
               "<a class=\"tag\" href=\"/t/hetz\">Hetz</a>,");
  const MainContent c = Extract(page);
  ASSERT_FALSE(c.paragraphs.empty());
  EXPECT_NE(c.paragraphs[0].find("pre-seed round on 5 March from Hetz, led by Hetz Ventures"),
            std::string::npos)
      << c.paragraphs[0];
}

TEST(MainContent, ReadsTitleDateAuthorAndLanguageFromTheMarkup) {
  const MainContent c = Extract(kNewsPage);
  EXPECT_EQ(c.title, "Configu raises $3M to fix configuration drift");  // the h1, not og:title's site name
  EXPECT_EQ(c.published, "2024-03-05T08:00:00+07:00");
  EXPECT_EQ(c.authors, std::vector<std::string>{"Jane Roe"});
  EXPECT_EQ(c.language, "en");
}

TEST(MainContent, JsonLdComesFirstAndIsReadAsPagesWriteIt) {
  // Raw line breaks inside strings and a trailing comma: invalid JSON that
  // pages serve; the article object sits in an @graph.
  const std::string page =
      "<html><head><meta property=\"article:published_time\" content=\"2020-01-01\">"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"WebPage\",\"name\":\"x\"},"
      "{\"@type\":[\"NewsArticle\"],\"headline\":\"Sovico đầu tư vào Quỹ GenAI\",\"inLanguage\":\"vi-VN\","
      "\"datePublished\":\"2024-11-21T09:00:00+07:00\",\"description\":\"Tập đoàn\nSovico công bố\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Thu Hằng\"},{\"@type\":\"Person\",\"name\":\"Minh "
      "Sơn\"}],"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Báo X\"},}]}</script></head>"
      "<body><p>Tập đoàn Sovico đã công bố khoản đầu tư chiến lược vào Quỹ GenAI, quỹ đầu tư mạo hiểm đầu "
      "tiên "
      "tại ASEAN tập trung vào AI tạo sinh.</p></body></html>";
  const MainContent c = Extract(page);
  EXPECT_EQ(c.title, "Sovico đầu tư vào Quỹ GenAI");
  EXPECT_EQ(c.published, "2024-11-21T09:00:00+07:00");
  EXPECT_EQ(c.authors, (std::vector<std::string>{"Thu Hằng", "Minh Sơn"}));
  EXPECT_EQ(c.language, "vi");
  EXPECT_EQ(c.description, "Tập đoàn Sovico công bố");
  ASSERT_EQ(c.paragraphs.size(), 1u);
}

const char* kSiteRules =
    "site every-page\nhost: *\ndrop-text: ^(?i:xem thêm)\\s*:\n"
    "site baox\nhost: baox.vn\nbody: div.detail-content[data-role=content]\nlead: h2.detail-sapo\n"
    "title: h1.detail-title\nauthor: .detail-author .name\npublished: [data-role=publishdate]\n"
    "drop: [type=RelatedOneNews], .detail-author\n";

const char* kOutletPage = R"(<html><head><title>Tin tức - Báo X</title></head><body>
<div class="menu"><a href="/">Trang chủ</a></div>
<h1 class="detail-title">Startup Việt gọi vốn 5 triệu USD</h1>
<div class="detail-time"><div data-role="publishdate">21/11/2024 09:00 GMT+7</div></div>
<h2 class="detail-sapo">Công ty khởi nghiệp ABC vừa hoàn tất vòng gọi vốn Series A trị giá 5 triệu USD.</h2>
<div class="detail-content afcbc-body" data-role="content">
 <p>Vòng gọi vốn do Quỹ XYZ dẫn dắt, với sự tham gia của các nhà đầu tư thiên thần.</p>
 <div class="VCSortableInPreviewMode" type="RelatedOneNews"><a href="/y">Một startup khác gọi vốn</a></div>
 <p>Xem thêm: Thị trường gọi vốn năm 2024</p>
 <p>Số tiền sẽ được dùng để mở rộng sang Indonesia và Thái Lan trong năm tới.</p>
 <div class="detail-author"><span class="name">Thu Hằng</span></div>
</div>
<div class="comments"><p>Bình luận của độc giả, rất dài, rất dài, rất dài, rất dài, rất dài, rất dài, rất dài.</p></div>
</body></html>)";

TEST(MainContent, TheSiteRuleGivesBodyLeadAndFieldsAndDrops) {
  auto rules = SiteRules::Parse(kSiteRules, "test.site");
  ASSERT_OK(rules);
  const MainContent c = Extract(kOutletPage, {.url = "https://baox.vn/a-1.htm", .site_rules = &*rules});
  EXPECT_EQ(c.method, "site:baox");
  const std::vector<std::string> want = {
      "Công ty khởi nghiệp ABC vừa hoàn tất vòng gọi vốn Series A trị giá 5 triệu USD.",
      "Vòng gọi vốn do Quỹ XYZ dẫn dắt, với sự tham gia của các nhà đầu tư thiên thần.",
      "Số tiền sẽ được dùng để mở rộng sang Indonesia và Thái Lan trong năm tới.",
  };
  EXPECT_EQ(c.paragraphs, want);
  EXPECT_EQ(c.title, "Startup Việt gọi vốn 5 triệu USD");
  EXPECT_EQ(c.published, "21/11/2024 09:00 GMT+7");
  EXPECT_EQ(c.authors, std::vector<std::string>{"Thu Hằng"});  // read, though dropped from the text
}

TEST(MainContent, OtherHostsAndChangedLayoutsFallBackToTheGenericExtractor) {
  auto rules = SiteRules::Parse(kSiteRules, "test.site");
  ASSERT_OK(rules);
  MainContent c = Extract(kOutletPage, {.url = "https://other.vn/a-1.htm", .site_rules = &*rules});
  EXPECT_EQ(c.method, "generic");
  EXPECT_FALSE(AnyParagraphHas(c, "Xem thêm"));  // the every-page rule applies to every host
  EXPECT_TRUE(AnyParagraphHas(c, "Vòng gọi vốn do Quỹ XYZ dẫn dắt"));
  EXPECT_FALSE(AnyParagraphHas(c, "Bình luận"));

  std::string changed = kOutletPage;
  changed.replace(changed.find("data-role=\"content\""), 19, "data-role=\"body\"");
  c = Extract(changed, {.url = "https://baox.vn/a-1.htm", .site_rules = &*rules});
  EXPECT_EQ(c.method, "generic (site:baox found no body)");
  EXPECT_TRUE(AnyParagraphHas(c, "Vòng gọi vốn do Quỹ XYZ dẫn dắt"));
  EXPECT_EQ(c.paragraphs.front(),
            "Công ty khởi nghiệp ABC vừa hoàn tất vòng gọi vốn Series A trị giá 5 triệu USD.");
}

TEST(MainContent, DecodesTheDeclaredCharset) {
  // "Việt Nam" in Windows-1258: ê is 0xEA, the dot below a combining mark (0xF2).
  const std::string cp1258 =
      "<html><head><meta charset=\"windows-1258\"></head><body><p>Vi\xEA\xF2t Nam go\xF2i v\xF4\xECn cho "
      "c\xE1"
      "c startup, theo m\xF4\xF2t b\xE1o c\xE1o m\xF5\xECi, v\xE0 con s\xF4\xEC t\xE3ng "
      "ma\xF2nh.</p></body></html>";
  MainContent c = Extract(cp1258);
  ASSERT_EQ(c.paragraphs.size(), 1u);
  EXPECT_EQ(c.paragraphs[0], "Việt Nam gọi vốn cho các startup, theo một báo cáo mới, và con số tăng mạnh.");

  const std::string latin1 =
      "<html><body><p>Le caf\xE9 de la gare a lev\xE9 des fonds, selon un communiqu\xE9.</p></body></html>";
  c = Extract(latin1, {.content_type = "text/html; charset=ISO-8859-1"});
  ASSERT_EQ(c.paragraphs.size(), 1u);
  EXPECT_EQ(c.paragraphs[0], "Le café de la gare a levé des fonds, selon un communiqué.");
}

TEST(MainContent, TheSeedAsAPageGivesTheSeedsText) {
  // The bundled press item, laid out as tests/support/text_variants.h's page
  // (navigation, scripts, a figure, hidden blocks, a form).
  const std::string seed =
      pw::testing::ReadFile(pw::testing::SourceDir() / "feeds/demo/genai-open-innovation.vi.txt");
  const MainContent c = Extract(pw::testing::AsHtmlPage(seed));
  EXPECT_EQ(c.Text(), NormalizeText(seed));
}

TEST(MainContent, HostileAndEmptyInputIsBounded) {
  auto r = ExtractMainContent("", {});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kMalformed);

  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "<p>deep text, deep text, deep text, deep text, deep text</p>";
  EXPECT_TRUE(ExtractMainContent(deep, {}).has_value());

  // Bytes that are not a page at all: an error, never a crash.
  std::string bytes;
  for (int i = 0; i < 100000; ++i) bytes += static_cast<char>((i * 7919) % 256);
  const auto garbage = ExtractMainContent(bytes, {});
  if (!garbage) {
    EXPECT_EQ(garbage.error().kind, ErrorKind::kMalformed);
  }

  // Wrappers named as bylines around a whole long page: each is judged by
  // its first hundred bytes, not by all of its text.
  std::string bylines = "<html><body>";
  for (int i = 0; i < 250; ++i) bylines += "<div class=\"author-box\">";
  for (int i = 0; i < 5000; ++i) bylines += "<p>Một đoạn văn, với dấu phẩy, đủ dài để được tính điểm.</p>";
  EXPECT_TRUE(ExtractMainContent(bylines, {}).has_value());

  std::string many = "<html><body>";
  for (int i = 0; i < 20000; ++i) many += "<p>Một đoạn văn, với dấu phẩy, đủ dài để được tính điểm.</p>";
  const MainContent c = Extract(many);
  EXPECT_EQ(c.paragraphs.size(), 20000u);

  EXPECT_TRUE(ExtractMainContent("just text, no markup at all", {}).has_value());
}

TEST(MainContent, LooksLikeHtmlPage) {
  EXPECT_TRUE(LooksLikeHtmlPage("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtmlPage("\xEF\xBB\xBF  <html lang=vi>"));
  EXPECT_TRUE(LooksLikeHtmlPage("<head><title>x</title></head><body>"));
  EXPECT_FALSE(LooksLikeHtmlPage("<p>Configu raises a <b>$3M</b> pre-seed round.</p>"));
  EXPECT_FALSE(LooksLikeHtmlPage("Plain text about <html> tags"));
}

// Pages in the layouts of the VCCorp CMS as public scrapers of Tuổi Trẻ and
// CafeF describe them (the sapo a p or h2 with data-role="sapo", the body in
// div.detail-content[data-role=content], boxes of related news and photos in
// it, the author after it); the text is ours.
TEST(MainContent, TheProjectsSiteRulesReadTheVccorpLayouts) {
  auto rules = SiteRules::Load((pw::testing::SourceDir() / "rules" / "sites").string());
  ASSERT_OK(rules);
  const std::string tuoitre = R"(<html><head><meta name="author" content="TUOI TRE ONLINE"></head><body>
<div class="detail-top"><div class="detail-time"><time data-role="publishdate">05/10/2026 15:42 GMT+7</time></div></div>
<h1 class="detail-title" data-role="title">Quỹ ABC rót 10 triệu USD vào startup logistics</h1>
<div class="detail-author oneauthor" data-role="author"><a class="name" title="Thu Hằng">Thu Hằng</a></div>
<p class="detail-sapo" data-role="sapo">Startup logistics XYZ vừa gọi được 10 triệu USD trong vòng Series A do Quỹ ABC dẫn dắt.</p>
<div class="detail-cmain"><div class="detail-content afcbc-body" data-role="content" itemprop="articleBody">
<p>Khoản vốn sẽ giúp XYZ mở rộng mạng lưới kho bãi ra các tỉnh phía Bắc trong năm tới.</p>
<figure class="VCSortableInPreviewMode" type="Photo"><img src="a.jpg"><figcaption>Đội ngũ sáng lập XYZ. Ảnh: T.H.</figcaption></figure>
<div class="VCSortableInPreviewMode" type="RelatedOneNews"><a href="/b.htm">Một startup khác vừa gọi vốn</a></div>
<p>Theo đại diện Quỹ ABC, đây là khoản đầu tư lớn nhất của quỹ trong năm nay.</p>
</div><div class="box-author-detail"><div class="detail-author-bot" data-role="author"><a class="name">Thu Hằng</a></div></div></div>
<section class="comment-wrapper"><p>Bình luận của bạn đọc, không phải nội dung của bài báo này.</p></section>
</body></html>)";
  MainContent c =
      Extract(tuoitre, {.url = "https://tuoitre.vn/quy-abc-2026100515.htm", .site_rules = &*rules});
  EXPECT_EQ(c.method, "site:vccorp");
  EXPECT_EQ(c.title, "Quỹ ABC rót 10 triệu USD vào startup logistics");
  EXPECT_EQ(c.published, "05/10/2026 15:42 GMT+7");
  EXPECT_EQ(c.authors, std::vector<std::string>{"Thu Hằng"});
  EXPECT_EQ(c.paragraphs,
            (std::vector<std::string>{
                "Startup logistics XYZ vừa gọi được 10 triệu USD trong vòng Series A do Quỹ ABC dẫn dắt.",
                "Khoản vốn sẽ giúp XYZ mở rộng mạng lưới kho bãi ra các tỉnh phía Bắc trong năm tới.",
                "Theo đại diện Quỹ ABC, đây là khoản đầu tư lớn nhất của quỹ trong năm nay."}));

  const std::string cafef = R"(<html><body>
<h1 class="title" data-role="title" itemprop="headline">FPT lãi kỷ lục</h1>
<span data-role="author" itemprop="author"><b>Linh Linh</b></span>
<span class="pdate" data-role="publishdate" datetime="2026-07-05T00:03:00+07:00">05-07-2026 - 00:03 AM</span>
<h2 class="sapo" data-role="sapo">Doanh thu của FPT tăng 20% trong quý II.</h2>
<div class="contentdetail"><div class="detail-cmain" id="mainContent"><div class="detail-content afcbc-body" data-role="content">
<div class="tindnd clearfix" data-marked-zoneid="cafef_detail_relatednewsbox"><ul><li><a href="/x.chn">Tin khác về FPT</a></li></ul></div>
<div class="chisochungkhoan" style="display: none">FPT: giá hiện tại</div>
<p>Lợi nhuận trước thuế đạt mức cao nhất từ trước tới nay, theo báo cáo của công ty.</p>
<div class="VCSortableInPreviewMode link-content-footer"><a href="/khac.chn">Tin khác</a></div>
</div></div></div></body></html>)";
  c = Extract(cafef,
              {.url = "https://cafef.vn/fpt-lai-ky-luc-188260705000312345.chn", .site_rules = &*rules});
  EXPECT_EQ(c.method, "site:vccorp");
  EXPECT_EQ(c.title, "FPT lãi kỷ lục");
  EXPECT_EQ(c.published, "2026-07-05T00:03:00+07:00");  // the datetime attribute before the text
  EXPECT_EQ(c.authors, std::vector<std::string>{"Linh Linh"});
  EXPECT_EQ(c.paragraphs,
            (std::vector<std::string>{
                "Doanh thu của FPT tăng 20% trong quý II.",
                "Lợi nhuận trước thuế đạt mức cao nhất từ trước tới nay, theo báo cáo của công ty."}));
}

TEST(MainContent, ReadsTheVnExpressPageOfTheCorpusWithItsSiteRule) {
  PW_REQUIRE_SHARED();
  // The corpus's one Vietnamese article page (htmldate-eval): a 2023
  // VnExpress business article with menus, share bar, comments and ads.
  const std::string page =
      ReadGzip(pw::testing::SharedDir() / "corpus/html/htmldate-eval/pages/VnExpress.net-Kinh-doanh.html.gz");
  ASSERT_FALSE(page.empty());
  auto rules = SiteRules::Load((pw::testing::SourceDir() / "rules" / "sites").string());
  ASSERT_OK(rules);
  const MainContentOptions options{
      .url =
          "https://vnexpress.net/"
          "ong-ho-duc-phoc-se-nang-muc-giam-tru-gia-canh-tinh-thue-ca-nhan-khi-sua-luat-4672302.html",
      .content_type = "text/html; charset=utf-8",
      .site_rules = &*rules};
  const MainContent c = Extract(page, options);
  EXPECT_EQ(c.method, "site:vnexpress");
  EXPECT_EQ(c.title, "Ông Hồ Đức Phớc: Sẽ nâng mức giảm trừ gia cảnh tính thuế cá nhân khi sửa luật");
  EXPECT_EQ(c.published, "2023-11-02T19:20:45+07:00");  // the page's metadata, before span.date's text
  EXPECT_EQ(c.authors, std::vector<std::string>{"Anh Minh"});
  EXPECT_EQ(c.language, "vi");
  ASSERT_GE(c.paragraphs.size(), 10u);
  // The lead (outside the article element), then the body.
  EXPECT_EQ(c.paragraphs[0].rfind("Bộ trưởng Tài chính Hồ Đức Phớc thừa nhận", 0), 0u) << c.paragraphs[0];
  EXPECT_EQ(c.paragraphs[1].rfind("Thông tin trên được Bộ trưởng Tài chính", 0), 0u) << c.paragraphs[1];
  for (const char* boilerplate :
       {"Chia sẻ", "Trở lại Kinh doanh", "Anh Minh", "Ảnh: Hoàng Phong", "googletag"})
    EXPECT_FALSE(AnyParagraphHas(c, boilerplate)) << boilerplate;

  // Without the rule the generic extractor finds the lead (a sibling of the
  // article) and the body too.
  const MainContent generic = Extract(page, {.url = options.url});
  EXPECT_EQ(generic.method, "generic");
  EXPECT_EQ(generic.paragraphs[0], c.paragraphs[0]);
  EXPECT_EQ(generic.paragraphs[1], c.paragraphs[1]);
  EXPECT_FALSE(AnyParagraphHas(generic, "Chia sẻ"));
  EXPECT_FALSE(AnyParagraphHas(generic, "Anh Minh"));
}

}  // namespace
}  // namespace pw::text
