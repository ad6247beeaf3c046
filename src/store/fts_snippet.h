// store/fts_snippet.h: the SQL function pw_snippet(fts_table, column, text,
// open, close, ellipsis, tokens), FTS5's snippet() for an index that keeps
// no copy of the text (a contentless table, `content=''`: search_index.h).
//
// FTS5's snippet() reads the column's text from the table; a contentless
// table has none. pw_snippet is handed the text instead (search reads it from
// `main.articles`), takes the matches' token positions from the index
// (xInst, kept by a contentless table), the tokens' bytes from the table's
// tokenizer run over that text (xTokenize), and chooses and marks the window
// by FTS5's own algorithm (ext/fts5/fts5_aux.c of SQLite 3.40,
// fts5SnippetFunction), written here again:
//   - each match, and the start of the sentence before it, is a candidate
//     window of `tokens` tokens; a window scores 1000 for each phrase first
//     seen in it and 1 for each repeat, a sentence start 100 more (120 at the
//     column's first token); the first best wins; a match's window is
//     centred on the matches it holds and kept inside the column;
//   - the window's text is copied, matches (overlapping ones joined) between
//     `open` and `close`, with `ellipsis` before it unless it starts the
//     column and after it unless it ends it;
//   - its corners too: a window of one token (a range ending at token 0 means
//     "no range" to FTS5), a text cut at a NUL byte as sqlite3_mprintf cuts,
//     NULL only for a NULL text ('' for an empty one).
// So that search shows what FTS5's snippet() showed, byte for byte
// (tests/store/fts_snippet_test.cc compares the two live, on the corpus).
//
//   SELECT pw_snippet(articles_fts, 1, a.text, char(2), char(3), '…', 24)
//     FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?
//
// The text must be the one indexed in that row: a match past its last token
// is an error (SQLITE_CORRUPT_VTAB, as FTS5's). Internal to pw_store.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace pw::store {

// A token of the text: its bytes [start, end).
struct TokenSpan {
  int start = 0;
  int end = 0;
};

// A phrase's match in the column, in the order FTS5's xInst gives them.
struct PhraseMatch {
  int phrase = 0;  // 0 .. phrases - 1
  int offset = 0;  // its first token
  int size = 1;    // its tokens
};

struct SnippetMarks {
  std::string_view open, close, ellipsis;
  int tokens = 24;  // the window's length
};

// The snippet of one column: `text` with its `tokens` (as the tokenizer gives
// them; `column_size` is the index's count, the same for the indexed text),
// the query's `phrases` and their matches in this column. nullopt when a
// match lies past the column's tokens (not the text indexed). Pure.
std::optional<std::string> ColumnSnippet(std::string_view text, const std::vector<TokenSpan>& tokens, int column_size,
                                         int phrases, const std::vector<PhraseMatch>& matches,
                                         const SnippetMarks& marks);

// Registers pw_snippet on one connection; false if FTS5 is unavailable.
bool RegisterSnippet(sqlite3* db);

}  // namespace pw::store
