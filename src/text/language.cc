#include "text/language.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "text/search_key.h"
#include "text/tone_marks.h"

namespace pw::text {

namespace {

constexpr size_t kMaxBytes = 64 * 1024;

// The weights of the evidence a word gives (docs/text.md, "Language").
constexpr double kVietnameseOnlyLetter = 2.0;  // đ ă ơ ư ĩ ũ, U+1EA0..U+1EF9
constexpr double kAccentedSyllable = 1.0;      // "là", "có": Latin-1 accents on a Vietnamese syllable
constexpr double kFunctionWord = 1.0;          // a frequent word of the language
constexpr double kSyllable = 0.3;              // spells a Vietnamese syllable (or, for a longer word, not)
constexpr double kEnglishShape = 0.3;          // an ASCII word spelled the English way ("th", "-ing")
constexpr double kNotSyllableEnglish = 0.1;    // any other ASCII word that is no Vietnamese syllable
constexpr double kForeignLetter = 1.5;         // ä ñ ç ß ø š ...: neither Vietnamese nor English
constexpr double kOtherScriptLetter = 0.5;     // per letter of Thai, Chinese, Cyrillic, ...
// A paragraph keeps its own language only when it leads by this much.
constexpr double kParagraphMargin = 1.0;

enum WordClass : unsigned { kVi = 1, kEn = 2, kOtherLang = 4 };

// Frequent words, compared on the search key (no diacritics, lower case).
// Vietnamese: frequent syllables of news text that English text does not
// use as words ("to", "the", "an", "can", "co", "nam" are left out).
constexpr std::string_view kVietnameseWords[] = {
    "cua",   "va",    "cac",   "nhung", "duoc",  "cho",   "voi",   "khong", "nguoi", "trong",
    "mot",   "nay",   "ty",    "trieu", "cong",  "thang", "ngay",  "theo",  "tai",   "nhu",
    "cung",  "khi",   "den",   "tu",    "dau",   "tren",  "nhieu", "viec",  "doanh", "nghiep",
    "hien",  "thi",   "truong", "nha",  "nuoc",  "quy",   "ong",   "dieu",  "tong",  "giam",
    "nhat",  "phai",  "ra",    "lai",   "dang",  "vao",   "sau",   "hon",   "rat",   "bi",
    "nen",   "neu",   "moi",   "chi",   "hang",  "thanh", "phat",  "trien", "dung",  "gia",
    "tien",  "von",   "nganh", "tieu",  "hoac",  "nhan",  "hop",   "tac",   "cuoc",  "nghe",
    "thuc",  "chung", "toi",   "ho",    "minh",  "them",  "tang",  "giua",  "qua",   "dua",
    "lam",   "biet",  "muon",  "ngan",  "duoi",  "ngoai", "nhiem", "nang",  "dong",  "mua",
    "ban",   "cuoi",  "dat",   "thoi",  "gian",  "trinh", "xuat",  "khau",  "tinh",  "huong"};

constexpr std::string_view kEnglishWords[] = {
    "the",   "and",  "of",    "to",     "in",    "is",    "for",    "that",  "with",  "on",
    "as",    "by",   "at",    "from",   "it",    "was",   "are",    "its",   "be",    "has",
    "have",  "this", "an",    "which",  "will",  "said",  "were",   "their", "been",  "than",
    "more",  "into", "over",  "after",  "about", "also",  "who",    "company", "announced", "we",
    "our",   "or",   "not",   "but",    "they",  "he",    "she",    "his",   "her",   "can",
    "would", "all",  "new",   "one",    "other", "up",    "out",    "such",  "through", "including",
    "while", "these", "those", "what",  "when",  "there", "how",    "most",  "some",  "first",
    "a",     "you",  "your",  "had",    "if",    "no",    "so",     "them",  "then",  "only",
    "could", "should", "just", "like",  "more",  "many",  "where",  "each",  "any",   "both"};

// Words frequent both in Vietnamese written without diacritics and in a
// Romance language ("la", "de", "se", "con"): half to each.
constexpr std::string_view kSharedWords[] = {"la", "de", "se", "da", "con", "ve", "ba", "vi", "me", "era"};

constexpr std::string_view kOtherWords[] = {
    // Indonesian, Malay
    "yang", "untuk", "dengan", "dari", "dalam", "ini", "itu", "akan", "pada", "tidak", "juga",
    "adalah", "oleh", "kepada", "bagi", "telah", "sudah", "atau", "karena", "bahwa", "mereka",
    "kami", "kita", "saya", "serta", "secara", "lebih", "tak", "seperti", "semua", "terjadi", "ketika",
    "dirinya", "masih", "bisa", "harus", "sangat", "para", "tersebut", "namun", "hingga", "menjadi",
    "sebagai", "dapat", "ada", "orang", "tahun", "baru", "bukan", "sedang", "sejak", "setelah",
    // French
    "les", "des", "est", "une", "du", "dans", "pour", "pas", "qui", "que", "sur", "avec", "sont",
    "aux", "ce", "cette", "il", "elle", "nous", "vous", "mais", "ou", "plus", "par", "leur", "le",
    // German
    "der", "die", "und", "ist", "nicht", "das", "mit", "sich", "auf", "fur", "ein", "eine", "dem",
    "zu", "von", "im", "auch", "wird", "werden", "bei", "nach", "aus", "wie", "oder", "sind", "noch",
    "uber", "zum", "zur", "einen", "einem", "hat",
    // Spanish, Portuguese, Italian
    "el", "los", "las", "del", "por", "con", "una", "es", "para", "como", "pero", "sus", "este",
    "esta", "fue", "muy", "sobre", "entre", "cuando", "tambien", "ya", "desde", "al", "lo", "su",
    "sin", "hay", "ahora", "donde", "porque", "segun", "han", "hasta", "tras", "durante", "otros",
    "os", "um", "uma", "nao", "em", "com", "mais", "foi", "ao", "pelo", "pela", "seu", "sua", "dos",
    "das", "tem", "che", "della", "dello", "degli", "delle", "nel", "nella", "nei", "sul", "sulla",
    "non", "sono", "stato", "stata", "stati", "gli", "anche", "questo", "questa", "piu", "dal", "dalla",
    "alla", "alle", "essere", "dopo", "ancora", "tra", "fra", "ai", "agli", "hanno", "cui", "dove",
    "quando", "perche", "gia", "cosa", "siamo",
    // Dutch
    "het", "een", "van", "zijn", "niet", "ook", "wordt", "voor", "naar", "bij", "maar", "deze", "wat",
    // Slovak, Czech
    "je", "sa", "pre", "ako", "ze", "aj", "ale", "alebo", "podla", "ktory", "ktora", "ktore", "jsou",
    // Latvian
    "un", "ir", "ar", "uz", "lai", "kas", "vai", "bija", "tas",
    // Norwegian, Danish, Swedish
    "og", "har", "er", "det", "som", "til", "av", "ble", "pa", "ikke", "jeg", "et", "om", "men", "fra",
    "seg", "sin", "sine", "hele", "alle", "och", "att", "inte", "ett"};

const std::unordered_map<std::string_view, unsigned>& WordClasses() {
  static const std::unordered_map<std::string_view, unsigned> classes = [] {
    std::unordered_map<std::string_view, unsigned> m;
    for (std::string_view w : kVietnameseWords) m[w] |= kVi;
    for (std::string_view w : kEnglishWords) m[w] |= kEn;
    for (std::string_view w : kOtherWords) m[w] |= kOtherLang;
    for (std::string_view w : kSharedWords) m[w] |= kVi | kOtherLang;
    return m;
  }();
  return classes;
}

bool IsVietnameseOnly(UChar32 c) {
  switch (c) {
    case 0x0110: case 0x0111:  // Đ đ
    case 0x0102: case 0x0103:  // Ă ă
    case 0x01A0: case 0x01A1:  // Ơ ơ
    case 0x01AF: case 0x01B0:  // Ư ư
    case 0x0128: case 0x0129:  // Ĩ ĩ
    case 0x0168: case 0x0169:  // Ũ ũ
      return true;
  }
  return c >= 0x1EA0 && c <= 0x1EF9;
}

struct Evidence {
  double vi = 0, en = 0, other = 0;
  int latin_letters = 0, other_letters = 0;

  Evidence& operator+=(const Evidence& e) {
    vi += e.vi;
    en += e.en;
    other += e.other;
    latin_letters += e.latin_letters;
    other_letters += e.other_letters;
    return *this;
  }
};

// Spelling that English uses and neither Vietnamese nor the Romance
// languages do: "th", "wh", "sh", "ck", "ght", "ee", "oo", "ea", "ow", "aw",
// "ew", and the suffixes "ing", "ed", "ly", "tion", "ment", "ness", "ship".
bool LooksEnglish(std::string_view key) {
  for (std::string_view pair : {"th", "wh", "sh", "ck", "ght", "ee", "oo", "ea", "ow", "aw", "ew"})
    if (key.find(pair) != std::string_view::npos) return true;
  auto ends = [&](std::string_view suffix) {
    return key.size() > suffix.size() + 2 && key.substr(key.size() - suffix.size()) == suffix;
  };
  return ends("ing") || ends("ed") || ends("ly") || ends("tion") || ends("ment") || ends("ness") || ends("ship");
}

struct Word {
  std::string_view text;  // as written
  std::string key;        // its search key
  int letters = 0;
  bool vietnamese_only = false;  // has a letter only Vietnamese writes
  bool latin1_accent = false;    // has one of à..ÿ
  bool foreign_letter = false;   // has a letter outside the Vietnamese alphabet (ä ñ ß ...)
};

// What one word says.
void WeighWord(const Word& w, Evidence& e) {
  const bool syllable = !w.foreign_letter && IsVietnameseSyllable(w.text);
  const auto& classes = WordClasses();
  const auto it = classes.find(w.key);
  const unsigned cls = it == classes.end() ? 0 : it->second;
  // A frequent word of two languages ("la", "de") is shared between them; an
  // English or other one spelled like a Vietnamese syllable ("the", "que")
  // says half as much.
  const int languages = ((cls & kVi) != 0) + ((cls & kEn) != 0) + ((cls & kOtherLang) != 0);
  const double share = languages ? kFunctionWord / languages : 0;
  const double foreign_share = syllable ? share / 2 : share;
  if (cls & kVi) e.vi += share;
  if (cls & kEn) e.en += foreign_share;
  if (cls & kOtherLang) e.other += foreign_share;
  if (w.vietnamese_only) e.vi += kVietnameseOnlyLetter;
  else if (w.latin1_accent && syllable) e.vi += kAccentedSyllable;
  if (w.foreign_letter) e.other += kForeignLetter;
  if (w.letters >= 2) e.vi += syllable ? kSyllable : -kSyllable;
  if (!syllable && !cls && w.letters >= 3 && !w.latin1_accent && !w.foreign_letter && !w.vietnamese_only)
    e.en += LooksEnglish(w.key) ? kEnglishShape : kNotSyllableEnglish;
}

bool IsAsciiLetter(UChar32 c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

// Latin letters are words' letters; ASCII needs no look-up.
bool IsLatinLetter(UChar32 c) {
  if (c < 0x80) return IsAsciiLetter(c);
  UErrorCode status = U_ZERO_ERROR;
  return u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_LATIN;
}

Evidence Weigh(std::string_view text) {
  Evidence e;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  Word w;
  while (i < length) {
    // The next word: a run of Latin letters (and the marks on them).
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || (c < 0x80 && !IsAsciiLetter(c))) continue;
    if (!IsLatinLetter(c)) {
      if (u_isalpha(c)) {
        ++e.other_letters;
        e.other += kOtherScriptLetter;
      }
      continue;
    }
    w.key.clear();
    w.letters = 0;
    w.vietnamese_only = w.latin1_accent = w.foreign_letter = false;
    int32_t end = begin;
    for (int32_t j = begin; j < length;) {
      UChar32 d;
      U8_NEXT(s, j, length, d);
      if (d < 0) break;
      if (d < 0x80) {
        if (!IsAsciiLetter(d)) break;
        ++w.letters;
      } else if (u_getCombiningClass(d) == 0) {
        if (!IsLatinLetter(d)) break;
        ++w.letters;
        w.vietnamese_only |= IsVietnameseOnly(d);
        w.latin1_accent |= d >= 0xC0 && d <= 0xFF;
        w.foreign_letter |= !IsVietnameseLetter(static_cast<char32_t>(d));
      }
      AppendSearchKey(static_cast<char32_t>(d), w.key);
      end = j;
    }
    i = end;
    w.text = text.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
    e.latin_letters += w.letters;
    WeighWord(w, e);
  }
  return e;
}

// The winner and its lead over the runner-up.
std::pair<Language, double> Decide(const Evidence& e) {
  if (e.latin_letters + e.other_letters == 0) return {Language::kOther, 0};
  if (e.other_letters > e.latin_letters) return {Language::kOther, e.other - std::max(e.vi, e.en)};
  std::array<std::pair<double, Language>, 3> ranked = {
      {{e.vi, Language::kVietnamese}, {e.en, Language::kEnglish}, {e.other, Language::kOther}}};
  // Highest first; on a tie Vietnamese, then English (the feeds' languages).
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (ranked[0].first <= 0) return {Language::kOther, 0};
  return {ranked[0].second, ranked[0].first - ranked[1].first};
}

}  // namespace

namespace {

struct Paragraph {
  ParagraphLanguage span;
  double margin = 0;  // its language's lead over the runner-up
  int letters = 0;
};

std::vector<Paragraph> WeighParagraphs(std::string_view text, Evidence& total) {
  std::vector<Paragraph> out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    size_t b = begin, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\r' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\r' || text[e - 1] == '\t')) --e;
    if (b < e) {
      const Evidence evidence = Weigh(text.substr(b, e - b));
      total += evidence;
      const auto [language, margin] = Decide(evidence);
      out.push_back({{b, e, language}, margin, evidence.latin_letters + evidence.other_letters});
    }
    begin = end + 1;
  }
  return out;
}

// The language of most letters among the paragraphs sure of theirs; the
// evidence of the whole text when none is.
Language DocumentLanguage(const std::vector<Paragraph>& paragraphs, const Evidence& total) {
  std::array<int, 3> letters{};  // by Language
  for (const Paragraph& p : paragraphs)
    if (p.margin >= kParagraphMargin) letters[static_cast<size_t>(p.span.language)] += p.letters;
  const auto most = std::max_element(letters.begin(), letters.end());
  if (*most == 0) return Decide(total).first;
  return static_cast<Language>(most - letters.begin());
}

}  // namespace

Language DetectLanguage(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kMaxBytes));
  Evidence total;
  const std::vector<Paragraph> paragraphs = WeighParagraphs(text, total);
  if (paragraphs.size() <= 1) return Decide(total).first;
  return DocumentLanguage(paragraphs, total);
}

std::vector<ParagraphLanguage> DetectParagraphLanguages(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kMaxBytes));
  Evidence total;
  const std::vector<Paragraph> paragraphs = WeighParagraphs(text, total);
  const Language document = DocumentLanguage(paragraphs, total);
  std::vector<ParagraphLanguage> out;
  out.reserve(paragraphs.size());
  for (const Paragraph& p : paragraphs) {
    out.push_back(p.span);
    if (p.margin < kParagraphMargin) out.back().language = document;
  }
  return out;
}

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kVietnamese: return "vi";
    case Language::kEnglish: return "en";
    case Language::kOther: break;
  }
  return "other";
}

Language LanguageFromCode(std::string_view code) {
  if (code.substr(0, 2) == "vi") return Language::kVietnamese;
  if (code.substr(0, 2) == "en") return Language::kEnglish;
  return Language::kOther;
}

}  // namespace pw::text
