#include "store/prepared.h"

#include <algorithm>
#include <utility>

#include "common/json_string.h"
#include "common/url.h"
#include "text/search_key.h"

namespace pw::store {

namespace {

using extract::EntityType;

bool IsNamed(EntityType t) { return t == EntityType::kOrg || t == EntityType::kPer || t == EntityType::kLoc; }

// The MONEY, DATE and PERCENT mentions as one JSON array, as the v2
// migration writes them: [{"type","text","start","end","value"}]; "" if none.
std::string Figures(const extract::Extraction& x) {
  std::string out;
  for (const auto& e : x.entities) {
    if (IsNamed(e.type)) continue;
    out += out.empty() ? "[" : ",";
    out += "{\"type\":";
    AppendJsonString(out, extract::EntityTypeName(e.type));
    out += ",\"text\":";
    AppendJsonString(out, e.text);
    out += ",\"start\":" + std::to_string(e.start) + ",\"end\":" + std::to_string(e.end) + ",\"value\":";
    AppendJsonString(out, e.name);
    out += '}';
  }
  if (!out.empty()) out += ']';
  return out;
}

// The first n characters (code points) of s, as SQLite's substr(s, 1, n).
std::string FirstCharacters(const std::string& s, int n) {
  size_t end = 0;
  for (int count = 0; end < s.size(); ++end) {
    const bool starts_character = (static_cast<unsigned char>(s[end]) & 0xC0) != 0x80;
    if (starts_character && count++ == n) break;
  }
  return s.substr(0, end);
}

// The type of a named party in this article (participants may be people).
std::string_view PartyType(const extract::Extraction& x, const std::string& name) {
  for (const auto& e : x.entities)
    if (e.name == name && IsNamed(e.type)) return extract::EntityTypeName(e.type);
  return "ORG";
}

PreparedName Party(const extract::Extraction& x, const std::string& name) {
  return {PartyType(x, name), text::SearchKey(name)};
}

}  // namespace

PreparedArticle PrepareArticle(ArticleRecord record) {
  PreparedArticle p;
  p.record = std::move(record);
  const ArticleRecord& a = p.record;
  const extract::Extraction& x = a.extraction;
  p.canonical_url = CanonicalUrl(a.url);
  p.published_at = ParseTimestamp(a.published);
  p.fingerprint = MakeFingerprint(x.text);
  if (p.fingerprint) {
    p.fingerprint_bytes = p.fingerprint->ToBytes();
    p.band_keys = BandKeys(*p.fingerprint);
  }
  p.figures = Figures(x);
  for (std::size_t i = 0; i < x.entities.size(); ++i) {
    const extract::Entity& e = x.entities[i];
    if (!IsNamed(e.type)) continue;
    PreparedMention m;
    m.entity = i;
    m.type = extract::EntityTypeName(e.type);
    m.name_key = text::SearchKey(e.name);
    // The form in the text is most often the canonical name itself.
    m.alias_key = e.text == e.name ? m.name_key : text::SearchKey(e.text);
    p.mentions.push_back(std::move(m));
  }
  for (const auto& f : x.funding) {
    PreparedFunding pf;
    pf.investee = {"ORG", text::SearchKey(f.investee)};
    for (const auto& investor : f.investors) {
      pf.investors.push_back(Party(x, investor));
      pf.is_lead.push_back(std::find(f.lead_investors.begin(), f.lead_investors.end(), investor) !=
                           f.lead_investors.end());
    }
    // As AssignDeal reads a stored row: COALESCE(announced, substr(published, 1, 10), '').
    pf.announced = !f.announced.empty() ? f.announced : FirstCharacters(a.published, 10);
    p.funding.push_back(std::move(pf));
  }
  for (const auto& ev : x.events) {
    std::vector<PreparedName> participants;
    for (const auto& name : ev.participants) participants.push_back(Party(x, name));
    p.event_participants.push_back(std::move(participants));
  }
  return p;
}

PreparedUpdate PrepareUpdate(FeedUpdate update) {
  PreparedUpdate p;
  p.feed_id = update.feed_id;
  p.outcome = std::move(update.outcome);
  p.articles.reserve(update.articles.size());
  for (auto& a : update.articles) p.articles.push_back(PrepareArticle(std::move(a)));
  return p;
}

PreparedBatch PrepareBatch(std::vector<FeedUpdate> updates) {
  PreparedBatch batch;
  batch.updates.reserve(updates.size());
  for (auto& u : updates) batch.updates.push_back(PrepareUpdate(std::move(u)));
  return batch;
}

}  // namespace pw::store
