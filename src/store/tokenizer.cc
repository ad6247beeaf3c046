#include "store/tokenizer.h"

#include <array>
#include <cstdint>
#include <string>

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "store/fts5_abi.h"
#include "text/search_key.h"

namespace pw::store {

namespace {

constexpr std::size_t kMaxTokenBytes = 64;

bool IsAsciiAlnum(std::uint8_t b) {
  return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z');
}

bool IsTokenCodePointByIcu(UChar32 c) { return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK; }

// Below U+1F00 (Latin with Vietnamese's precomposed letters, combining
// marks, Greek, Cyrillic) the answer comes from a table built once: two ICU
// calls per code point cost more than the rest of the tokenizer.
constexpr UChar32 kTableSize = 0x1F00;

bool IsTokenCodePoint(UChar32 c) {
  static const std::array<bool, kTableSize> table = [] {
    std::array<bool, kTableSize> t{};
    for (UChar32 i = 0x80; i < kTableSize; ++i) t[static_cast<std::size_t>(i)] = IsTokenCodePointByIcu(i);
    return t;
  }();
  return c < kTableSize ? table[static_cast<std::size_t>(c)] : IsTokenCodePointByIcu(c);
}

int Create(void*, const char**, int, fts5::Tokenizer** out) {
  static int instance;  // stateless: any non-null pointer will do
  *out = reinterpret_cast<fts5::Tokenizer*>(&instance);
  return SQLITE_OK;
}

void Delete(fts5::Tokenizer*) {}

struct Fts5Sink {
  void* ctx;
  int (*emit)(void*, int, const char*, int, int, int);
};

int EmitToFts5(void* sink, std::string_view key, int start, int end) {
  const auto* s = static_cast<const Fts5Sink*>(sink);
  return s->emit(s->ctx, 0, key.data(), static_cast<int>(key.size()), start, end);
}

int Tokenize(fts5::Tokenizer*, void* ctx, int /*flags*/, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  if (text == nullptr || length <= 0) return SQLITE_OK;
  Fts5Sink sink{ctx, emit};
  return ForEachToken(std::string_view(text, static_cast<std::size_t>(length)), EmitToFts5, &sink);
}

}  // namespace

int ForEachToken(std::string_view text, TokenSink emit, void* ctx) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::string key;
  int32_t i = 0;
  while (i < length) {
    // ASCII bytes, most of any text, are tested and folded here; other code
    // points are decoded and folded by text::AppendSearchKey.
    if (s[i] < 0x80 && !IsAsciiAlnum(s[i])) {
      ++i;
      continue;
    }
    const int32_t start = i;
    int32_t end = i;
    key.clear();
    while (end < length) {
      const std::uint8_t b = s[end];
      if (b < 0x80) {
        if (!IsAsciiAlnum(b)) break;
        // Past kMaxTokenBytes the key is cut anyway: the rest of a long token
        // is scanned for its end but not folded (hostile input stays bounded).
        if (key.size() < kMaxTokenBytes) key += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
        ++end;
        continue;
      }
      int32_t next = end;
      UChar32 c;
      U8_NEXT(s, next, length, c);
      if (c < 0 || !IsTokenCodePoint(c)) break;
      if (key.size() < kMaxTokenBytes) text::AppendSearchKey(static_cast<char32_t>(c), key);
      end = next;
    }
    if (end == start) {  // a code point that is no token's, or bytes that are no UTF-8: skipped
      UChar32 c;
      U8_NEXT(s, i, length, c);
      continue;
    }
    i = end;
    if (key.empty()) continue;  // combining marks alone
    if (key.size() > kMaxTokenBytes) key.resize(kMaxTokenBytes);
    if (const int rc = emit(ctx, key, start, end); rc != 0) return rc;
  }
  return 0;
}

namespace fts5 {

Api* ApiOf(sqlite3* db) {
  Api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api != nullptr && api->iVersion >= 2 ? api : nullptr;
}

}  // namespace fts5

bool RegisterTokenizer(sqlite3* db) {
  fts5::Api* api = fts5::ApiOf(db);
  if (api == nullptr) return false;
  static fts5::TokenizerModule tokenizer{Create, Delete, Tokenize};
  return api->xCreateTokenizer(api, "presswatch", nullptr, &tokenizer, nullptr) == SQLITE_OK;
}

}  // namespace pw::store
