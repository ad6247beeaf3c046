#include "text/site_rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/lines.h"
#include "common/url.h"

namespace pw::text {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKeys = "host, body, lead, title, author, published, drop, drop-text";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

bool IsName(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c == '-' || c == '_' || c == '.';
  });
}

bool IsHost(std::string_view s) {
  if (s == "*") return true;
  return !s.empty() && s.front() != '.' && s.back() != '.' &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) {
           return std::islower(c) || std::isdigit(c) || c == '-' || c == '.';
         });
}

std::string ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> SiteFiles(const std::string& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".site") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Checks what a whole rule needs once its last line is read.
void FinishRule(const SiteRule& rule, std::vector<std::string>& errors) {
  if (rule.hosts.empty()) {
    errors.push_back(rule.where + ": site '" + rule.name + "' has no host line");
    return;
  }
  const bool every = std::find(rule.hosts.begin(), rule.hosts.end(), "*") != rule.hosts.end();
  if (every && rule.hosts.size() > 1)
    errors.push_back(rule.where + ": site '" + rule.name + "': host '*' cannot be listed with other hosts");
  if (every && (!rule.body.empty() || !rule.lead.empty() || !rule.title.empty() || !rule.author.empty() ||
                !rule.published.empty()))
    errors.push_back(rule.where + ": site '" + rule.name +
                     "' is for every host (*): it may only drop (drop, drop-text)");
}

Result<SiteRules> FromErrors(SiteRules rules, const std::vector<std::string>& errors) {
  if (errors.empty()) return rules;
  std::string message = errors.front();
  if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more)";
  return Error::Malformed(std::move(message));
}

}  // namespace

void SiteRules::AddFile(std::string_view text, std::string_view file_name, std::vector<std::string>& errors) {
  std::map<std::string, std::string> names, hosts;  // -> where, of the rules already there
  for (const auto& r : rules_) {
    names.emplace(r.name, r.where);
    for (const auto& h : r.hosts)
      if (h != "*") hosts.emplace(h, r.name);
  }
  const size_t first_new = rules_.size();
  SiteRule* current = nullptr;
  bool after_bad_site = false;
  ForEachLine(text, [&](int line_no, std::string_view raw_line) {
    const std::string_view line = Trim(raw_line);
    const std::string where = std::string(file_name) + ":" + std::to_string(line_no);
    if (line.empty() || line.front() == '#') return;

    if (line.substr(0, 5) == "site " || line == "site") {
      const std::string name(Trim(line.substr(4)));
      after_bad_site = true;
      if (!IsName(name)) {
        errors.push_back(where + ": a site name is lower-case letters, digits, '-', '_' or '.': '" + name +
                         "'");
        current = nullptr;
        return;
      }
      if (auto it = names.find(name); it != names.end()) {
        errors.push_back(where + ": site '" + name + "' is already defined at " + it->second);
        current = nullptr;
        return;
      }
      names.emplace(name, where);
      rules_.push_back(SiteRule{.name = name, .where = where});
      current = &rules_.back();
      after_bad_site = false;
      return;
    }

    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      errors.push_back(where + ": expected 'site NAME' or 'KEY: VALUE'");
      return;
    }
    const std::string key = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (!current) {
      // The lines after a bad "site" line are skipped: that line is the error.
      if (!after_bad_site) errors.push_back(where + ": '" + key + "' before any 'site NAME' line");
      return;
    }
    if (value.empty()) {
      errors.push_back(where + ": " + key + ": no value");
      return;
    }
    if (key == "host") {
      std::string list(value);
      std::replace(list.begin(), list.end(), ',', ' ');
      std::istringstream words(list);
      for (std::string h; words >> h;) {
        h = Lower(h);
        if (!IsHost(h)) {
          errors.push_back(where + ": host: '" + h + "' is not a host name");
        } else if (auto it = hosts.find(h); it != hosts.end()) {
          errors.push_back(where + ": host '" + h + "' already belongs to site '" + it->second + "'");
        } else {
          if (h != "*") hosts.emplace(h, current->name);
          current->hosts.push_back(h);
        }
      }
    } else if (key == "drop-text") {
      RE2::Options options;
      options.set_log_errors(false);
      auto re = std::make_shared<const RE2>(re2::StringPiece(value.data(), value.size()), options);
      if (!re->ok()) {
        errors.push_back(where + ": drop-text: " + re->error());
        return;
      }
      current->drop_text.push_back(SitePattern{std::move(re), std::string(value), where});
    } else {
      std::vector<SiteSelector>* list = key == "body"        ? &current->body
                                        : key == "lead"      ? &current->lead
                                        : key == "title"     ? &current->title
                                        : key == "author"    ? &current->author
                                        : key == "published" ? &current->published
                                        : key == "drop"      ? &current->drop
                                                             : nullptr;
      if (!list) {
        errors.push_back(where + ": unknown key '" + key + "' (expected " + std::string(kKeys) + ")");
        return;
      }
      auto selector = Selector::Parse(value);
      if (!selector) {
        errors.push_back(where + ": " + key + ": " + selector.error().message);
        return;
      }
      list->push_back(SiteSelector{std::move(*selector), where});
    }
  });
  for (size_t i = first_new; i < rules_.size(); ++i) FinishRule(rules_[i], errors);
}

Result<SiteRules> SiteRules::Parse(std::string_view text, std::string_view file_name) {
  SiteRules rules;
  std::vector<std::string> errors;
  rules.AddFile(text, file_name, errors);
  return FromErrors(std::move(rules), errors);
}

Result<SiteRules> SiteRules::Load(const std::string& dir) {
  SiteRules rules;
  std::vector<std::string> errors;
  for (const auto& path : SiteFiles(dir)) rules.AddFile(ReadWholeFile(path), path.string(), errors);
  return FromErrors(std::move(rules), errors);
}

std::vector<std::string> SiteRules::Check(const std::string& dir) {
  SiteRules rules;
  std::vector<std::string> errors;
  for (const auto& path : SiteFiles(dir)) rules.AddFile(ReadWholeFile(path), path.string(), errors);
  return errors;
}

std::vector<const SiteRule*> SiteRules::For(std::string_view url) const {
  std::vector<const SiteRule*> out;
  for (const auto& r : rules_)
    if (r.is_every_host()) out.push_back(&r);
  const std::string host = HostOf(url);
  if (host.empty()) return out;
  const SiteRule* best = nullptr;
  size_t best_length = 0;
  for (const auto& r : rules_) {
    for (const auto& h : r.hosts) {
      if (h == "*" || h.size() <= best_length) continue;
      const bool same = host == h;
      const bool parent = host.size() > h.size() && host.compare(host.size() - h.size(), h.size(), h) == 0 &&
                          host[host.size() - h.size() - 1] == '.';
      if (same || parent) {
        best = &r;
        best_length = h.size();
      }
    }
  }
  if (best) out.push_back(best);
  return out;
}

}  // namespace pw::text
