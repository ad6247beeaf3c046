// store/tokenizer.h: the FTS5 tokenizer "presswatch", so that full-text
// search is accent- and case-insensitive for Vietnamese, đ included.
//
// A token is a run of letters, digits and combining marks; it is indexed by
// its text::SearchKey ("Đầu" -> "dau") with the byte offsets of the original,
// so snippets (pw_snippet, fts_snippet.h) show the text as written. The same
// tokenizer reads queries, so "dau tu" finds "đầu tư". A key is cut at 64
// bytes.
// Bytes that are not UTF-8 end a token and are skipped.
//
//   ForEachToken("Đầu tư 5,5 triệu USD", sink, ctx)
//     -> ("dau", 0, 5), ("tu", 6, 10), ("5", 11, 12), ("5", 13, 14), ("trieu", 15, 23), ("usd", 24, 27)
//
// Pure; thread-safe. Internal to pw_store.
#pragma once

#include <string_view>

struct sqlite3;

namespace pw::store {

// Registers the tokenizer on one connection; false if FTS5 is unavailable.
bool RegisterTokenizer(sqlite3* db);

// Receives one token: its key (valid for the call only) and the byte span
// [start, end) of its text. A non-zero return stops the tokenizer.
using TokenSink = int (*)(void* ctx, std::string_view key, int start, int end);

// What the tokenizer hands FTS5 for `text`, in order; returns 0, or the
// first non-zero return of `emit`.
int ForEachToken(std::string_view text, TokenSink emit, void* ctx);

}  // namespace pw::store
