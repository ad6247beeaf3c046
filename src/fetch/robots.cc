#include "fetch/robots.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "common/url.h"

namespace pw::fetch {

namespace {

constexpr size_t kMaxBytes = 500 * 1024;
constexpr double kMaxCrawlDelaySeconds = 86400;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kUnknown };

// The key, forgiving the spellings Google's parser forgives.
Key KeyOf(std::string_view raw) {
  const std::string k = Lower(Trim(raw));
  if (k == "user-agent" || k == "useragent" || k == "user agent" || k == "user_agent") return Key::kUserAgent;
  if (k == "allow") return Key::kAllow;
  if (k == "disallow" || k == "dissallow" || k == "dissalow" || k == "disalow" || k == "diasllow" ||
      k == "disallaw")
    return Key::kDisallow;
  if (k == "crawl-delay" || k == "crawldelay" || k == "crawl delay") return Key::kCrawlDelay;
  if (k == "sitemap" || k == "site-map") return Key::kSitemap;
  return Key::kUnknown;
}

// Percent-encodes bytes outside ASCII and upper-cases the hex of %xx escapes,
// so that the two spellings of a path compare equal.
std::string NormalizePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(path[i + 2]))) {
      out += '%';
      out += char(std::toupper(static_cast<unsigned char>(path[i + 1])));
      out += char(std::toupper(static_cast<unsigned char>(path[i + 2])));
      i += 2;
    } else if (c >= 0x80) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Google's matcher: "*" any run, a final "$" the end; otherwise a prefix match.
bool Matches(std::string_view path, std::string_view pattern) {
  const size_t length = path.size();
  std::vector<size_t> positions{0};
  positions.reserve(length + 1);
  for (size_t p = 0; p < pattern.size(); ++p) {
    const char c = pattern[p];
    if (c == '$' && p + 1 == pattern.size()) return positions.back() == length;
    if (c == '*') {
      const size_t first = positions.front();
      positions.clear();
      for (size_t i = first; i <= length; ++i) positions.push_back(i);
      continue;
    }
    size_t kept = 0;
    for (size_t pos : positions)
      if (pos < length && path[pos] == c) positions[kept++] = pos + 1;
    positions.resize(kept);
    if (positions.empty()) return false;
  }
  return true;
}

}  // namespace

std::string AgentToken(std::string_view user_agent) {
  user_agent = Trim(user_agent);
  if (!user_agent.empty() && user_agent.front() == '*') return "*";
  std::string out;
  for (char c : user_agent) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' && c != '_') break;
    out += char(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

Robots Robots::AllowAll() { return Robots(); }

Robots Robots::DisallowAll() {
  Robots r;
  r.disallow_all_ = true;
  return r;
}

Robots Robots::ForStatus(int status, std::string_view body) {
  if (status >= 200 && status < 300) return Parse(body);
  if (status >= 400 && status < 500 && status != 429) return AllowAll();
  return DisallowAll();  // 5xx, 429, no answer: unreachable
}

Robots Robots::Parse(std::string_view body) {
  Robots r;
  body = body.substr(0, std::min(body.size(), kMaxBytes));
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  Group* current = nullptr;
  bool in_agent_lines = false;  // the lines just read were User-agent lines
  size_t begin = 0;
  while (begin < body.size()) {
    size_t end = body.find_first_of("\r\n", begin);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(begin, end - begin);
    begin = end + 1;
    if (end < body.size() && body[end] == '\r' && begin < body.size() && body[begin] == '\n') ++begin;

    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    std::string_view key, value;
    if (const size_t colon = line.find(':'); colon != std::string_view::npos) {
      key = line.substr(0, colon);
      value = Trim(line.substr(colon + 1));
    } else {
      // "Disallow /x": a missing colon, when what comes before the space is a key.
      const size_t space = line.find_first_of(" \t");
      if (space == std::string_view::npos) continue;
      key = line.substr(0, space);
      value = Trim(line.substr(space + 1));
      if (KeyOf(key) == Key::kUnknown) continue;
    }
    switch (KeyOf(key)) {
      case Key::kUserAgent: {
        if (!in_agent_lines || !current) {
          r.groups_.emplace_back();
          current = &r.groups_.back();
        }
        in_agent_lines = true;
        if (std::string token = AgentToken(value); !token.empty())
          current->agents.push_back(std::move(token));
        break;
      }
      case Key::kAllow:
      case Key::kDisallow:
        in_agent_lines = false;
        if (current && !value.empty())
          current->rules.push_back(Rule{KeyOf(key) == Key::kAllow, NormalizePath(value)});
        break;
      case Key::kCrawlDelay: {
        in_agent_lines = false;
        const std::string number(value);
        char* stop = nullptr;
        const double seconds = std::strtod(number.c_str(), &stop);
        if (current && !current->crawl_delay && stop != number.c_str() && std::isfinite(seconds) &&
            seconds >= 0)
          current->crawl_delay = std::chrono::milliseconds(
              static_cast<long long>(std::min(seconds, kMaxCrawlDelaySeconds) * 1000));
        break;
      }
      case Key::kSitemap:
        if (!value.empty()) r.sitemaps_.emplace_back(value);
        break;
      case Key::kUnknown:
        break;
    }
  }
  return r;
}

std::vector<const Robots::Group*> Robots::GroupsFor(std::string_view agent) const {
  const std::string token = AgentToken(agent);
  std::vector<const Group*> own, any;
  for (const auto& g : groups_) {
    for (const auto& a : g.agents) {
      if (!token.empty() && a == token) {
        own.push_back(&g);
        break;
      }
      if (a == "*") {
        any.push_back(&g);
        break;
      }
    }
  }
  return own.empty() ? any : own;
}

bool Robots::Allowed(std::string_view agent, std::string_view path) const {
  std::string target(path);
  if (path.substr(0, 7) == "http://" || path.substr(0, 8) == "https://") {
    auto parts = SplitUrl(path);
    target = parts ? std::move(parts->target) : std::string();
  }
  if (target.empty()) target.push_back('/');  // push_back: g++ 12 warns falsely (-Wrestrict) on = "/"
  if (target == "/robots.txt") return true;
  if (disallow_all_) return false;
  const std::string normalized = NormalizePath(target);
  long best_allow = -1, best_disallow = -1;
  for (const Group* g : GroupsFor(agent)) {
    for (const Rule& rule : g->rules) {
      const long length = static_cast<long>(rule.pattern.size());
      if (length <= (rule.allow ? best_allow : best_disallow)) continue;
      if (!Matches(normalized, rule.pattern)) continue;
      (rule.allow ? best_allow : best_disallow) = length;
    }
  }
  return best_disallow < 0 || best_allow >= best_disallow;
}

std::optional<std::chrono::milliseconds> Robots::CrawlDelay(std::string_view agent) const {
  for (const Group* g : GroupsFor(agent))
    if (g->crawl_delay) return g->crawl_delay;
  return std::nullopt;
}

}  // namespace pw::fetch
