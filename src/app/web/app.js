// The presswatch dashboard: coverage, funding, search and feed health over the
// daemon's JSON API (/api/*). Plain JavaScript, no dependencies, nothing
// loaded from elsewhere. Text from the API reaches the page as text (never as
// HTML), except snippets, whose <mark> elements are kept and nothing else.
//
// State lives in the address: "#funding?investor=sovico" opens the funding
// tab with that filter, so links and the back button work. The language and
// the time zone are remembered in localStorage.
"use strict";

const DEFAULT_TZ = "Asia/Ho_Chi_Minh";
const MAX_MENTIONS = 1000;
const MENTIONS_SHOWN = 50;  // the latest mentions listed; the counts cover all  // /api/coverage's limit: up to this, the page counts days in its own zone
const state = {
  lang: "vi",
  tz: DEFAULT_TZ,
  tab: "coverage",
  params: new URLSearchParams(),
  watchlist: null,          // /api/watchlist
  coverage: null,           // {report, range}
  funding: null,            // rows as the API gave them
  sort: {key: "announced", dir: -1},
  search: null,             // {q, hits}
  feeds: null,
};

// ---- Labels, dates, numbers ----------------------------------------------

function t(key, vars = {}) {
  let text = plural(I18N[state.lang][key] ?? I18N.en[key] ?? I18N.vi[key] ?? key, state.lang, vars.n);
  for (const [name, value] of Object.entries(vars)) text = text.split("{" + name + "}").join(String(value));
  return text;
}

function locale() { return state.lang === "vi" ? "vi-VN" : "en-GB"; }
function timeZone() { return state.tz === "local" ? undefined : state.tz; }

// "2024-11-21T03:00:00Z" -> "21 thg 11, 2024 10:00" (in the chosen zone).
function formatTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (isNaN(d)) return iso;
  return new Intl.DateTimeFormat(locale(), {dateStyle: "medium", timeStyle: "short", timeZone: timeZone()}).format(d);
}

// A calendar day ("2024-11-21") shown in the page's language; no zone applies.
function formatDay(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day || "")) return day || "";
  const d = new Date(day + "T12:00:00Z");
  return new Intl.DateTimeFormat(locale(), {dateStyle: "medium", timeZone: "UTC"}).format(d);
}

// The day an instant falls on in the chosen zone: "2024-11-21".
function dayOf(iso) {
  const d = new Date(iso);
  if (isNaN(d)) return "";
  return new Intl.DateTimeFormat("en-CA", {year: "numeric", month: "2-digit", day: "2-digit", timeZone: timeZone()})
      .format(d);
}

function today() { return dayOf(new Date().toISOString()); }

// A real calendar day written "YYYY-MM-DD" ("2024-13-45" is not).
function isDay(day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(day + "T00:00:00Z");
  return !isNaN(d) && d.toISOString().slice(0, 10) === day;
}

function addDays(day, n) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function formatAmount(amount, currency) {
  if (amount === null || amount === undefined) return t("funding.undisclosed");
  try {
    return new Intl.NumberFormat(locale(), {style: "currency", currency, maximumFractionDigits: 0}).format(amount);
  } catch (e) {  // a currency code Intl does not know
    return new Intl.NumberFormat(locale()).format(amount) + " " + (currency || "");
  }
}

function roundLabel(round) { return round ? t("round." + round) : ""; }
function languageLabel(code) { return ["vi", "en"].includes(code) ? t("lang." + code) : (code || t("lang.other")); }

// ---- DOM -----------------------------------------------------------------

// el("a", {href: url}, "text", child...): attributes set as properties or
// attributes, children appended as nodes or text.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A snippet from the API is escaped text with <mark>…</mark> around the
// matches: keep the marks, turn anything else into its text.
function snippet(html) {
  const template = document.createElement("template");
  template.innerHTML = html || "";
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "MARK") out.append(el("mark", {}, node.textContent));
    else out.append(document.createTextNode(node.textContent));
  }
  return el("p", {class: "snippet"}, out);
}

function link(url, text) {
  const safe = /^https?:\/\//i.test(url || "");
  return safe ? el("a", {href: url, target: "_blank", rel: "noopener noreferrer"}, text) : el("span", {}, text);
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = !message;
}

// GET /api/...; the parsed JSON, or null after showing why in the banner.
async function api(path, params, what) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const url = path + (query.toString() ? "?" + query : "");
  let response;
  try {
    response = await fetch(url, {headers: {Accept: "application/json"}});
  } catch (e) {
    showError(t("error.api", {what, why: t("error.network")}));
    return null;
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    showError(t("error.api", {what, why: (body && body.error) || response.status + " " + response.statusText}));
    return null;
  }
  showError("");
  return body;
}

function applyLabels() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  document.getElementById("language").textContent = t("settings.switch");
  document.getElementById("tz-name").textContent =
      state.tz === "local" ? Intl.DateTimeFormat().resolvedOptions().timeZone : state.tz;
  const round = document.querySelector("#funding-form select[name=round]");
  for (const option of round.options) if (option.value) option.textContent = roundLabel(option.value);
}

function fillForm(form, params) {
  for (const input of form.elements) if (input.name && params.has(input.name)) input.value = params.get(input.name);
}

function formParams(form) {
  const params = new URLSearchParams();
  for (const input of form.elements) if (input.name && input.value !== "") params.set(input.name, input.value);
  return params;
}

// ---- Coverage ------------------------------------------------------------

async function loadWatchlist() {
  if (state.watchlist) return state.watchlist;
  state.watchlist = (await api("/api/watchlist", {}, t("coverage.watchlist"))) || {configured: false, entities: []};
  return state.watchlist;
}

function renderWatchlist(current) {
  const box = document.getElementById("entities");
  const list = state.watchlist || {entities: []};
  box.replaceChildren(
      el("span", {class: "muted"}, list.configured ? t("coverage.watchlist") : t("coverage.top")),
      ...list.entities.map((e) => el("a", {
        href: "#coverage?" + new URLSearchParams({entity: e.name, range: state.params.get("range") || "latest-week"}),
        class: "chip" + (e.name === current ? " current" : ""),
      }, e.name, e.articles !== undefined ? el("small", {}, " " + e.articles) : null)));
}

// The days a range covers: {since, until} as "YYYY-MM-DD" in the chosen
// zone, either may be "" (open).
function rangeDays(range, params, newestDay) {
  if (range === "all") return {since: "", until: ""};
  if (range === "custom") return {since: params.get("since") || "", until: params.get("until") || ""};
  if (range === "latest-week") return newestDay ? {since: addDays(newestDay, -6), until: newestDay} : {since: "", until: ""};
  const days = Number(range) || 7;
  return {since: addDays(today(), -(days - 1)), until: today()};
}

async function loadCoverage() {
  const form = document.getElementById("coverage-form");
  const params = state.params;
  await loadWatchlist();
  const entity = params.get("entity") || (state.watchlist.entities[0] || {}).name || "";
  const range = params.get("range") || "latest-week";
  form.elements.entity.value = entity;
  form.elements.range.value = range;
  fillForm(form, params);
  form.classList.toggle("show-custom", range === "custom");
  renderWatchlist(entity);
  if (!entity) return;
  const what = t("tab.coverage");
  for (const name of range === "custom" ? ["since", "until"] : []) {
    const value = params.get(name) || "";
    if (value && !isDay(value)) {
      clearCoverage();
      showError(t("error.api", {what, why: t("error.date", {name, value})}));
      return;
    }
  }
  let days = rangeDays(range, params, "");
  if (range === "latest-week") {
    const newest = await api("/api/coverage", {entity, limit: 1}, what);
    if (!newest) return;
    days = rangeDays(range, params, newest.mentions.length ? dayOf(newest.mentions[0].published) : "");
  }
  // The store counts UTC days, the page the chosen zone's: ask a day wider on
  // each side, and count here when every mention fits in one answer.
  let report = await api("/api/coverage", {entity, since: days.since && addDays(days.since, -1),
                                           until: days.until && addDays(days.until, 1), limit: MAX_MENTIONS}, what);
  if (!report) return;
  if (report.mentions.length < report.total) {
    // Too many to count here: the store's counts over the range's UTC days.
    report = await api("/api/coverage", {entity, since: days.since, until: days.until}, what);
    if (!report) return;
  }
  state.coverage = {report, days};
  renderCoverage();
}

function clearCoverage() {
  state.coverage = null;
  for (const id of ["coverage-summary", "chart", "by-outlet", "by-language", "mentions-outlet", "mentions"])
    document.getElementById(id).replaceChildren();
}

// Counts within the range. When the report lists every mention, they are
// counted here, by day in the chosen zone; else the store's counts (UTC days)
// are used as they are.
function coverageCounts(report, days) {
  const complete = report.mentions.length >= report.total;
  if (!complete) {
    const inRange = (day) => (!days.since || day >= days.since) && (!days.until || day <= days.until);
    const filterDays = (map) => Object.fromEntries(Object.entries(map || {}).filter(([d]) => inRange(d)));
    return {
      utc: true, total: report.total, stories: report.stories, bySource: report.by_source,
      byLanguage: report.by_language || {}, byDay: filterDays(report.by_day),
      storiesByDay: report.stories_by_day ? filterDays(report.stories_by_day) : null,
      mentions: report.mentions,
    };
  }
  const mentions = report.mentions.filter((m) => {
    const day = dayOf(m.published);
    return (!days.since || day >= days.since) && (!days.until || day <= days.until);
  });
  const counts = {utc: false, total: mentions.length, bySource: {}, byLanguage: {}, byDay: {}, storiesByDay: {}, mentions};
  const firstDayOfStory = new Map();
  for (const m of mentions) {
    const day = dayOf(m.published);
    counts.bySource[m.source] = (counts.bySource[m.source] || 0) + 1;
    counts.byLanguage[m.language] = (counts.byLanguage[m.language] || 0) + 1;
    counts.byDay[day] = (counts.byDay[day] || 0) + 1;
    if (!firstDayOfStory.has(m.story) || day < firstDayOfStory.get(m.story)) firstDayOfStory.set(m.story, day);
  }
  for (const day of firstDayOfStory.values()) counts.storiesByDay[day] = (counts.storiesByDay[day] || 0) + 1;
  counts.stories = firstDayOfStory.size;
  return counts;
}

function renderCoverage() {
  if (!state.coverage) return;
  const {report, days} = state.coverage;
  const c = coverageCounts(report, days);
  const summary = document.getElementById("coverage-summary");
  summary.replaceChildren(el("span", {},
      el("strong", {}, t("coverage.summary", {entity: report.entity, articles: t("count.articles", {n: c.total}),
                                              stories: t("count.stories", {n: c.stories})})),
      days.since || days.until ? el("span", {class: "muted"}, " · " + formatDay(days.since) + " – " + formatDay(days.until))
                               : null,
      c.utc ? el("span", {class: "muted"}, " · " + t("coverage.utc_days")) : null));
  renderChart(c, days);
  // An outlet's name links to its mentions; the link of the one shown, to all.
  const outlet = state.params.get("outlet") || "";
  const withOutlet = (name) => {
    const params = new URLSearchParams(state.params);
    if (name) params.set("outlet", name);
    else params.delete("outlet");
    return "#coverage?" + params;
  };
  renderBars("by-outlet", c.bySource, (k) => el("a", {href: withOutlet(k === outlet ? "" : k),
                                                       class: k === outlet ? "current" : null}, k));
  renderBars("by-language", c.byLanguage, languageLabel);
  const outletsOfStory = new Map();
  for (const m of c.mentions) outletsOfStory.set(m.story, (outletsOfStory.get(m.story) || new Set()).add(m.source));
  const shown = outlet ? c.mentions.filter((m) => m.source === outlet) : c.mentions;
  document.getElementById("mentions-outlet").replaceChildren(
      ...(outlet ? [" · ", outlet, " ", el("a", {href: withOutlet("")}, t("coverage.all_outlets"))] : []));
  const list = document.getElementById("mentions");
  list.replaceChildren(...shown.slice(0, MENTIONS_SHOWN).map((m) => el("li", {},
      el("h3", {}, link(m.url, m.title)),
      el("p", {class: "meta"}, m.source, " · ", el("time", {datetime: m.published}, formatTime(m.published)), " · ",
         languageLabel(m.language),
         outletsOfStory.get(m.story).size > 1
             ? el("span", {class: "badge"}, t("coverage.story_outlets", {n: outletsOfStory.get(m.story).size}))
             : null),
      snippet(m.snippet))));
  if (shown.length > MENTIONS_SHOWN)
    list.append(el("li", {class: "muted"}, t("coverage.more", {shown: MENTIONS_SHOWN, total: shown.length})));
  if (!shown.length) list.replaceChildren(el("li", {class: "muted"}, t("coverage.none", {entity: report.entity})));
}

function renderBars(id, counts, label) {
  const entries = Object.entries(counts || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const max = Math.max(1, ...entries.map(([, n]) => n));
  document.getElementById(id).replaceChildren(...entries.map(([key, n]) => el("tr", {},
      el("th", {scope: "row"}, label(key)),
      el("td", {class: "bar"}, el("span", {style: `width:${(100 * n / max).toFixed(1)}%`})),
      el("td", {class: "num"}, n))));
}

// Bars for articles and dots for stories, per day (per month past 92 days),
// as an SVG drawn here: no chart library.
function renderChart(c, days) {
  const box = document.getElementById("chart");
  const known = Object.keys(c.byDay).sort();
  const first = days.since || known[0];
  const last = days.until || known[known.length - 1];
  if (!first || !last) { box.replaceChildren(el("p", {class: "muted"}, t("coverage.none", {entity: state.coverage.report.entity}))); return; }
  let buckets = [];
  for (let d = first; d <= last && buckets.length < 3700; d = addDays(d, 1)) buckets.push(d);
  let key = (day) => day;
  if (buckets.length > 92) {
    key = (day) => day.slice(0, 7);
    buckets = [...new Set(buckets.map(key))];
  }
  const articles = new Map(buckets.map((b) => [b, 0]));
  const stories = new Map(buckets.map((b) => [b, 0]));
  for (const [day, n] of Object.entries(c.byDay)) if (articles.has(key(day))) articles.set(key(day), articles.get(key(day)) + n);
  for (const [day, n] of Object.entries(c.storiesByDay || {}))
    if (stories.has(key(day))) stories.set(key(day), stories.get(key(day)) + n);
  // Drawn at the box's own width, so that labels keep their size on a phone.
  const width = Math.max(300, Math.round(box.clientWidth || 640)), height = 220, left = 34, bottom = 28, top = 10;
  const max = Math.max(1, ...articles.values());
  const step = (width - left - 6) / buckets.length;
  const y = (n) => top + (height - top - bottom) * (1 - n / max);
  const ns = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs, ...kids) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...kids);
    return node;
  };
  const root = svg("svg", {viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart-svg",
                           "aria-label": t("coverage.per_day")});
  for (const n of [0, Math.ceil(max / 2), max]) {
    root.append(svg("line", {x1: left, x2: width, y1: y(n), y2: y(n), class: "grid"}),
                svg("text", {x: left - 4, y: y(n) + 4, class: "axis", "text-anchor": "end"}, String(n)));
  }
  const labelEvery = Math.ceil(buckets.length / Math.max(3, Math.floor(width / 80)));
  const points = [];
  buckets.forEach((b, i) => {
    const x = left + i * step;
    const a = articles.get(b), s = stories.get(b);
    const label = (b.length === 7 ? b : formatDay(b)) + ": " + t("count.articles", {n: a}) +
                  (c.storiesByDay ? ", " + t("count.stories", {n: s}) : "");
    root.append(svg("rect", {x: x + step * 0.15, width: Math.max(1, step * 0.7), y: y(a), height: y(0) - y(a),
                             class: "bar-articles", "data-day": b, "data-articles": a}, svg("title", {}, label)));
    if (c.storiesByDay) points.push([x + step / 2, y(s), b, s]);
    if (i % labelEvery === 0) {
      const text = b.length === 7 ? b : b.slice(5).replace("-", "/");
      root.append(svg("text", {x: x + step / 2, y: height - 8, class: "axis", "text-anchor": "middle"}, text));
    }
  });
  if (points.length) {
    root.append(svg("polyline", {points: points.map(([x, yy]) => `${x},${yy}`).join(" "), class: "line-stories"}));
    for (const [x, yy, b, s] of points) root.append(svg("circle", {cx: x, cy: yy, r: 3, class: "dot-stories",
                                                                    "data-day": b, "data-stories": s}));
  }
  box.replaceChildren(root);
}

// ---- Funding -------------------------------------------------------------

async function loadFunding() {
  const form = document.getElementById("funding-form");
  form.reset();
  fillForm(form, state.params);
  const params = Object.fromEntries(state.params);
  delete params.sort;
  const rows = await api("/api/funding", params, t("tab.funding"));
  if (!rows) return;
  state.funding = rows;
  const [key, dir] = (state.params.get("sort") || "announced:desc").split(":");
  state.sort = {key, dir: dir === "asc" ? 1 : -1};
  renderFunding();
}

const collator = () => new Intl.Collator(locale(), {sensitivity: "base", numeric: true});

function sortedFunding() {
  const {key, dir} = state.sort;
  const text = {
    announced: (r) => r.announced || "",
    investee: (r) => r.investee || "",
    investors: (r) => (r.investors || []).join(", "),
    round: (r) => String(ROUNDS.indexOf(r.round) + 100),
    source: (r) => r.source || "",
  };
  const compare = collator().compare;
  return [...state.funding].sort((a, b) => {
    if (key === "amount") {
      // Undisclosed amounts go last whichever the direction.
      if (a.amount === null || b.amount === null) return (a.amount === null) - (b.amount === null);
      return dir * (a.amount - b.amount);
    }
    const get = text[key] || text.announced;
    return dir * compare(get(a), get(b));
  });
}

function investorsCell(row) {
  const leads = new Set(row.lead_investors || []);
  const cell = el("td", {});
  (row.investors || []).forEach((name, i) => {
    if (i) cell.append(", ");
    cell.append(leads.has(name) ? el("strong", {class: "lead", title: t("funding.lead")}, name,
                                     el("span", {class: "badge"}, t("funding.lead")))
                                : name);
  });
  return cell;
}

// The first report's outlet, linked; the other outlets that reported the deal after it.
function sourceCell(row) {
  const others = (row.sources || []).filter((s) => s !== row.source);
  return el("td", {}, link(row.article_url, row.source),
            others.length ? el("small", {class: "muted also"}, t("funding.also", {sources: others.join(", ")})) : null);
}

function renderFunding() {
  if (!state.funding) return;
  const rows = sortedFunding();
  for (const th of document.querySelectorAll("#funding-table th[data-sort]")) {
    const on = th.dataset.sort === state.sort.key;
    th.setAttribute("aria-sort", on ? (state.sort.dir > 0 ? "ascending" : "descending") : "none");
  }
  document.querySelector("#funding-table tbody").replaceChildren(...rows.map((r) => el("tr", {},
      el("td", {class: "nowrap"}, formatDay(r.announced)),
      el("td", {}, r.investee),
      investorsCell(r),
      el("td", {class: "num"}, formatAmount(r.amount, r.currency)),
      el("td", {}, roundLabel(r.round)),
      sourceCell(r))));
  document.getElementById("funding-summary").textContent =
      rows.length ? t("funding.summary", {n: rows.length}) : t("funding.none");
}

// RFC 4180, with a byte order mark so that spreadsheet programs read UTF-8.
function csvOf(rows) {
  const header = ["announced", "investee", "investors", "lead_investors", "amount", "currency", "round", "source",
                  "article_title", "article_url", "reported_by"];
  // A text that starts with = + - @, a tab or a CR is a formula to Excel and
  // LibreOffice: a ' before it keeps it text (OWASP, "CSV Injection").
  // Numbers (amounts) are written as they are.
  const quote = (v) => {
    let s = v === null || v === undefined ? "" : String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  const lines = [header.join(",")];
  for (const r of rows) {
    lines.push([r.announced, r.investee, (r.investors || []).join("; "), (r.lead_investors || []).join("; "), r.amount,
                r.currency, r.round, r.source, r.article_title, r.article_url, (r.sources || [r.source]).join("; ")]
                   .map(quote).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

function downloadFundingCsv() {
  if (!state.funding) return;
  const blob = new Blob([csvOf(sortedFunding())], {type: "text/csv;charset=utf-8"});
  const a = el("a", {href: URL.createObjectURL(blob), download: "presswatch-funding-" + today() + ".csv"});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// ---- Search --------------------------------------------------------------

// The outlets to search in: the feeds' titles, read once.
async function fillOutlets(select) {
  if (select.options.length > 1) return;
  const feeds = await api("/api/feeds", {}, t("tab.feeds"));
  const titles = [...new Set((feeds || []).map((f) => f.title).filter(Boolean))].sort(collator().compare);
  for (const title of titles) select.append(el("option", {value: title}, title));
}

async function loadSearch() {
  const form = document.getElementById("search-form");
  // The form shows the address's filters and no other (an earlier search's
  // stayed behind), at once: what is typed while the outlets load is kept.
  form.reset();
  fillForm(form, state.params);
  await fillOutlets(form.elements.source);
  const source = state.params.get("source");
  if (source) {
    if (![...form.elements.source.options].some((o) => o.value === source))
      form.elements.source.append(el("option", {value: source}, source));
    form.elements.source.value = source;
  }
  const q = state.params.get("q") || "";
  if (!q) {
    document.getElementById("search-results").replaceChildren();
    document.getElementById("search-summary").textContent = "";
    return;
  }
  const asked = state.params.toString();
  const hits = await api("/api/search", Object.fromEntries(state.params), t("tab.search"));
  // A newer search may have been asked while this one was on its way: its answer wins.
  if (!hits || state.params.toString() !== asked) return;
  state.search = {q, asked, hits};
  renderSearch();
}

// The filters a search ran with, for a "nothing found": "Language: Vietnamese, Outlet: TechCrunch".
function searchFilters(params) {
  const parts = [];
  if (params.get("lang")) parts.push(t("search.language") + ": " + languageLabel(params.get("lang")));
  if (params.get("source")) parts.push(t("search.outlet") + ": " + params.get("source"));
  if (params.get("since")) parts.push(t("filter.since") + ": " + formatDay(params.get("since")));
  return parts.join(", ");
}

function renderSearch() {
  if (!state.search) return;
  const {q, asked, hits} = state.search;
  const filters = hits.length ? "" : searchFilters(new URLSearchParams(asked));
  document.getElementById("search-summary").textContent =
      hits.length ? t("search.summary", {n: hits.length, q})
                  : filters ? t("search.none_filtered", {q, filters}) : t("search.none", {q});
  const list = document.getElementById("search-results");
  list.dataset.asked = asked;  // which search the list shows, for scripts that drive the page
  list.replaceChildren(...hits.map((h) => el("li", {},
      el("h3", {}, link(h.url, h.title)),
      el("p", {class: "meta"}, h.source, " · ", el("time", {datetime: h.published}, formatTime(h.published)), " · ",
         languageLabel(h.language)),
      snippet(h.snippet))));
}

// ---- Feeds ---------------------------------------------------------------

async function loadFeeds() {
  const feeds = await api("/api/feeds", {}, t("tab.feeds"));
  if (!feeds) return;
  state.feeds = feeds;
  renderFeeds();
}

function isFailing(f) { return f.consecutive_failures > 0; }

function renderFeeds() {
  if (!state.feeds) return;
  const feeds = [...state.feeds].sort((a, b) =>
      (b.consecutive_failures - a.consecutive_failures) || collator().compare(a.title || a.url, b.title || b.url));
  document.getElementById("feeds-summary").textContent =
      t("feeds.summary", {n: feeds.length, failing: feeds.filter(isFailing).length});
  document.querySelector("#feeds-table tbody").replaceChildren(...feeds.map((f) => el("tr",
      {class: isFailing(f) ? "failing" : ""},
      el("td", {}, el("span", {class: "status " + (isFailing(f) ? "bad" : f.last_fetch ? "good" : "idle")},
                      isFailing(f) ? t("feeds.failing", {n: f.consecutive_failures})
                                   : f.last_fetch ? t("feeds.ok") : t("feeds.never")),
         f.last_status ? el("small", {class: "muted"}, " HTTP " + f.last_status) : null),
      el("td", {}, el("div", {}, f.title || f.url), el("small", {class: "muted url"}, f.url)),
      el("td", {class: "nowrap"}, formatTime(f.last_fetch)),
      el("td", {class: "error-text"}, f.last_error || ""),
      el("td", {class: "nowrap"}, formatTime(f.next_poll)),
      el("td", {class: "num"}, f.items))));
}

// ---- Navigation ----------------------------------------------------------

const LOADERS = {coverage: loadCoverage, funding: loadFunding, search: loadSearch, feeds: loadFeeds};
const RENDERERS = {coverage: renderCoverage, funding: renderFunding, search: renderSearch, feeds: renderFeeds};

function route() {
  const [tab, query] = location.hash.replace(/^#/, "").split("?");
  state.tab = LOADERS[tab] ? tab : "coverage";
  state.params = new URLSearchParams(query || "");
  for (const section of document.querySelectorAll("section.tab")) section.hidden = section.id !== state.tab;
  for (const a of document.querySelectorAll("#tabs a")) {
    if (a.dataset.tab === state.tab) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  showError("");  // a banner from the tab left behind is stale
  LOADERS[state.tab]();
}

function go(tab, params) {
  const query = params.toString();
  const hash = "#" + tab + (query ? "?" + query : "");
  if (location.hash === hash) route();
  else location.hash = hash;
}

function rerender() {
  applyLabels();
  RENDERERS[state.tab]();
  if (state.tab === "coverage") renderWatchlist(document.getElementById("coverage-form").elements.entity.value);
}

function start() {
  const asked = new URLSearchParams(location.search).get("lang");
  state.lang = I18N[asked] ? asked : I18N[localStorage.getItem("pw.lang")] ? localStorage.getItem("pw.lang") : "vi";
  state.tz = localStorage.getItem("pw.tz") || DEFAULT_TZ;
  const tz = document.getElementById("timezone");
  tz.value = state.tz;
  if (tz.value !== state.tz) state.tz = tz.value = DEFAULT_TZ;
  const round = document.querySelector("#funding-form select[name=round]");
  for (const r of ROUNDS) round.append(el("option", {value: r}));
  applyLabels();

  document.getElementById("language").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    localStorage.setItem("pw.lang", state.lang);
    rerender();
  });
  tz.addEventListener("change", () => {
    state.tz = tz.value;
    localStorage.setItem("pw.tz", state.tz);
    if (state.tab === "coverage") {  // days move with the zone
      applyLabels();
      loadCoverage();
    } else {
      rerender();
    }
  });
  const coverageForm = document.getElementById("coverage-form");
  coverageForm.elements.range.addEventListener("change", () =>
      coverageForm.classList.toggle("show-custom", coverageForm.elements.range.value === "custom"));
  coverageForm.addEventListener("submit", (e) => { e.preventDefault(); go("coverage", formParams(coverageForm)); });
  const fundingForm = document.getElementById("funding-form");
  fundingForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = formParams(fundingForm);
    if (state.params.get("sort")) params.set("sort", state.params.get("sort"));
    go("funding", params);
  });
  document.getElementById("funding-csv").addEventListener("click", downloadFundingCsv);
  for (const th of document.querySelectorAll("#funding-table th[data-sort]")) {
    th.tabIndex = 0;
    const sortBy = () => {
      const dir = state.sort.key === th.dataset.sort ? -state.sort.dir : th.dataset.sort === "announced" ? -1 : 1;
      state.sort = {key: th.dataset.sort, dir};
      // Remembered in the address without reloading the rows.
      state.params.set("sort", th.dataset.sort + ":" + (dir > 0 ? "asc" : "desc"));
      history.replaceState(null, "", "#funding?" + state.params);
      renderFunding();
    };
    th.addEventListener("click", sortBy);
    th.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(); } });
  }
  const searchForm = document.getElementById("search-form");
  searchForm.addEventListener("submit", (e) => { e.preventDefault(); go("search", formParams(searchForm)); });
  window.addEventListener("hashchange", route);
  route();
}

start();
