#include "app/json_out.h"

#include <charconv>
#include <cmath>

#include <boost/json.hpp>

#include "common/json_string.h"
#include "common/time.h"

namespace pw::app {

namespace json = boost::json;

namespace {

json::value OrNull(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::value OrNull(const std::optional<std::string>& s) {
  return s && !s->empty() ? json::value(*s) : json::value(nullptr);
}

json::value OrNull(const std::optional<Timestamp>& t) {
  return t ? json::value(FormatTimestamp(*t)) : json::value(nullptr);
}

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

// Doubles in their shortest round-trip decimal form ("0.4731"), where
// Boost.JSON 1.81 writes "4.731E-1"; a value JSON cannot hold is null.
void ScalarTo(const json::value& v, std::string& out) {
  if (v.is_string()) {
    AppendJsonString(out, v.get_string());
  } else if (v.is_double()) {
    const double d = v.get_double();
    if (!std::isfinite(d)) {
      out += "null";
      return;
    }
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
    out.append(buffer, ec == std::errc() ? end : buffer);
  } else {
    out += json::serialize(v);
  }
}

void CompactTo(const json::value& v, std::string& out) {
  if (v.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& kv : v.get_object()) {
      if (!first) out += ',';
      first = false;
      AppendJsonString(out, kv.key());
      out += ':';
      CompactTo(kv.value(), out);
    }
    out += '}';
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const auto& x : v.get_array()) {
      if (!first) out += ',';
      first = false;
      CompactTo(x, out);
    }
    out += ']';
  } else {
    ScalarTo(v, out);
  }
}

void PrettyTo(const json::value& v, std::string& out, int indent) {
  switch (v.kind()) {
    case json::kind::object: {
      const auto& o = v.get_object();
      if (o.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      bool first = true;
      for (const auto& kv : o) {
        if (!first) out += ",\n";
        first = false;
        out.append(static_cast<size_t>(indent) + 2, ' ');
        AppendJsonString(out, kv.key());
        out += ": ";
        PrettyTo(kv.value(), out, indent + 2);
      }
      out += '\n';
      out.append(static_cast<size_t>(indent), ' ');
      out += '}';
      return;
    }
    case json::kind::array: {
      const auto& a = v.get_array();
      if (a.empty()) {
        out += "[]";
        return;
      }
      // Arrays of scalars stay on one line: ["NIC", "GenAI Fund", "AWS"].
      const bool scalars = std::all_of(a.begin(), a.end(), [](const json::value& x) {
        return !x.is_object() && !x.is_array();
      });
      if (scalars) {
        out += "[";
        for (size_t i = 0; i < a.size(); ++i) {
          if (i) out += ", ";
          ScalarTo(a[i], out);
        }
        out += "]";
        return;
      }
      out += "[\n";
      for (size_t i = 0; i < a.size(); ++i) {
        if (i) out += ",\n";
        out.append(static_cast<size_t>(indent) + 2, ' ');
        PrettyTo(a[i], out, indent + 2);
      }
      out += '\n';
      out.append(static_cast<size_t>(indent), ' ');
      out += ']';
      return;
    }
    default:
      ScalarTo(v, out);
  }
}

}  // namespace

json::value Number(double v) {
  if (std::isfinite(v) && std::floor(v) == v && std::fabs(v) < 9e15) return json::value(static_cast<std::int64_t>(v));
  return json::value(v);
}

std::string Compact(const json::value& v) {
  std::string out;
  CompactTo(v, out);
  return out;
}

std::string Pretty(const json::value& v) {
  std::string out;
  PrettyTo(v, out, 0);
  out += '\n';
  return out;
}

json::object FundingJson(const extract::FundingRecord& f) {
  json::object o;
  o["investee"] = f.investee;
  o["investors"] = Strings(f.investors);
  o["lead_investors"] = Strings(f.lead_investors);
  o["amount"] = f.amount ? Number(*f.amount) : json::value(nullptr);
  o["currency"] = OrNull(f.currency);
  o["round"] = OrNull(f.round);
  o["announced"] = OrNull(f.announced);
  o["evidence"] = f.evidence;
  return o;
}

json::value ExtractionJson(const extract::Extraction& x) {
  json::object o;
  o["language"] = x.language;
  o["text"] = x.text;
  json::array entities;
  for (const auto& e : x.entities) {
    json::object j;
    j["type"] = extract::EntityTypeName(e.type);
    j["text"] = e.text;
    j["name"] = e.name;
    j["start"] = static_cast<std::int64_t>(e.start);
    j["end"] = static_cast<std::int64_t>(e.end);
    if (e.money) {
      json::object m;
      m["amount"] = Number(e.money->amount);
      if (e.money->amount_max) m["amount_max"] = Number(*e.money->amount_max);
      m["currency"] = e.money->currency;
      j["value"] = std::move(m);
    } else if (!e.date.empty()) {
      j["value"] = e.date;
    } else if (e.percent) {
      j["value"] = Number(*e.percent);
    }
    if (!e.title.empty()) j["title"] = e.title;
    if (!e.organization.empty()) j["organization"] = e.organization;
    entities.push_back(std::move(j));
  }
  o["entities"] = std::move(entities);
  json::array funding;
  for (const auto& f : x.funding) funding.push_back(FundingJson(f));
  o["funding"] = std::move(funding);
  json::array events;
  for (const auto& e : x.events) {
    json::object j;
    j["type"] = e.type;
    j["name"] = e.name;
    j["date"] = OrNull(e.date);
    j["location"] = OrNull(e.location);
    j["participants"] = Strings(e.participants);
    j["evidence"] = e.evidence;
    events.push_back(std::move(j));
  }
  o["events"] = std::move(events);
  return o;
}

json::value FundingRowsJson(const std::vector<store::FundingRow>& rows) {
  json::array a;
  for (const auto& r : rows) {
    json::object o = FundingJson(r.record);
    o["article_url"] = r.article_url;
    o["article_title"] = r.article_title;
    o["source"] = r.source;
    o["language"] = r.language;
    o["published"] = OrNull(r.published);
    o["deal"] = r.deal;
    o["reports"] = r.reports;
    o["sources"] = Strings(r.sources);
    a.push_back(std::move(o));
  }
  return a;
}

json::value FeedJson(const feed::Feed& feed) {
  json::object o;
  o["title"] = feed.title;
  o["link"] = feed.link;
  o["description"] = feed.description;
  o["language"] = feed.language;
  o["updated"] = OrNull(feed.updated);
  o["illformed"] = feed.illformed;
  o["error"] = OrNull(feed.error);
  json::array items;
  for (const auto& item : feed.items) {
    json::object i;
    i["key"] = item.key;
    i["title"] = item.title;
    i["link"] = item.link;
    i["published"] = OrNull(item.published);
    i["updated"] = OrNull(item.updated);
    json::array authors;
    for (const auto& a : item.authors) authors.emplace_back(a.name.empty() ? a.email : a.name);
    i["authors"] = std::move(authors);
    i["categories"] = Strings(item.categories);
    i["summary"] = item.summary;
    i["content"] = item.content;
    json::array enclosures;
    for (const auto& e : item.enclosures) {
      json::object j;
      j["url"] = e.url;
      j["type"] = e.type;
      j["length"] = e.length;
      enclosures.push_back(std::move(j));
    }
    i["enclosures"] = std::move(enclosures);
    i["guid"] = OrNull(item.guid);
    i["language"] = OrNull(item.language);
    if (item.source) {
      json::object source;
      source["title"] = item.source->title;
      source["url"] = item.source->url;
      i["source"] = std::move(source);
    } else {
      i["source"] = nullptr;
    }
    items.push_back(std::move(i));
  }
  o["items"] = std::move(items);
  o["format"] = feed::FormatName(feed.format);
  o["encoding"] = feed.encoding;
  o["image"] = OrNull(feed.image);
  o["warnings"] = Strings(feed.warnings);
  return o;
}

json::value SearchJson(const std::vector<store::SearchHit>& hits) {
  json::array a;
  for (const auto& h : hits) {
    json::object o;
    o["url"] = h.url;
    o["title"] = h.title;
    o["source"] = h.source;
    o["language"] = h.language;
    o["published"] = OrNull(h.published);
    o["snippet"] = h.snippet;
    o["score"] = h.score;
    o["story"] = h.story;
    a.push_back(std::move(o));
  }
  return a;
}

json::value CoverageJson(const store::CoverageReport& r) {
  json::object o;
  o["entity"] = r.entity;
  o["total"] = r.total;
  o["stories"] = r.stories;
  json::object by_source;
  for (const auto& [k, v] : r.by_source) by_source[k] = v;
  o["by_source"] = std::move(by_source);
  json::array mentions;
  for (const auto& m : r.mentions) {
    json::object j;
    j["url"] = m.url;
    j["title"] = m.title;
    j["source"] = m.source;
    j["language"] = m.language;
    j["published"] = OrNull(m.published);
    j["snippet"] = m.snippet;
    j["story"] = m.story;
    mentions.push_back(std::move(j));
  }
  o["mentions"] = std::move(mentions);
  const auto counts = [](const std::map<std::string, std::int64_t>& m) {
    json::object c;
    for (const auto& [k, v] : m) c[k] = v;
    return c;
  };
  o["by_language"] = counts(r.by_language);
  o["by_day"] = counts(r.by_day);
  o["stories_by_source"] = counts(r.stories_by_source);
  o["stories_by_language"] = counts(r.stories_by_language);
  o["stories_by_day"] = counts(r.stories_by_day);
  json::array stories;
  for (const auto& s : r.story_list) {
    json::object j;
    j["story"] = s.id;
    j["title"] = s.title;
    j["first_published"] = OrNull(s.first_published);
    j["articles"] = s.articles;
    j["sources"] = Strings(s.sources);
    stories.push_back(std::move(j));
  }
  o["story_list"] = std::move(stories);
  return o;
}

json::value FeedsJson(const std::vector<store::FeedHealth>& feeds) {
  json::array a;
  for (const auto& f : feeds) {
    json::object o;
    o["url"] = f.url;
    o["title"] = f.title;
    o["last_fetch"] = OrNull(f.last_fetch);
    o["last_status"] = f.last_status;
    o["last_error"] = OrNull(f.last_error);
    o["etag"] = OrNull(f.etag);
    o["last_modified"] = OrNull(f.last_modified);
    o["consecutive_failures"] = f.consecutive_failures;
    o["next_poll"] = OrNull(f.next_poll);
    o["items"] = f.items;
    o["moved_to"] = OrNull(f.moved_to);
    a.push_back(std::move(o));
  }
  return a;
}

json::value EntitiesJson(const std::vector<store::EntityRow>& rows) {
  json::array a;
  for (const auto& r : rows) {
    json::object o;
    o["type"] = r.type;
    o["name"] = r.name;
    o["articles"] = r.articles;
    o["mentions"] = r.mentions;
    o["aliases"] = Strings(r.aliases);
    if (!r.title.empty()) o["title"] = r.title;
    if (!r.organization.empty()) o["organization"] = r.organization;
    o["id"] = r.id;
    a.push_back(std::move(o));
  }
  return a;
}

json::object AlertJson(const store::Alert& alert) {
  json::object o;
  o["id"] = alert.id;
  o["watch"] = alert.watch;
  o["entity"] = alert.entity;
  o["type"] = alert.entity_type;
  o["url"] = alert.mention.url;
  o["title"] = alert.mention.title;
  o["source"] = alert.mention.source;
  o["language"] = alert.mention.language;
  o["published"] = OrNull(alert.mention.published);
  o["snippet"] = alert.mention.snippet;
  o["story"] = alert.mention.story;
  o["raised"] = alert.raised;
  return o;
}

namespace {

json::object Ref(const store::EntityRef& e) {
  json::object o;
  o["id"] = e.id;
  o["type"] = e.type;
  o["name"] = e.name;
  return o;
}

json::array Refs(const std::vector<store::EntityRef>& refs) {
  json::array a;
  for (const auto& e : refs) a.push_back(Ref(e));
  return a;
}

}  // namespace

json::object ExportJson(const store::ArticleExport& r) {
  json::object o;
  o["id"] = r.id;
  o["url"] = r.url;
  o["canonical_url"] = OrNull(r.canonical_url);
  o["title"] = r.title;
  o["summary"] = r.summary;
  o["source"] = r.source;
  o["feed_url"] = r.feed_url;
  o["language"] = r.language;
  o["published"] = OrNull(r.published);
  o["published_estimated"] = r.published_estimated;
  o["first_seen"] = r.first_seen;
  o["story"] = r.story;
  o["entities"] = Refs(r.entities);
  o["seq"] = r.seq;
  return o;
}

json::object ExportJson(const store::DealExport& r) {
  json::object o;
  o["id"] = r.id;
  o["investee"] = Ref(r.investee);
  o["investors"] = Refs(r.investors);
  json::array leads;
  for (const auto id : r.lead_investor_ids) leads.emplace_back(id);
  o["lead_investor_ids"] = std::move(leads);
  o["amount"] = r.amount ? Number(*r.amount) : json::value(nullptr);
  o["currency"] = OrNull(r.currency);
  o["round"] = OrNull(r.round);
  o["announced"] = OrNull(r.announced);
  json::array reports;
  for (const auto& rep : r.reports) {
    json::object j;
    j["article_id"] = rep.article_id;
    j["url"] = rep.url;
    j["title"] = rep.title;
    j["source"] = rep.source;
    j["language"] = rep.language;
    j["published"] = OrNull(rep.published);
    j["evidence"] = rep.evidence;
    reports.push_back(std::move(j));
  }
  o["reports"] = std::move(reports);
  o["seq"] = r.seq;
  return o;
}

json::object ExportJson(const store::EntityExport& r) {
  json::object o;
  o["id"] = r.id;
  o["type"] = r.type;
  o["name"] = r.name;
  o["aliases"] = Strings(r.aliases);
  o["title"] = OrNull(r.title);
  o["organization"] = OrNull(r.organization);
  o["first_seen"] = OrNull(r.first_seen);
  o["articles"] = r.articles;
  o["mentions"] = r.mentions;
  o["seq"] = r.seq;
  return o;
}

json::object ExportJson(const store::EventExport& r) {
  json::object o;
  o["id"] = r.id;
  o["type"] = r.type;
  o["name"] = r.name;
  o["date"] = OrNull(r.date);
  o["location"] = OrNull(r.location);
  o["participants"] = Refs(r.participants);
  o["evidence"] = r.evidence;
  o["article_id"] = r.article_id;
  o["article_url"] = r.article_url;
  o["source"] = r.source;
  o["published"] = OrNull(r.published);
  o["seq"] = r.seq;
  return o;
}

}  // namespace pw::app
