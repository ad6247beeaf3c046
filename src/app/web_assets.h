// app/web_assets.h: the dashboard's static files (src/app/web/), built into
// the binary.
//
// src/app/web/embed.cmake turns each file listed in src/app/CMakeLists.txt
// into bytes at build time, so the page served by `presswatch serve` is the
// one the binary was built with, and nothing is read or downloaded at run
// time. Each asset is served at "/" + its file name; "/" is index.html.
//
//   for (const WebAsset& a : WebAssets()) ...   // {"/app.js", "text/javascript; charset=utf-8", bytes}
//
// Pure; the data is static and immutable, so thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace pw::app {

struct WebAsset {
  std::string_view path;          // "/index.html", "/app.js", ...
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;          // the file's bytes, as checked in
};

std::span<const WebAsset> WebAssets();

}  // namespace pw::app
