// store/fts5_abi.h: the parts of SQLite's FTS5 extension interface that
// presswatch uses, declared here because Debian's libsqlite3-dev does not
// ship fts5.h. Layouts follow the FTS5 documentation (sqlite.org/fts5.html,
// "Extending FTS5"); members are in their documented order, and only the
// leading ones presswatch calls are declared (the structs are only ever
// read through pointers SQLite hands out). Internal to pw_store.
#pragma once

#include <sqlite3.h>

namespace pw::store::fts5 {

struct Context;  // Fts5Context
struct Tokenizer;  // Fts5Tokenizer

struct ExtensionApi {  // Fts5ExtensionApi, version 2 and later
  int iVersion;
  void* (*xUserData)(Context*);
  int (*xColumnCount)(Context*);
  int (*xRowCount)(Context*, sqlite3_int64* rows);
  int (*xColumnTotalSize)(Context*, int column, sqlite3_int64* tokens);
  int (*xTokenize)(Context*, const char* text, int length, void* user,
                   int (*token)(void*, int, const char*, int, int, int));
  int (*xPhraseCount)(Context*);
  int (*xPhraseSize)(Context*, int phrase);
  int (*xInstCount)(Context*, int* instances);
  int (*xInst)(Context*, int index, int* phrase, int* column, int* offset);
  sqlite3_int64 (*xRowid)(Context*);
  int (*xColumnText)(Context*, int column, const char** text, int* length);
  int (*xColumnSize)(Context*, int column, int* tokens);
  int (*xQueryPhrase)(Context*, int phrase, void* user, int (*row)(const ExtensionApi*, Context*, void*));
  int (*xSetAuxdata)(Context*, void* aux, void (*destroy)(void*));
  void* (*xGetAuxdata)(Context*, int clear);
};

using ExtensionFunction = void (*)(const ExtensionApi* api, Context* ctx, sqlite3_context* result, int argc,
                                   sqlite3_value** argv);

struct TokenizerModule {  // fts5_tokenizer
  int (*xCreate)(void*, const char** args, int argc, Tokenizer** out);
  void (*xDelete)(Tokenizer*);
  int (*xTokenize)(Tokenizer*, void* ctx, int flags, const char* text, int length,
                   int (*token)(void* ctx, int flags, const char* token, int length, int start, int end));
};

struct Api {  // fts5_api, version 2 and later
  int iVersion;
  int (*xCreateTokenizer)(Api*, const char* name, void* user, TokenizerModule* tokenizer, void (*destroy)(void*));
  int (*xFindTokenizer)(Api*, const char* name, void** user, TokenizerModule* tokenizer);
  int (*xCreateFunction)(Api*, const char* name, void* user, ExtensionFunction function, void (*destroy)(void*));
};

// The connection's FTS5 API, or nullptr when FTS5 is not compiled in.
Api* ApiOf(sqlite3* db);

}  // namespace pw::store::fts5
