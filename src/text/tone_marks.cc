#include "text/tone_marks.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace pw::text {

namespace {

// The twelve vowels of the alphabet, lower case, by their shape (no tone).
constexpr std::u32string_view kVowels = U"aăâeêioôơuưy";
// The tone marks, in the order of the Tone enum below (after kNone).
constexpr std::array<char32_t, 5> kToneMarks = {0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
constexpr int kNoTone = 0;

// A letter of the Vietnamese alphabet: its lower-case shape without tone
// (a, ă, â, đ, ...), its tone (0 none, 1..5 as kToneMarks) and its case.
struct Letter {
  char32_t base = 0;  // 0: not a Vietnamese letter
  int tone = kNoTone;
  bool upper = false;
};

struct Tables {
  // Letters by code point, for U+0000..U+01FF and U+1E00..U+1EFF.
  std::array<Letter, 0x200> low{};
  std::array<Letter, 0x100> extended{};
  // composed[vowel index][tone][upper]
  std::array<std::array<std::array<char32_t, 2>, 6>, kVowels.size()> composed{};
};

const Tables& GetTables() {
  static const Tables tables = [] {
    Tables t;
    auto set = [&t](char32_t c, Letter l) {
      if (c < 0x200) t.low[c] = l;
      else if (c >= 0x1E00 && c < 0x1F00) t.extended[c - 0x1E00] = l;
    };
    for (char32_t c = 'a'; c <= 'z'; ++c) {
      set(c, {c, kNoTone, false});
      set(c - 32, {c, kNoTone, true});
    }
    set(U'đ', {U'đ', kNoTone, false});
    set(U'Đ', {U'đ', kNoTone, true});
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    for (size_t v = 0; v < kVowels.size(); ++v) {
      for (int upper = 0; upper < 2; ++upper) {
        const char32_t base = upper ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(kVowels[v]))) : kVowels[v];
        t.composed[v][kNoTone][upper] = base;
        set(base, {kVowels[v], kNoTone, upper == 1});
        for (int tone = 1; tone <= 5; ++tone) {
          icu::UnicodeString s(static_cast<UChar32>(base));
          s.append(static_cast<UChar32>(kToneMarks[tone - 1]));
          icu::UnicodeString composed = U_SUCCESS(status) ? nfc->normalize(s, status) : s;
          // Every Vietnamese vowel with a tone is one precomposed code point.
          const char32_t c = composed.countChar32() == 1 ? static_cast<char32_t>(composed.char32At(0)) : 0;
          t.composed[v][tone][upper] = c;
          if (c) set(c, {kVowels[v], tone, upper == 1});
        }
      }
    }
    return t;
  }();
  return tables;
}

Letter LetterOf(char32_t c) {
  const Tables& t = GetTables();
  if (c < 0x200) return t.low[c];
  if (c >= 0x1E00 && c < 0x1F00) return t.extended[c - 0x1E00];
  return {};
}

bool IsVowel(char32_t base) { return kVowels.find(base) != std::u32string_view::npos; }

bool HasOwnShape(char32_t base) {  // ă â ê ô ơ ư: the vowels with a mark of their own
  return base == U'ă' || base == U'â' || base == U'ê' || base == U'ô' || base == U'ơ' || base == U'ư';
}

// The vowel clusters of Vietnamese spelling, after the onset (so "qu" and
// "gi" are not in them): docs/text.md lists each with an example.
constexpr std::array<std::u32string_view, 43> kClusters = {
    U"a",   U"ă",   U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ",   U"u",   U"ư",
    U"y",   U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iu",
    U"iê",  U"oa",  U"oă",  U"oe",  U"oi",  U"oo",  U"ôi",  U"ơi",  U"ua",  U"uâ",  U"uê",
    U"ui",  U"uô",  U"uơ",  U"uy",  U"ưa",  U"ưi",  U"ưu",  U"ươ",  U"yê",  U"iêu"};
constexpr std::array<std::u32string_view, 12> kClusters3 = {
    U"yêu", U"oai", U"oao", U"oay", U"oeo", U"uây", U"uôi", U"ươi", U"ươu", U"uya", U"uyê", U"uyu"};

char32_t Bare(char32_t base) {
  switch (base) {
    case U'ă': case U'â': return 'a';
    case U'ê': return 'e';
    case U'ô': case U'ơ': return 'o';
    case U'ư': return 'u';
    case U'đ': return 'd';
  }
  return base;
}

bool IsCluster(std::u32string_view v, bool bare) {
  auto matches = [&](std::u32string_view c) {
    if (c.size() != v.size()) return false;
    for (size_t i = 0; i < c.size(); ++i)
      if ((bare ? Bare(c[i]) : c[i]) != v[i]) return false;
    return true;
  };
  return std::any_of(kClusters.begin(), kClusters.end(), matches) ||
         std::any_of(kClusters3.begin(), kClusters3.end(), matches);
}

bool StartsWith(std::u32string_view s, std::u32string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

struct Syllable {
  size_t nucleus_begin = 0;
  size_t nucleus_end = 0;
  bool closed = false;  // a final consonant follows the cluster
};

// Parses lower-case bases (bare: shapes removed, đ as d) into onset,
// vowel cluster and final; nullopt when they do not spell one syllable.
std::optional<Syllable> Parse(std::u32string_view s, bool bare) {
  const char32_t d = bare ? U'd' : U'đ';
  size_t onset = 0;
  auto vowel_at = [&](size_t i) { return i < s.size() && IsVowel(s[i]); };
  // "qu" and "gi" (before another vowel) are onsets; then the longest other.
  if (StartsWith(s, U"qu") && vowel_at(2)) {
    onset = 2;
  } else if (StartsWith(s, U"gi") && vowel_at(2)) {
    onset = 2;
  } else if (StartsWith(s, U"ngh")) {
    onset = 3;
  } else {
    for (std::u32string_view o : {U"ng", U"nh", U"ch", U"gh", U"kh", U"ph", U"th", U"tr"})
      if (StartsWith(s, o)) onset = 2;
    if (onset == 0 && !s.empty() && !IsVowel(s[0])) {
      if (std::u32string_view(U"bcdghklmnprstvx").find(s[0]) == std::u32string_view::npos && s[0] != d)
        return std::nullopt;
      onset = 1;
    }
  }
  size_t end = onset;
  while (vowel_at(end)) ++end;
  if (end == onset || end - onset > 3) return std::nullopt;
  const std::u32string_view final = s.substr(end);
  bool valid_final = final.empty();
  for (std::u32string_view f : {U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"}) valid_final |= final == f;
  if (!valid_final) return std::nullopt;
  if (!IsCluster(s.substr(onset, end - onset), bare)) return std::nullopt;
  return Syllable{onset, end, !final.empty()};
}

// The index, within the cluster, of the vowel that carries the tone mark.
size_t TonePlace(std::u32string_view cluster, bool closed) {
  const size_t uo = cluster.find(U"ươ");
  if (uo != std::u32string_view::npos) return uo + 1;
  for (size_t i = cluster.size(); i-- > 0;)
    if (HasOwnShape(cluster[i])) return i;
  if (closed) return cluster.size() - 1;
  if (cluster.size() == 3) return 1;
  return 0;
}

void AppendUtf8(char32_t c, std::string& out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

bool IsWordCodePoint(UChar32 c) {
  return c < 0x80 ? (c | 32) >= 'a' && (c | 32) <= 'z' : u_isalpha(c) || u_getCombiningClass(c) != 0;
}

// The word's letters, or nullopt when one is not of the Vietnamese alphabet.
std::optional<std::u32string> Bases(std::string_view word, std::vector<Letter>* letters) {
  std::u32string bases;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const Letter l = c < 0 ? Letter{} : LetterOf(static_cast<char32_t>(c));
    if (l.base == 0) return std::nullopt;
    bases += l.base;
    if (letters) letters->push_back(l);
  }
  return bases;
}

// Appends `word` with its tone on the canonical vowel; false if unchanged.
bool RewriteWord(std::string_view word, std::string& out) {
  std::vector<Letter> letters;
  letters.reserve(word.size());
  const std::optional<std::u32string> bases = Bases(word, &letters);
  if (!bases || bases->size() > 8) return false;
  size_t toned = letters.size();
  for (size_t i = 0; i < letters.size(); ++i) {
    if (letters[i].tone == kNoTone) continue;
    if (toned != letters.size()) return false;  // two tone marks: not one syllable
    toned = i;
  }
  if (toned == letters.size()) return false;
  const std::optional<Syllable> syllable = Parse(*bases, false);
  if (!syllable) return false;
  const std::u32string_view cluster =
      std::u32string_view(*bases).substr(syllable->nucleus_begin, syllable->nucleus_end - syllable->nucleus_begin);
  const size_t place = syllable->nucleus_begin + TonePlace(cluster, syllable->closed);
  if (place == toned) return false;
  const Tables& t = GetTables();
  const int tone = letters[toned].tone;
  letters[place].tone = tone;
  letters[toned].tone = kNoTone;
  for (const Letter& l : letters) {
    const size_t v = kVowels.find(l.base);
    if (v == std::u32string_view::npos) {
      // A consonant: its own code point, cased.
      const char32_t c = l.base == U'đ' ? (l.upper ? U'Đ' : U'đ') : (l.upper ? l.base - 32 : l.base);
      AppendUtf8(c, out);
    } else {
      AppendUtf8(t.composed[v][l.tone][l.upper ? 1 : 0], out);
    }
  }
  return true;
}

}  // namespace

std::string CanonicalizeToneMarks(std::string_view text) {
  std::string out;
  std::string rewritten;
  size_t copied = 0;  // text[0, copied) is in `out` already
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  auto ascii_letter = [](uint8_t b) { return (b | 32) >= 'a' && (b | 32) <= 'z'; };
  int32_t i = 0;
  while (i < length) {
    if (s[i] < 0x80 && !ascii_letter(s[i])) {
      ++i;
      continue;
    }
    const int32_t begin = i;
    bool ascii = true;
    while (i < length) {
      if (s[i] < 0x80) {
        if (!ascii_letter(s[i])) break;
        ++i;
        continue;
      }
      int32_t next = i;
      UChar32 c;
      U8_NEXT(s, next, length, c);
      if (c < 0 || !IsWordCodePoint(c)) break;
      ascii = false;
      i = next;
    }
    if (i == begin) {  // a code point that is not a letter
      UChar32 c;
      U8_NEXT(s, i, length, c);
      continue;
    }
    if (ascii) continue;  // no tone mark to move
    rewritten.clear();
    if (!RewriteWord(text.substr(static_cast<size_t>(begin), static_cast<size_t>(i - begin)), rewritten)) continue;
    if (out.empty()) out.reserve(text.size() + 16);
    out.append(text.substr(copied, static_cast<size_t>(begin) - copied));
    out += rewritten;
    copied = static_cast<size_t>(i);
  }
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

bool IsVietnameseLetter(char32_t c) { return LetterOf(c).base != 0; }

bool IsVietnameseSyllable(std::string_view word) {
  std::vector<Letter> letters;
  std::optional<std::u32string> bases = Bases(word, &letters);
  if (!bases || bases->empty() || bases->size() > 8) return false;
  if (std::count_if(letters.begin(), letters.end(), [](const Letter& l) { return l.tone != kNoTone; }) > 1)
    return false;
  for (char32_t& c : *bases) c = Bare(c);
  return Parse(*bases, true).has_value();
}

}  // namespace pw::text
