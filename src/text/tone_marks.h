// text/tone_marks.h: one place for the Vietnamese tone mark in a syllable.
//
// Vietnamese writes the same syllable with its tone mark on different vowels
// ("hoà" and "hòa", "thuý" and "thúy", "khoẻ" and "khỏe"); the bytes differ,
// so a rule or a search written one way misses the other. This unit moves the
// mark to the place VnExpress and Tuổi Trẻ use:
//
//   CanonicalizeToneMarks("Hoà Bình, thuý, khoẻ, Uỷ ban") == "Hòa Bình, thúy, khỏe, Ủy ban"
//   CanonicalizeToneMarks("quỳnh, hoàn, người, khuya")    == (unchanged)
//   CanonicalizeToneMarks("gìa, qúa, tóan")               == "già, quá, toán"
//   CanonicalizeToneMarks("café, José, résumé, Noël")      == (unchanged: not Vietnamese syllables)
//
// The rule, applied to every word that is one Vietnamese syllable (an onset
// from b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x or
// none, a vowel cluster, a final from c ch m n ng nh p t or none) and carries
// exactly one tone mark; "qu" and, before another vowel, "gi" are onsets, so
// their u and i never take the mark:
//   1. a cluster with ươ takes the mark on ơ (người, rượu); otherwise a
//      cluster with a vowel of its own shape (ă â ê ô ơ ư) takes it there
//      (hoặc, tuấn, thuế, muốn, chuyện, cứu);
//   2. otherwise a cluster followed by a final consonant takes it on its
//      last vowel (hoàn, huỳnh, quýt, khoác);
//   3. otherwise a cluster of three vowels takes it on the middle one
//      (ngoài, xoáy, khuỷu, ngoẹo), and a cluster of two on the first
//      (hòa, khỏe, thúy, mái, mùa, kìa).
// docs/text.md lists every vowel cluster with its place and an example.
// Case is kept letter by letter ("HOÀ" -> "HÒA").
//
// Input: NFC text (NormalizeText calls this after NFC); words that are not
// precomposed Vietnamese letters are left alone. Idempotent. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pw::text {

std::string CanonicalizeToneMarks(std::string_view nfc);

// True when `word` (letters only, any case, with or without diacritics) is
// one well-formed Vietnamese syllable: "nghiêng", "Quỳnh", "duoc", "nguoi"
// are; "the", "an", "to" also are (they are spelled like Vietnamese
// syllables); "company", "and", "José", "hoaf" are not.
bool IsVietnameseSyllable(std::string_view word);

// True for a letter of the Vietnamese alphabet in either case, with or
// without a tone mark: a..z (f j w z in loanwords), đ, ă â ê ô ơ ư and every
// vowel with one of the five tone marks. False for ä, ñ, ç, ß, ø, ...
bool IsVietnameseLetter(char32_t c);

}  // namespace pw::text
