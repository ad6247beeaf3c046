// feed/item_key.h: the stable identity of a feed item.
//
// A re-poll, or the same item re-published with tracking parameters, must map
// to the same key, so that nothing is stored twice:
//   guid present                -> "guid:" + guid
//   else a link                 -> "url:" + CanonicalUrl(link)   (utm_*, fragment removed)
//   else                        -> "hash:" + 16 hex digits of FNV-1a(title \x1f content)
// Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace pw::feed {

std::string ItemKey(std::string_view guid, std::string_view link, std::string_view title,
                    std::string_view content);

// 64-bit FNV-1a, as 16 lower-case hex digits: stable across runs and machines.
std::string StableHash(std::string_view bytes);

}  // namespace pw::feed
