// common/json_string.h: a string written as a JSON string literal, appended
// to an output buffer without a temporary (feeds put megabytes of HTML
// through the CLI's JSON, and the store writes a JSON array per article).
//
//   std::string out;
//   AppendJsonString(out, "Quỹ \"GenAI\"\n");   // out == "\"Quỹ \\\"GenAI\\\"\\n\""
//
// Escapes as Boost.JSON's serializer and SQLite's json functions do: `"` and
// `\`, the short forms \b \f \n \r \t, \u00XX for the other control
// characters; every other byte (UTF-8 included) as it is. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pw {

void AppendJsonString(std::string& out, std::string_view s);

}  // namespace pw
