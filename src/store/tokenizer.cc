#include "store/tokenizer.h"

#include <string>

#include <sqlite3.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "store/fts5_abi.h"
#include "text/search_key.h"

namespace pw::store {

namespace {

constexpr std::size_t kMaxTokenBytes = 64;

bool IsTokenCodePoint(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}

int Create(void*, const char**, int, fts5::Tokenizer** out) {
  static int instance;  // stateless: any non-null pointer will do
  *out = reinterpret_cast<fts5::Tokenizer*>(&instance);
  return SQLITE_OK;
}

void Delete(fts5::Tokenizer*) {}

int Tokenize(fts5::Tokenizer*, void* ctx, int /*flags*/, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  if (text == nullptr) return SQLITE_OK;
  const auto* s = reinterpret_cast<const uint8_t*>(text);
  std::string key;
  int32_t i = 0;
  while (i < length) {
    // Skip to the start of a token.
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !IsTokenCodePoint(c)) continue;
    key.clear();
    text::AppendSearchKey(static_cast<char32_t>(c), key);
    int32_t end = i;
    while (end < length) {
      int32_t next = end;
      U8_NEXT(s, next, length, c);
      if (c < 0 || !IsTokenCodePoint(c)) break;
      text::AppendSearchKey(static_cast<char32_t>(c), key);
      end = next;
    }
    i = end;
    if (key.empty()) continue;
    if (key.size() > kMaxTokenBytes) key.resize(kMaxTokenBytes);
    if (int rc = emit(ctx, 0, key.data(), static_cast<int>(key.size()), start, end); rc != SQLITE_OK)
      return rc;
  }
  return SQLITE_OK;
}

}  // namespace

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
