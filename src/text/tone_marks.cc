#include "text/tone_marks.h"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "common/utf8.h"

namespace pw::text {

namespace {

// The twelve vowels of the alphabet, lower case, by their shape (no tone).
constexpr std::u32string_view kVowels = U"aăâeêioôơuưy";
// The tone marks, tones 1..5: grave (huyền), acute (sắc), hook above (hỏi),
// tilde (ngã), dot below (nặng). Tone 0 is none (ngang).
constexpr std::array<char32_t, 5> kToneMarks = {0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
constexpr int kNoTone = 0;

// A letter of the Vietnamese alphabet: its lower-case shape without tone
// (a, ă, â, đ, ...), its tone (0 none, 1..5 as kToneMarks) and its case.
struct Letter {
  char32_t base = 0;  // 0: not a Vietnamese letter
  int tone = kNoTone;
  bool upper = false;
  bool vowel = false;
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
      const bool vowel = kVowels.find(c) != std::u32string_view::npos;
      set(c, {c, kNoTone, false, vowel});
      set(c - 32, {c, kNoTone, true, vowel});
    }
    set(U'đ', {U'đ', kNoTone, false, false});
    set(U'Đ', {U'đ', kNoTone, true, false});
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    for (size_t v = 0; v < kVowels.size(); ++v) {
      for (int upper = 0; upper < 2; ++upper) {
        const char32_t base = upper ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(kVowels[v]))) : kVowels[v];
        t.composed[v][kNoTone][upper] = base;
        set(base, {kVowels[v], kNoTone, upper == 1, true});
        for (int tone = 1; tone <= 5; ++tone) {
          icu::UnicodeString s(static_cast<UChar32>(base));
          s.append(static_cast<UChar32>(kToneMarks[tone - 1]));
          icu::UnicodeString composed = U_SUCCESS(status) ? nfc->normalize(s, status) : s;
          // Every Vietnamese vowel with a tone is one precomposed code point.
          const char32_t c = composed.countChar32() == 1 ? static_cast<char32_t>(composed.char32At(0)) : 0;
          t.composed[v][tone][upper] = c;
          if (c) set(c, {kVowels[v], tone, upper == 1, true});
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

bool IsVowel(char32_t base) {
  switch (base) {
    case 'a': case U'ă': case U'â': case 'e': case U'ê': case 'i': case 'o': case U'ô': case U'ơ': case 'u':
    case U'ư': case 'y':
      return true;
  }
  return false;
}

bool HasOwnShape(char32_t base) {  // ă â ê ô ơ ư: the vowels with a mark of their own
  return base == U'ă' || base == U'â' || base == U'ê' || base == U'ô' || base == U'ơ' || base == U'ư';
}

// The vowel clusters of Vietnamese spelling, after the onset (so "qu" and
// "gi" are not in them): docs/text.md lists each with an example.
constexpr std::u32string_view kClusters[] = {
    U"a",  U"ă",  U"â",  U"e",  U"ê",  U"i",  U"o",   U"ô",   U"ơ",   U"u",   U"ư",   U"y",   U"ai",  U"ao",
    U"au", U"ay", U"âu", U"ây", U"eo", U"êu", U"ia",  U"iu",  U"iê",  U"oa",  U"oă",  U"oe",  U"oi",  U"oo",
    U"ôi", U"ơi", U"ua", U"uâ", U"uê", U"ui", U"uô",  U"uơ",  U"uy",  U"ưa",  U"ưi",  U"ưu",  U"ươ",  U"yê",
    U"iêu", U"yêu", U"oai", U"oao", U"oay", U"oeo", U"uây", U"uôi", U"ươi", U"ươu", U"uya", U"uyê", U"uyu"};

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

// A vowel as a number 1..12 (its place in kVowels), or bare (a for ă â, e
// for ê, o for ô ơ, u for ư); 0 for a consonant.
unsigned VowelNumber(char32_t base, bool bare) {
  const size_t v = kVowels.find(bare ? Bare(base) : base);
  return v == std::u32string_view::npos ? 0 : static_cast<unsigned>(v) + 1;
}

// A cluster of up to three vowels as 12 bits, four per vowel.
unsigned ClusterKey(std::u32string_view cluster, bool bare) {
  unsigned key = 0;
  for (size_t i = 0; i < cluster.size(); ++i) key |= VowelNumber(cluster[i], bare) << (4 * i);
  return key;
}

bool IsCluster(std::u32string_view v, bool bare) {
  using Keys = std::array<bool, 1 << 12>;
  static const std::array<Keys, 2> keys = [] {
    std::array<Keys, 2> k{};
    for (int b = 0; b < 2; ++b) {
      for (std::u32string_view c : kClusters) k[b][ClusterKey(c, b == 1)] = true;
    }
    return k;
  }();
  return !v.empty() && v.size() <= 3 && keys[bare ? 1 : 0][ClusterKey(v, bare)];
}

bool StartsWith(std::u32string_view s, std::u32string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Where the onset ends and the vowel cluster ends, not yet checked: "qu"
// and "gi" before another vowel are onsets, otherwise every consonant before
// the first vowel.
struct Split {
  size_t onset_end = 0;
  size_t nucleus_end = 0;
};

Split SplitSyllable(std::u32string_view s) {
  size_t onset = 0;
  if (s.size() > 2 && IsVowel(s[2]) && (StartsWith(s, U"qu") || StartsWith(s, U"gi"))) {
    onset = 2;
  } else {
    while (onset < s.size() && !IsVowel(s[onset])) ++onset;
  }
  size_t end = onset;
  while (end < s.size() && IsVowel(s[end])) ++end;
  return {onset, end};
}

// b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none.
bool IsOnset(std::u32string_view o, bool bare) {
  switch (o.size()) {
    case 0: return true;
    case 1: return std::u32string_view(U"bcdghklmnprstvx").find(o[0]) != std::u32string_view::npos ||
                   (!bare && o[0] == U'đ');
    case 2: {
      const char32_t a = o[0], b = o[1];
      return (b == 'h' && std::u32string_view(U"cgknpt").find(a) != std::u32string_view::npos) ||
             (a == 'g' && b == 'i') || (a == 'q' && b == 'u') || (a == 't' && b == 'r') || (a == 'n' && b == 'g');
    }
    case 3: return o == U"ngh";
  }
  return false;
}

// c ch m n ng nh p t, or none.
bool IsFinal(std::u32string_view f) {
  switch (f.size()) {
    case 0: return true;
    case 1: return f[0] == 'c' || f[0] == 'm' || f[0] == 'n' || f[0] == 'p' || f[0] == 't';
    case 2: return f == U"ch" || f == U"ng" || f == U"nh";
  }
  return false;
}

// Whether lower-case bases (bare: shapes removed, đ as d) split so spell one
// syllable: a known onset, a known vowel cluster, a known final.
bool IsSyllable(std::u32string_view s, Split split, bool bare) {
  const std::u32string_view onset = s.substr(0, split.onset_end);
  const std::u32string_view cluster = s.substr(split.onset_end, split.nucleus_end - split.onset_end);
  const std::u32string_view final = s.substr(split.nucleus_end);
  if (cluster.empty() || cluster.size() > 3) return false;
  return IsOnset(onset, bare) && IsFinal(final) && IsCluster(cluster, bare);
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

// Longer words are not one syllable ("nghiêng" has seven letters).
constexpr size_t kMaxLetters = 8;

// A word's letters, decoded once, with no allocation.
struct Word {
  std::array<Letter, kMaxLetters> letters{};
  std::array<char32_t, kMaxLetters> bases{};
  size_t size = 0;
  size_t tones = 0;         // letters with a tone mark
  size_t toned = 0;         // the last of them
  size_t vowels = 0;
  bool vietnamese = true;   // every letter is of the Vietnamese alphabet, and few enough

  void Reset() {
    size = tones = toned = vowels = 0;
    vietnamese = true;
  }
  void Add(char32_t c) {
    const Letter l = LetterOf(c);
    if (l.base == 0 || size == kMaxLetters) {
      vietnamese = false;
      return;
    }
    if (l.tone != kNoTone) ++tones, toned = size;
    vowels += l.vowel;
    letters[size] = l;
    bases[size++] = l.base;
  }
  std::u32string_view Bases() const { return {bases.data(), size}; }
};

// Decodes `word` (letters only).
Word Decode(std::string_view word) {
  Word w;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length && w.vietnamese;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return Word{.vietnamese = false};
    w.Add(static_cast<char32_t>(c));
  }
  return w;
}

// Appends the word with its tone on the canonical vowel; false if it is
// already there, or the word is not one Vietnamese syllable with one mark.
bool RewriteWord(const Word& w, std::string& out) {
  // One vowel, or no mark: nothing can move (most words end here).
  if (!w.vietnamese || w.tones != 1 || w.vowels < 2) return false;
  const std::u32string_view bases = w.Bases();
  const Split split = SplitSyllable(bases);
  if (split.nucleus_end == split.onset_end) return false;
  const std::u32string_view cluster = bases.substr(split.onset_end, split.nucleus_end - split.onset_end);
  const size_t place = split.onset_end + TonePlace(cluster, split.nucleus_end < bases.size());
  // Checked only now: a word whose mark is in place needs no check.
  if (place == w.toned || !IsSyllable(bases, split, false)) return false;
  std::array<Letter, kMaxLetters> letters = w.letters;
  letters[place].tone = letters[w.toned].tone;
  letters[w.toned].tone = kNoTone;
  const Tables& t = GetTables();
  for (size_t k = 0; k < w.size; ++k) {
    const Letter& l = letters[k];
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

bool IsAsciiLetter(uint8_t b) { return (b | 32) >= 'a' && (b | 32) <= 'z'; }

}  // namespace

std::string CanonicalizeToneMarks(std::string_view text) {
  std::string out;
  std::string rewritten;
  Word word;          // the current word, reset for each (not built anew: it is not small)
  size_t copied = 0;  // text[0, copied) is in `out` already
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    // Only a word with a non-ASCII letter can carry a tone mark: skip to the
    // next non-ASCII byte, then back to the start of its word.
    int32_t next_non_ascii = i;
    while (next_non_ascii < length && s[next_non_ascii] < 0x80) ++next_non_ascii;
    if (next_non_ascii == length) break;
    int32_t word_start = next_non_ascii;
    while (word_start > i && IsAsciiLetter(s[word_start - 1])) --word_start;
    i = word_start;
    // A word: letters (and combining marks); decoded into `word` from its
    // first non-ASCII letter on (words of ASCII letters have no tone mark).
    const int32_t begin = i;
    word.Reset();
    bool ascii = true;
    while (i < length) {
      if (s[i] < 0x80) {
        if (!IsAsciiLetter(s[i])) break;
        if (!ascii) word.Add(s[i]);
        ++i;
        continue;
      }
      int32_t next = i;
      UChar32 c;
      U8_NEXT(s, next, length, c);
      if (c < 0) break;
      if (LetterOf(static_cast<char32_t>(c)).base == 0 && !u_isalpha(c) && u_getCombiningClass(c) == 0) break;
      if (ascii) {
        for (int32_t k = begin; k < i; ++k) word.Add(s[k]);
        ascii = false;
      }
      word.Add(static_cast<char32_t>(c));
      i = next;
    }
    if (i == begin) {  // a code point that is not a letter
      UChar32 c;
      U8_NEXT(s, i, length, c);
      continue;
    }
    rewritten.clear();
    if (ascii || !RewriteWord(word, rewritten)) continue;
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
  Word w = Decode(word);
  if (!w.vietnamese || w.size == 0 || w.tones > 1) return false;
  for (size_t k = 0; k < w.size; ++k) w.bases[k] = Bare(w.bases[k]);
  return IsSyllable(w.Bases(), SplitSyllable(w.Bases()), true);
}

}  // namespace pw::text
