#include "feed/charset.h"

#include <memory>

#include <boost/json.hpp>
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "feed/parse.h"
#include "test_util.h"

namespace pw::feed {
namespace {

TEST(DecodeFeedBytes, ABomWinsOverEverythingAndIsRemoved) {
  const auto utf8 = DecodeFeedBytes("\xEF\xBB\xBF<rss/>", {.http_charset = "iso-8859-1"});
  EXPECT_EQ(utf8.utf8(), "<rss/>");
  EXPECT_EQ(utf8.encoding, "utf-8");
  EXPECT_NE(utf8.problem.find("overrides the HTTP charset"), std::string::npos);
  const auto utf16 = DecodeFeedBytes(std::string("\xFF\xFE<\0r\0s\0s\0/\0>\0", 14), {});
  EXPECT_EQ(utf16.utf8(), "<rss/>");
  EXPECT_EQ(utf16.encoding, "utf-16le");
  EXPECT_TRUE(utf16.problem.empty());
}

TEST(DecodeFeedBytes, ReadsUtf16And32WithoutABomFromTheirFirstBytes) {
  const std::string be("\0<\0?\0x\0m\0l\0 \0v\0=\0'\0\x31\0'\0?\0>\0<\0r\0/\0>", 34);
  const auto out = DecodeFeedBytes(be, {});
  EXPECT_EQ(out.encoding, "utf-16be");
  EXPECT_EQ(out.utf8(), "<?xml v='1'?><r/>");
  const std::string le32("<\0\0\0r\0\0\0/\0\0\0>\0\0\0", 16);
  EXPECT_EQ(DecodeFeedBytes(le32, {}).encoding, "utf-32le");
}

TEST(DecodeFeedBytes, TheHttpCharsetWinsOverTheDeclaration) {
  const std::string doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>caf\xE9</t>";
  const auto out = DecodeFeedBytes(doc, {.http_charset = "iso-8859-1"});
  EXPECT_EQ(out.encoding, "iso-8859-1");
  EXPECT_EQ(out.utf8(), "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>café</t>");
  EXPECT_TRUE(out.problem.empty());
}

TEST(DecodeFeedBytes, ReadsVietnameseWindows1258AndComposesTheToneMarks) {
  // "Việt Nam" in windows-1258: ê (0xEA) then the combining dot below (0xF2).
  const auto out = DecodeFeedBytes("<?xml version='1.0' encoding='windows-1258'?><t>Vi\xEA\xF2t Nam</t>", {});
  EXPECT_EQ(out.encoding, "windows-1258");
  EXPECT_EQ(out.utf8(), "<?xml version='1.0' encoding='windows-1258'?><t>Việt Nam</t>");  // NFC: U+1EC7
  EXPECT_TRUE(out.problem.empty());
}

TEST(DecodeFeedBytes, PutsUtf8InNfcOnlyWhenItIsNot) {
  // "Việt" with the dot below and the circumflex as combining marks (NFD, as
  // Mac software writes it), and U+2126 OHM SIGN, which NFC replaces.
  const std::string nfd = "<t>Vie\xCC\xA3\xCC\x82t \xE2\x84\xA6</t>";
  const auto out = DecodeFeedBytes(nfd, {});
  EXPECT_EQ(out.utf8(), "<t>Việt Ω</t>");
  EXPECT_TRUE(out.converted.has_value());
  // Text that is NFC already is not copied: the result views the input.
  const std::string nfc = "<t>Việt Nam ’quotes’ 😀</t>";
  const auto same = DecodeFeedBytes(nfc, {});
  EXPECT_FALSE(same.converted.has_value());
  EXPECT_EQ(same.utf8().data(), nfc.data());
}

TEST(DecodeFeedBytes, RepairsUtf8ThatHasWindows1252BytesInIt) {
  const auto out = DecodeFeedBytes("<?xml version='1.0' encoding='utf-8'?>\n<t>Việt Nam don\x92t</t>", {});
  EXPECT_EQ(out.utf8(), "<?xml version='1.0' encoding='utf-8'?>\n<t>Việt Nam don’t</t>");
  EXPECT_EQ(out.encoding, "utf-8");
  EXPECT_EQ(out.problem, "line 2: declared utf-8 but has bytes that are not: read them as windows-1252");
}

// A windows-1258 feed served as utf-8: its own declaration is believed
// over the HTTP label once the bytes are mostly not UTF-8; UTF-8 with a few
// stray bytes keeps its UTF-8 (tester A: the title was stored as mojibake).
TEST(DecodeFeedBytes, BelievesTheDeclarationOfALegacyDocumentLabelledUtf8) {
  const std::string doc = "<?xml version='1.0' encoding='windows-1258'?>\n<t>T\xE2\xF2p \xF0o\xE0n Sovico</t>";
  const auto out = DecodeFeedBytes(doc, {.http_charset = "utf-8"});
  EXPECT_EQ(out.utf8(), "<?xml version='1.0' encoding='windows-1258'?>\n<t>Tập đoàn Sovico</t>");
  EXPECT_EQ(out.encoding, "windows-1258");
  EXPECT_EQ(out.problem,
            "line 2: declared utf-8 but has bytes that are not: read as windows-1258, as the document declares");
  const std::string mostly_utf8 = "<?xml version='1.0' encoding='windows-1258'?>\n<t>Tập đoàn don\x92t</t>";
  const auto kept = DecodeFeedBytes(mostly_utf8, {.http_charset = "utf-8"});
  EXPECT_EQ(kept.utf8(), "<?xml version='1.0' encoding='windows-1258'?>\n<t>Tập đoàn don’t</t>");
}

TEST(DecodeFeedBytes, ReadsStrayBytesOfAVietnameseFeedAsWindows1258) {
  // 0xD5 is Ơ in windows-1258 (Õ in windows-1252).
  const auto vi = DecodeFeedBytes("<t>\xD5</t>", {.vietnamese = true});
  EXPECT_EQ(vi.utf8(), "<t>Ơ</t>");
  EXPECT_EQ(vi.encoding, "windows-1258");
  EXPECT_EQ(DecodeFeedBytes("<t>\xD5</t>", {}).utf8(), "<t>Õ</t>");
}

TEST(DecodeFeedBytes, ReadsUtf8LabelledAsLatin1AsUtf8) {
  const auto out = DecodeFeedBytes("<?xml version='1.0' encoding='iso-8859-1'?><t>Việt</t>", {});
  EXPECT_EQ(out.utf8(), "<?xml version='1.0' encoding='iso-8859-1'?><t>Việt</t>");
  EXPECT_EQ(out.encoding, "utf-8");
  EXPECT_EQ(out.problem, "declared iso-8859-1 but the bytes are utf-8: read as utf-8");
}

TEST(DecodeFeedBytes, AnUnknownLabelIsReadAsUtf8AndSaid) {
  const auto out = DecodeFeedBytes("<?xml version='1.0' encoding='bogus'?><t>ok</t>", {});
  EXPECT_EQ(out.encoding, "utf-8");
  EXPECT_EQ(out.problem, "unknown encoding 'bogus': read as utf-8");
}

TEST(DecodeFeedBytes, DetectsUndeclaredMultibyteCharsets) {
  PW_REQUIRE_SHARED();
  // illformed/chardet/big5.xml: Big5 with no declaration anywhere.
  const auto bytes = pw::testing::ReadFile(pw::testing::SharedDir() / "conformance/feedparser/illformed/chardet/big5.xml");
  const auto out = DecodeFeedBytes(bytes, {});
  EXPECT_EQ(out.encoding, "big5");
  EXPECT_NE(out.problem.find("no encoding declared"), std::string::npos);
}

TEST(CharsetParameter, ReadsQuotedAndSpacedForms) {
  EXPECT_EQ(CharsetParameter("text/xml; charset='UTF-8'"), "utf-8");
  EXPECT_EQ(CharsetParameter("application/rss+xml;charset= \"us-ascii\""), "us-ascii");
  EXPECT_EQ(CharsetParameter("text/xml;charset = windows-1252; q=1"), "windows-1252");
  EXPECT_EQ(CharsetParameter("text/xml; charset:iso-8859-1"), "");
  EXPECT_EQ(CharsetParameter("text/xml"), "");
}

TEST(MapC1Controls, GivesWindows1252Characters) {
  std::string s = "don\xC2\x92t \xC2\x85";
  EXPECT_TRUE(MapC1Controls(s));
  EXPECT_EQ(s, "don’t …");
  std::string plain = "Việt Nam";
  EXPECT_FALSE(MapC1Controls(plain));
}

TEST(RepairDoubleEncoding, RepairsMojibakeAndLeavesRealTextAlone) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"donâ€™t", "don’t"},
      {"Viá»‡t Nam", "Việt Nam"},
      {"â€¦", "…"},
      {"café", "café"},          // real Latin-1 text
      {"Việt Nam", "Việt Nam"},  // real Vietnamese
      {"AT&T", "AT&T"},
      {"Ã©tÃ© 5€", "Ã©tÃ© 5€"},  // a real € (mojibake would be â‚¬): left alone
  };
  for (const auto& c : cases) {
    std::string s = c.in;
    RepairDoubleEncoding(s);
    EXPECT_EQ(s, c.out) << c.in;
  }
}

// ../shared/conformance/feedparser/tables/xml_declared_encodings.json: a
// document declaring each of 116 labels (Windows and DOS code pages, Mac,
// KOI8, EBCDIC), whose title is the character byte 0x80 stands for.
TEST(DecodeFeedBytes, ReadsTheDeclaredLegacyEncodingsOfFeedparsersTable) {
  PW_REQUIRE_SHARED();
  const auto table = boost::json::parse(pw::testing::ReadFile(
      pw::testing::SharedDir() / "conformance/feedparser/tables/xml_declared_encodings.json"));
  int passed = 0, total = 0;
  std::string failed;
  for (const auto& v : table.at("cases").as_array()) {
    const std::string label(v.at("declared_encoding").as_string());
    const std::string want_cp(v.at("byte_0x80_decodes_to").as_string());  // "U+00C7"
    ++total;
    const UChar32 cp = static_cast<UChar32>(std::stoul(want_cp.substr(2), nullptr, 16));
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        "<?xml version=\"1.0\" encoding=\"" + label + "\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>");
    text.append(cp);
    text.append(icu::UnicodeString::fromUTF8("</title></feed>"));
    // The document in its own encoding, as the table says: ASCII with the
    // byte 0x80 for the ASCII-compatible code pages, ICU's encoding of the
    // whole text for EBCDIC ones (whose '<' is not 0x3C).
    const std::string head = "<?xml version=\"1.0\" encoding=\"" + label +
                             "\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>";
    std::string bytes = head + "\x80</title></feed>";
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(label.c_str(), &err), ucnv_close);
    if (U_SUCCESS(err)) {
      std::string encoded(static_cast<size_t>(text.length()) * 4 + 16, '\0');
      const int32_t n = ucnv_fromUChars(cnv.get(), encoded.data(), static_cast<int32_t>(encoded.size()),
                                        text.getBuffer(), text.length(), &err);
      if (U_SUCCESS(err) && n > 0 && encoded[0] != '<') bytes = encoded.substr(0, static_cast<size_t>(n));
    }
    std::string want;
    icu::UnicodeString(cp).toUTF8String(want);
    auto feed = Parse(bytes, {});
    if (!bytes.empty() && feed && feed->title == want) {
      ++passed;
    } else {
      failed += " " + label;
    }
  }
  EXPECT_EQ(total, 116);
  // Pinned; the labels ICU does not know, or knows as another code page, are
  // listed in docs/conformance.md.
  EXPECT_GE(passed, 113) << "failed:" << failed;
  std::cout << "declared encodings: " << passed << " of " << total << " read; not:" << failed << "\n";
}

}  // namespace
}  // namespace pw::feed
