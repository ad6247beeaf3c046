#include "gold.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>

namespace pw::eval {

namespace {

std::string Trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (true) {
    const auto e = s.find(sep, b);
    out.push_back(Trim(s.substr(b, e == std::string::npos ? std::string::npos : e - b)));
    if (e == std::string::npos) break;
    b = e + 1;
  }
  return out;
}

GoldName Name(const std::string& field) {
  GoldName n;
  for (auto& a : Split(field, '|'))
    if (!a.empty()) n.aliases.push_back(a);
  return n;
}

std::vector<GoldName> Names(const std::string& field) {
  std::vector<GoldName> out;
  if (Trim(field) == "-") return out;
  for (const auto& item : Split(field, ';'))
    if (!item.empty()) out.push_back(Name(item));
  return out;
}

// The first `chars` code points of UTF-8 `s`.
std::string TakeCodePoints(const std::string& s, std::size_t chars) {
  std::size_t i = 0, seen = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == chars) break;
      ++seen;
    }
    ++i;
  }
  return s.substr(0, i);
}

std::string WithoutCr(std::string s) {
  std::string out;
  for (char c : s)
    if (c != '\r') out += c;
  return out;
}

}  // namespace

std::vector<GoldArticle> ReadGold(const std::filesystem::path& file, std::vector<std::string>& errors) {
  std::vector<GoldArticle> out;
  std::ifstream in(file);
  if (!in) {
    errors.push_back(file.string() + ": cannot read");
    return out;
  }
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    const std::string where = file.string() + ":" + std::to_string(no) + ": ";
    if (Trim(line).empty() || line[0] == '#') continue;
    if (line.rfind("@ ", 0) == 0) {
      GoldArticle a;
      a.file_line = no;
      const auto bar = line.find(" | ");
      std::istringstream head(line.substr(2, bar == std::string::npos ? std::string::npos : bar - 2));
      std::string published;
      if (!(head >> a.id >> a.split >> a.language >> a.source >> a.line >> a.chars >> published)) {
        errors.push_back(where + "expected '@ ID SPLIT LANG SOURCE LINE CHARS PUBLISHED | title'");
        continue;
      }
      if (a.split != "dev" && a.split != "heldout") errors.push_back(where + "split must be dev or heldout");
      a.published = published == "-" ? "" : published;
      if (bar != std::string::npos) a.title_excerpt = line.substr(bar + 3);
      out.push_back(std::move(a));
      continue;
    }
    if (out.empty()) {
      errors.push_back(where + "annotation before the first '@' line");
      continue;
    }
    GoldArticle& a = out.back();
    const auto space = line.find(' ');
    const std::string kind = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    if (kind == "ORG") a.orgs = Names(rest);
    else if (kind == "PER") a.pers = Names(rest);
    else if (kind == "LOC") a.locs = Names(rest);
    else if (kind == "F") {
      // Fields are separated by " | "; aliases inside a field by a bare '|'.
      std::vector<std::string> f;
      for (std::size_t b = 0;;) {
        const auto e = rest.find(" | ", b);
        f.push_back(Trim(rest.substr(b, e == std::string::npos ? std::string::npos : e - b)));
        if (e == std::string::npos) break;
        b = e + 3;
      }
      if (f.size() != 5) {
        errors.push_back(where + "expected 'F investee | investors | leads | AMOUNT CUR | round'");
        continue;
      }
      GoldFunding g;
      const std::size_t n = f.size();
      g.investee = Name(f[0]);
      g.investors = Names(f[n - 4]);
      g.leads = Names(f[n - 3]);
      if (f[n - 2] != "-") {
        std::istringstream money(f[n - 2]);
        double amount = 0;
        if (!(money >> amount >> g.currency)) {
          errors.push_back(where + "amount must be 'NUMBER CURRENCY' or '-'");
          continue;
        }
        g.amount = amount;
      }
      g.round = f[n - 1] == "-" ? "" : f[n - 1];
      a.funding.push_back(std::move(g));
    } else {
      errors.push_back(where + "unknown line kind '" + kind + "' (F, ORG, PER, LOC)");
    }
  }
  return out;
}

std::optional<std::set<std::string>> ReadIds(const std::filesystem::path& file, std::string& error) {
  std::ifstream in(file);
  if (!in) {
    error = "cannot read " + file.string();
    return std::nullopt;
  }
  std::set<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    line = Trim(line.substr(0, line.find('#')));
    if (!line.empty()) ids.insert(line);
  }
  if (ids.empty()) {
    error = file.string() + " lists no article";
    return std::nullopt;
  }
  return ids;
}

std::optional<std::string> ArticleText(const std::filesystem::path& articles_dir, const GoldArticle& a,
                                       std::string& error) {
  const auto path = articles_dir / a.source;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path.string() + ": cannot read";
    return std::nullopt;
  }
  std::string title, body;
  if (a.line > 0) {
    std::string record;
    for (int i = 0; i < a.line && std::getline(in, record); ++i) {
    }
    boost::system::error_code ec;
    const auto value = boost::json::parse(record, ec);
    if (ec || !value.is_object()) {
      error = path.string() + ":" + std::to_string(a.line) + ": not a JSON object";
      return std::nullopt;
    }
    const auto& o = value.as_object();
    auto str = [&](const char* key) -> std::string {
      const auto* v = o.if_contains(key);
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    title = str("title");
    body = str("text");
    if (body.empty()) body = str("content");
  } else {
    std::string l;
    bool have_title = false;
    while (std::getline(in, l)) {
      if (l.rfind("# ", 0) == 0 || Trim(l).empty()) continue;
      if (!have_title) {
        title = l;
        have_title = true;
      } else {
        body += (body.empty() ? "" : "\n") + l;
      }
    }
  }
  return title + "\n\n" + TakeCodePoints(WithoutCr(body), a.chars);
}

}  // namespace pw::eval
