#include "app/config.h"

#include <algorithm>
#include <set>
#include <thread>

#include <toml++/toml.h>

#include "common/error.h"

namespace pw::app {

namespace {

std::string Where(const std::string& path, const toml::source_region& r) {
  return path + ":" + std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column);
}

class Reader {
 public:
  Reader(const std::string& path, const toml::table& table, std::string section)
      : path_(path), table_(table), section_(std::move(section)) {}

  // Fails on any key not read by the time Done() is called.
  void Done() const {
    for (const auto& [key, node] : table_) {
      if (!seen_.count(std::string(key.str())))
        throw StartupError(Where(path_, key.source()) + ": unknown key '" + Qualified(std::string(key.str())) + "'");
    }
  }

  void String(const char* key, std::string& out) {
    if (const toml::node* n = Get(key)) {
      if (!n->is_string()) Fail(*n, key, "a string");
      out = *n->value<std::string>();
    }
  }

  void Int(const char* key, int& out, long min, long max) {
    if (const toml::node* n = Get(key)) {
      if (!n->is_integer()) Fail(*n, key, "a whole number");
      const long v = static_cast<long>(*n->value<int64_t>());
      if (v < min || v > max) Fail(*n, key, "between " + std::to_string(min) + " and " + std::to_string(max));
      out = static_cast<int>(v);
    }
  }

  void Size(const char* key, std::size_t& out) {
    int v = 0;
    if (Get(key)) {
      Int(key, v, 1024, 1L << 30);
      out = static_cast<std::size_t>(v);
    }
  }

  template <class Duration>
  void Seconds(const char* key, Duration& out, long min, long max) {
    int v = 0;
    if (Get(key)) {
      Int(key, v, min, max);
      out = std::chrono::duration_cast<Duration>(std::chrono::seconds(v));
    }
  }

  const toml::table* Table(const char* key) {
    if (const toml::node* n = Get(key)) {
      if (!n->is_table()) Fail(*n, key, "a table");
      return n->as_table();
    }
    return nullptr;
  }

  // A string that must be one of `choices`.
  void Choice(const char* key, std::string& out, std::initializer_list<const char*> choices) {
    if (const toml::node* n = Get(key)) {
      std::string list;
      for (const char* c : choices) list += std::string(list.empty() ? "" : ", ") + "\"" + c + "\"";
      if (!n->is_string()) Fail(*n, key, "one of " + list);
      const std::string v = *n->value<std::string>();
      if (std::find(choices.begin(), choices.end(), v) == choices.end()) Fail(*n, key, "one of " + list);
      out = v;
    }
  }

  void Bool(const char* key, bool& out) {
    if (const toml::node* n = Get(key)) {
      if (!n->is_boolean()) Fail(*n, key, "true or false");
      out = *n->value<bool>();
    }
  }

 private:
  const toml::node* Get(const char* key) {
    seen_.insert(key);
    return table_.get(key);
  }

  std::string Qualified(const std::string& key) const { return section_.empty() ? key : section_ + "." + key; }

  [[noreturn]] void Fail(const toml::node& n, const char* key, const std::string& want) const {
    throw StartupError(Where(path_, n.source()) + ": '" + Qualified(key) + "' must be " + want);
  }

  const std::string& path_;
  const toml::table& table_;
  std::string section_;
  std::set<std::string> seen_;
};

}  // namespace

int Config::DefaultWorkers() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

std::string UserAgent(const std::string& contact) {
  return "presswatch/" PW_VERSION " (+" + contact + ")";
}

Config LoadConfig(const std::string& path) {
  Config c;
  c.fetch.user_agent = UserAgent(c.contact);
  c.fetch.proxy = fetch::ProxySettings::FromEnvironment();
  if (path.empty()) return c;
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source();
    if (where.begin.line == 0) throw StartupError(path + ": cannot read the config file: " + std::string(e.description()));
    throw StartupError(Where(path, where) + ": " + std::string(e.description()));
  }
  Reader top(path, root, "");
  top.String("db", c.db);
  top.String("feeds", c.feeds);
  top.String("rules", c.rules);
  if (const toml::table* t = top.Table("fetch")) {
    Reader r(path, *t, "fetch");
    r.Seconds("connect_timeout", c.fetch.connect_timeout, 1, 600);
    r.Seconds("first_byte_timeout", c.fetch.first_byte_timeout, 1, 600);
    r.Seconds("stall_timeout", c.fetch.stall_timeout, 1, 600);
    r.Seconds("total_timeout", c.fetch.total_timeout, 1, 3600);
    r.Size("max_body_bytes", c.fetch.max_body_bytes);
    r.Size("max_inflated_bytes", c.fetch.max_inflated_bytes);
    r.Int("max_redirects", c.fetch.max_redirects, 0, 20);
    r.String("contact", c.contact);
    r.String("ca_file", c.fetch.ca_file);
    r.Bool("allow_private_redirects", c.fetch.allow_private_redirects);
    r.Done();
  }
  if (const toml::table* t = top.Table("poll")) {
    Reader r(path, *t, "poll");
    r.Seconds("interval", c.interval, 60, 7 * 24 * 3600);
    r.Int("concurrency", c.concurrency, 1, 4096);
    r.Int("per_host", c.per_host, 1, 64);
    r.Int("workers", c.workers, 1, 256);
    r.Done();
  }
  if (const toml::table* t = top.Table("server")) {
    Reader r(path, *t, "server");
    r.String("listen", c.listen);
    r.Done();
  }
  if (const toml::table* t = top.Table("log")) {
    Reader r(path, *t, "log");
    r.Choice("format", c.log_format, {"text", "json"});
    r.Choice("level", c.log_level, {"debug", "info", "warn", "error"});
    r.Done();
  }
  top.Done();
  c.fetch.user_agent = UserAgent(c.contact);
  return c;
}

}  // namespace pw::app
