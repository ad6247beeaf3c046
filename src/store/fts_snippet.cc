#include "store/fts_snippet.h"

#include <algorithm>
#include <cstdint>

#include "store/fts5_abi.h"

namespace pw::store {

namespace {

// FTS5's token flag for a synonym at the same position (fts5.h): not a
// position of its own. The presswatch tokenizer emits none; kept for fidelity.
constexpr int kTokenColocated = 0x0001;

// Appends up to `n` bytes of `text` from `from` (all that remain when `n` is
// negative), stopping at a NUL byte: what FTS5's fts5HighlightAppend does
// with sqlite3_mprintf("%.*s").
void AppendAsFts5(std::string& out, std::string_view text, std::int64_t from, std::int64_t n) {
  if (from < 0 || from > static_cast<std::int64_t>(text.size())) return;
  std::string_view rest = text.substr(static_cast<size_t>(from));
  if (n >= 0 && static_cast<size_t>(n) < rest.size()) rest = rest.substr(0, static_cast<size_t>(n));
  if (const size_t nul = rest.find('\0'); nul != std::string_view::npos) rest = rest.substr(0, nul);
  out += rest;
}

void AppendAsFts5(std::string& out, std::string_view marker) { AppendAsFts5(out, marker, 0, -1); }

// The tokens that begin a sentence: the first, and each one preceded by
// whitespace after a '.' or ':' (fts5SentenceFinderCb).
std::vector<int> SentenceStarts(std::string_view text, const std::vector<TokenSpan>& tokens) {
  std::vector<int> starts;
  for (size_t position = 0; position < tokens.size(); ++position) {
    if (position == 0) {
      starts.push_back(0);
      continue;
    }
    const int start = tokens[position].start;
    int i = start - 1;
    char c = 0;
    for (; i >= 0; --i) {
      c = text[static_cast<size_t>(i)];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    }
    if (i != start - 1 && (c == '.' || c == ':')) starts.push_back(static_cast<int>(position));
  }
  return starts;
}

// The score of the window of `length` tokens from `from` (fts5SnippetScore):
// 1000 for each phrase first seen in it, 1 for each repeat. With `adjusted`,
// also where the window should start to centre the matches it holds, kept
// inside the column.
int WindowScore(const std::vector<PhraseMatch>& matches, int phrases, int column_size, int from, int length,
                int* adjusted) {
  std::vector<unsigned char> seen(static_cast<size_t>(phrases > 0 ? phrases : 0), 0);
  const std::int64_t end = std::int64_t{from} + length;
  int score = 0, first = -1, last = 0;
  // Matches are in token order (ColumnSnippet): only the window's are read.
  auto m = std::lower_bound(matches.begin(), matches.end(), from,
                            [](const PhraseMatch& x, int offset) { return x.offset < offset; });
  for (; m != matches.end() && m->offset < end; ++m) {
    unsigned char& was_seen = seen[static_cast<size_t>(m->phrase)];
    score += was_seen ? 1 : 1000;
    was_seen = 1;
    if (first < 0) first = m->offset;
    last = m->offset + m->size;
  }
  if (adjusted != nullptr) {
    std::int64_t start = first - (length - (last - first)) / 2;
    if (start + length > column_size) start = column_size - length;
    if (start < 0) start = 0;
    *adjusted = static_cast<int>(start);
  }
  return score;
}

// The column's matches with overlapping ones joined (fts5CInstIterNext):
// `first` and `last` token of the current one, -1 when there is none left.
class JoinedMatches {
 public:
  explicit JoinedMatches(const std::vector<PhraseMatch>& matches) : matches_(matches) { Next(); }
  void Next() {
    first = last = -1;
    for (; next_ < matches_.size(); ++next_) {
      const PhraseMatch& m = matches_[next_];
      const int end = m.offset - 1 + m.size;
      if (first < 0) {
        first = m.offset;
        last = end;
      } else if (m.offset <= last) {
        if (end > last) last = end;
      } else {
        break;
      }
    }
  }
  int first = -1, last = -1;

 private:
  const std::vector<PhraseMatch>& matches_;
  size_t next_ = 0;
};

// The window's text with its matches marked (fts5HighlightCb over each
// token, then fts5SnippetFunction's tail).
std::string MarkWindow(std::string_view text, const std::vector<TokenSpan>& tokens, int column_size,
                       const std::vector<PhraseMatch>& matches, const SnippetMarks& marks, int window_start) {
  std::string out;
  const int range_start = window_start;
  const int range_end = window_start + marks.tokens - 1;  // FTS5 reads 0 here as "no range"
  if (window_start > 0) AppendAsFts5(out, marks.ellipsis);
  JoinedMatches match(matches);
  while (match.first >= 0 && match.first < window_start) match.Next();
  std::int64_t copied = 0;  // bytes of text already in `out`, or skipped
  for (size_t p = 0; p < tokens.size(); ++p) {
    const int position = static_cast<int>(p);
    const TokenSpan& token = tokens[p];
    if (range_end > 0) {
      if (position < range_start || position > range_end) continue;
      if (range_start != 0 && position == range_start) copied = token.start;
    }
    if (position == match.first) {
      AppendAsFts5(out, text, copied, token.start - copied);
      AppendAsFts5(out, marks.open);
      copied = token.start;
    }
    if (position == match.last) {
      if (range_end != 0 && match.first < range_start) AppendAsFts5(out, marks.open);
      AppendAsFts5(out, text, copied, token.end - copied);
      AppendAsFts5(out, marks.close);
      copied = token.end;
      match.Next();
    }
    if (range_end > 0 && position == range_end) {
      AppendAsFts5(out, text, copied, token.end - copied);
      copied = token.end;
      if (position >= match.first && position < match.last) AppendAsFts5(out, marks.close);
    }
  }
  if (range_end >= column_size - 1) AppendAsFts5(out, text, copied, static_cast<std::int64_t>(text.size()) - copied);
  else AppendAsFts5(out, marks.ellipsis);
  return out;
}

}  // namespace

std::optional<std::string> ColumnSnippet(std::string_view text, const std::vector<TokenSpan>& tokens, int column_size,
                                         int phrases, const std::vector<PhraseMatch>& matches,
                                         const SnippetMarks& marks) {
  const std::vector<int> sentences = SentenceStarts(text, tokens);
  // WindowScore and MarkWindow read the matches in token order, as FTS5
  // gives a row's (fts5CacheInstArray).
  const auto by_offset = [](const PhraseMatch& a, const PhraseMatch& b) { return a.offset < b.offset; };
  if (!std::is_sorted(matches.begin(), matches.end(), by_offset)) {
    std::vector<PhraseMatch> sorted = matches;
    std::stable_sort(sorted.begin(), sorted.end(), by_offset);
    return ColumnSnippet(text, tokens, column_size, phrases, sorted, marks);
  }
  int best_score = 0, best_start = 0;
  for (size_t i = 0; i < matches.size(); ++i) {
    const PhraseMatch& m = matches[i];
    if (m.offset > column_size || m.phrase < 0 || m.phrase >= phrases) return std::nullopt;
    // Several phrases matching at one token give the same windows: scored once.
    if (i > 0 && matches[i - 1].offset == m.offset) continue;
    int start = 0;
    int score = WindowScore(matches, phrases, column_size, m.offset, marks.tokens, &start);
    if (score > best_score) {
      best_score = score;
      best_start = start;
    }
    // The sentence the match is in, from its start, if the column is longer
    // than a window: preferred at equal matches.
    if (!sentences.empty() && column_size > marks.tokens) {
      size_t s = 0;
      while (s + 1 < sentences.size() && sentences[s + 1] <= m.offset) ++s;
      if (sentences[s] < m.offset) {
        score = WindowScore(matches, phrases, column_size, sentences[s], marks.tokens, nullptr) +
                (sentences[s] == 0 ? 120 : 100);
        if (score > best_score) {
          best_score = score;
          best_start = sentences[s];
        }
      }
    }
  }
  return MarkWindow(text, tokens, column_size, matches, marks, best_start);
}

namespace {

int CollectToken(void* tokens, int flags, const char*, int, int start, int end) {
  if ((flags & kTokenColocated) == 0) static_cast<std::vector<TokenSpan>*>(tokens)->push_back({start, end});
  return SQLITE_OK;
}

std::string_view TextOf(sqlite3_value* v) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return text == nullptr ? std::string_view() : std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(v)));
}

// pw_snippet(fts_table, column, text, open, close, ellipsis, tokens).
void Snippet(const fts5::ExtensionApi* api, fts5::Context* ctx, sqlite3_context* result, int argc,
             sqlite3_value** argv) {
  if (argc != 6) {
    sqlite3_result_error(result, "wrong number of arguments to function pw_snippet()", -1);
    return;
  }
  const int column = sqlite3_value_int(argv[0]);
  if (column < 0 || column >= api->xColumnCount(ctx)) {
    sqlite3_result_error_code(result, SQLITE_RANGE);
    return;
  }
  // No text (NULL), no snippet: FTS5's answer for a NULL column.
  if (sqlite3_value_text(argv[1]) == nullptr) {
    sqlite3_result_null(result);
    return;
  }
  const std::string_view text = TextOf(argv[1]);
  const SnippetMarks marks{TextOf(argv[2]), TextOf(argv[3]), TextOf(argv[4]), sqlite3_value_int(argv[5])};

  int rc = SQLITE_OK, instances = 0, column_size = 0;
  std::vector<PhraseMatch> matches;
  if ((rc = api->xInstCount(ctx, &instances)) == SQLITE_OK) {
    for (int i = 0; i < instances && rc == SQLITE_OK; ++i) {
      int phrase = 0, in_column = 0, offset = 0;
      if ((rc = api->xInst(ctx, i, &phrase, &in_column, &offset)) == SQLITE_OK && in_column == column)
        matches.push_back({phrase, offset, api->xPhraseSize(ctx, phrase)});
    }
  }
  std::vector<TokenSpan> tokens;
  if (rc == SQLITE_OK)
    rc = api->xTokenize(ctx, text.data(), static_cast<int>(text.size()), &tokens, CollectToken);
  if (rc == SQLITE_OK) rc = api->xColumnSize(ctx, column, &column_size);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  const auto snippet = ColumnSnippet(text, tokens, column_size, api->xPhraseCount(ctx), matches, marks);
  if (!snippet) sqlite3_result_error_code(result, SQLITE_CORRUPT_VTAB);
  else sqlite3_result_text(result, snippet->data(), static_cast<int>(snippet->size()), SQLITE_TRANSIENT);
}

}  // namespace

bool RegisterSnippet(sqlite3* db) {
  fts5::Api* api = fts5::ApiOf(db);
  if (api == nullptr) return false;
  return api->xCreateFunction(api, "pw_snippet", nullptr, Snippet, nullptr) == SQLITE_OK;
}

}  // namespace pw::store
