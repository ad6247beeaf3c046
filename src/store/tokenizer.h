// store/tokenizer.h: the FTS5 tokenizer "presswatch", so that full-text
// search is accent- and case-insensitive for Vietnamese, đ included.
//
// A token is a run of letters, digits and combining marks; it is indexed by
// its text::SearchKey ("Đầu" -> "dau") with the byte offsets of the original,
// so snippet() and highlight() show the text as written. The same tokenizer
// reads queries, so "dau tu" finds "đầu tư". Internal to pw_store.
#pragma once

struct sqlite3;

namespace pw::store {

// Registers the tokenizer on one connection; false if FTS5 is unavailable.
bool RegisterTokenizer(sqlite3* db);

}  // namespace pw::store
