// End-to-end tests of the dashboard (src/app/web/) in headless Chromium.
//
// Polls the bundled demo feeds into a temporary database, starts the real
// `presswatch serve` on 127.0.0.1 (port 0), and drives Debian's chromium
// through playwright-core, as the communications team would use the page.
// Screenshots go to --artifacts. Exits 0 when every case passes, 1 when one
// fails, 77 (CTest: skipped) when node_modules or Chromium is missing.
//
//   node tests/web/dashboard_test.mjs --binary build/presswatch --source . --artifacts build/web-artifacts
//
// Bounded: the whole run is cut at 110 s; the daemon and the browser are
// stopped on every path out.
import {spawn, spawnSync} from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import assert from "node:assert/strict";
import {createRequire} from "node:module";

const SKIP = 77;
const CHROMIUM = process.env.PW_CHROMIUM || "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function option(name, fallback) {
  const i = process.argv.indexOf("--" + name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const here = path.dirname(new URL(import.meta.url).pathname);
const source = path.resolve(option("source", path.join(here, "../..")));
const binary = path.resolve(option("binary", path.join(source, "build/presswatch")));
const artifacts = path.resolve(option("artifacts", path.join(source, "build/web-artifacts")));

let chromium;
try {
  chromium = createRequire(import.meta.url)("playwright-core").chromium;
} catch (e) {
  console.log(`SKIP: playwright-core is not installed (run: npm ci --prefix ${here})`);
  process.exit(SKIP);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} is missing (Debian package chromium; scripts/install-deps installs it)`);
  process.exit(SKIP);
}
if (!fs.existsSync(binary)) {
  console.error(`FAIL: ${binary} is missing (build the presswatch target first)`);
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pw-web-"));
fs.mkdirSync(artifacts, {recursive: true});
let daemon = null;
let context = null;

async function cleanUp() {
  if (context) await context.close().catch(() => {});
  context = null;
  if (daemon && daemon.exitCode === null) {
    daemon.kill("SIGTERM");
    await new Promise((resolve) => daemon.once("exit", resolve));
  }
  fs.rmSync(tmp, {recursive: true, force: true});
}

const deadline = setTimeout(async () => {
  console.error("FAIL: the browser tests took more than 110 s");
  await cleanUp();
  process.exit(1);
}, 110_000);

// The demo feeds, and one that cannot be read, so that the feeds tab has a
// failing feed to put first.
function writeFeeds(file) {
  const demo = fs.readFileSync(path.join(source, "feeds/demo.opml"), "utf8")
      .replaceAll('xmlUrl="demo/', `xmlUrl="file://${path.join(source, "feeds/demo")}/`)
      .replace("</body>", `<outline text="Gone (test)" xmlUrl="file://${tmp}/gone.xml"/>\n</body>`);
  fs.writeFileSync(file, demo);
  return file;
}

// The demo data, as scripts/demo makes it.
function pollDemo(db, feeds) {
  const r = spawnSync(binary, ["poll", "--once", "--feeds", feeds, "--db", db,
                               "--rules", path.join(source, "rules")], {encoding: "utf8", timeout: 60_000});
  if (r.status !== 0) throw new Error(`poll --once failed (${r.status}): ${r.stderr}`);
}

// `presswatch serve` on a free port; resolves to its base URL.
// The fund first, by an alias: the page shows it by its canonical name.
function writeConfig(file) {
  fs.writeFileSync(file, '[watchlist]\nentities = ["Quỹ GenAI", "Sovico Group"]\n');
  return file;
}

function startDaemon(db, feeds, config) {
  daemon = spawn(binary, ["serve", "--config", config, "--feeds", feeds, "--db", db,
                          "--rules", path.join(source, "rules"), "--listen", "127.0.0.1:0"],
                 {stdio: ["ignore", "ignore", "pipe"]});
  return new Promise((resolve, reject) => {
    let log = "";
    // serve listens once the rules are compiled: 7-10 s for 352 rules on a 2-core machine that ctest
    // -j2 keeps busy (stop 33: 20 s was too short once, with a profiler running beside).
    const timer = setTimeout(() => reject(new Error("serve did not listen within 60 s:\n" + log)), 60_000);
    daemon.stderr.setEncoding("utf8");
    daemon.stderr.on("data", (chunk) => {
      log += chunk;
      const m = log.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    daemon.once("exit", (code) => { clearTimeout(timer); reject(new Error(`serve exited (${code}):\n${log}`)); });
  });
}

// RFC 4180 rows of a CSV text (quoted fields, doubled quotes, CRLF).
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const results = [];
async function test(name, body) {
  try {
    await body();
    results.push([name, null]);
    console.log(`PASS ${name}`);
  } catch (e) {
    results.push([name, e]);
    console.log(`FAIL ${name}\n  ${String(e.stack || e).split("\n").slice(0, 6).join("\n  ")}`);
  }
}

async function main() {
  const db = path.join(tmp, "demo.db");
  const feeds = writeFeeds(path.join(tmp, "feeds.opml"));
  pollDemo(db, feeds);
  const base = await startDaemon(db, feeds, writeConfig(path.join(tmp, "presswatch.toml")));
  console.log(`daemon at ${base}; artifacts in ${artifacts}`);
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, acceptDownloads: true,
    viewport: {width: 1366, height: 900}, timezoneId: "UTC", locale: "en-US",
  });
  // Only 127.0.0.1: anything else the page asks for fails the test.
  const outside = [];
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(10_000);
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(`${m.text()} (${page.url()})`); });
  page.on("pageerror", (e) => consoleErrors.push(`${e.message} (${page.url()})`));

  await test("every tab loads, with Vietnamese labels and no console error", async () => {
    await page.goto(base + "/");
    await page.locator("#chart svg").waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "vi");
    assert.equal(await page.locator('#tabs a[data-tab="funding"]').textContent(), "Gọi vốn");
    await page.click('#tabs a[data-tab="funding"]');
    await page.locator("#funding-table tbody tr").first().waitFor();
    await page.click('#tabs a[data-tab="search"]');
    await page.locator("#search-form input[name=q]").waitFor();
    await page.click('#tabs a[data-tab="feeds"]');
    await page.locator("#feeds-table tbody tr").first().waitFor();
    assert.equal(await page.locator("#feeds-table tbody tr").count(), 6, "the five demo feeds and a missing one");
    const first = page.locator("#feeds-table tbody tr").first();
    assert.equal(await first.getAttribute("class"), "failing", "the failing feed comes first");
    assert.match(await first.textContent(), /Gone \(test\)/);
    assert.ok((await first.locator("td.error-text").textContent()).length > 0, "with its error");
    assert.equal(await page.locator("#feeds-table tbody tr.failing").count(), 1);
    await page.screenshot({path: path.join(artifacts, "feeds.png"), fullPage: true});
    assert.deepEqual(consoleErrors, []);
  });

  await test("coverage opens on the watchlist's first entity, GenAI Fund, and charts its articles and stories",
             async () => {
    await page.goto(base + "/#coverage");
    await page.locator("#entities a.chip").first().waitFor();
    const chips = await page.$$eval("#entities a.chip", (as) => as.map((a) => a.firstChild.textContent));
    assert.deepEqual(chips, ["GenAI Fund", "Sovico Group"]);
    assert.equal(await page.inputValue("#coverage-form input[name=entity]"), "GenAI Fund");
    await page.locator("#chart svg rect.bar-articles").first().waitFor({state: "attached"});
    const articles = await page.$$eval("#chart rect.bar-articles", (rs) => rs.map((r) => Number(r.dataset.articles)));
    const stories = await page.$$eval("#chart circle.dot-stories", (cs) => cs.map((c) => Number(c.dataset.stories)));
    const total = articles.reduce((a, b) => a + b, 0);
    assert.ok(total > 0, "some articles in the latest week");
    assert.equal(articles.length, 7, "one bar per day of the week");
    assert.ok(stories.reduce((a, b) => a + b, 0) <= total, "no more stories than articles");
    // The outlets' counts add up to the chart's.
    const outlets = await page.$$eval("#by-outlet td.num", (ts) => ts.map((t) => Number(t.textContent)));
    assert.ok(outlets.length >= 2, "coverage from several outlets");
    assert.equal(outlets.reduce((a, b) => a + b, 0), total);
    await page.locator("#chart").screenshot({path: path.join(artifacts, "coverage-chart.png")});
    await page.screenshot({path: path.join(artifacts, "coverage.png"), fullPage: true});
    assert.deepEqual(consoleErrors, []);
  });

  await test("times are shown in Asia/Ho_Chi_Minh by default (the browser runs in UTC)", async () => {
    // The Vietnamese demo article was published at 02:00 UTC, 09:00 in Hanoi.
    const time = page.locator('#mentions time[datetime="2024-11-21T02:00:00Z"]');
    assert.match(await time.textContent(), /09:00/);
    assert.equal(await page.locator("#tz-name").textContent(), "Asia/Ho_Chi_Minh");
    await page.selectOption("#timezone", "UTC");
    await page.waitForFunction(() =>
        /02:00/.test(document.querySelector('#mentions time[datetime="2024-11-21T02:00:00Z"]')?.textContent || ""));
    // The footer names the zone on the coverage tab too, whose days move with it.
    assert.equal(await page.locator("#tz-name").textContent(), "UTC", "the footer names the zone chosen");
    await page.selectOption("#timezone", "Asia/Ho_Chi_Minh");
    await page.waitForFunction(() =>
        /09:00/.test(document.querySelector('#mentions time[datetime="2024-11-21T02:00:00Z"]')?.textContent || ""));
    assert.equal(await page.locator("#tz-name").textContent(), "Asia/Ho_Chi_Minh");
  });

  await test("a mention links through to its story", async () => {
    const a = page.locator("#mentions li h3 a").first();
    const href = await a.getAttribute("href");
    assert.match(href, /^https?:\/\//);
    assert.equal(await a.getAttribute("target"), "_blank");
    assert.ok((await a.textContent()).trim().length > 0);
  });

  await test("an outlet's name lists its mentions, and links back to all", async () => {
    const row = page.locator("#by-outlet tr").first();
    const outlet = await row.locator("th").textContent();
    const count = Number(await row.locator("td.num").textContent());
    await row.locator("th a").click();
    await page.waitForFunction((o) => document.getElementById("mentions-outlet").textContent.includes(o), outlet);
    const sources = await page.$$eval("#mentions li p.meta", (ps) => ps.map((p) => p.textContent));
    assert.equal(sources.length, count);
    for (const s of sources) assert.ok(s.startsWith(outlet), `${s} is from ${outlet}`);
    await page.locator("#mentions-outlet a").click();
    await page.waitForFunction(() => document.getElementById("mentions-outlet").textContent === "");
  });

  await test("switching to English relabels the page and keeps the choice", async () => {
    await page.click("#language");
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    assert.equal(await page.locator('#tabs a[data-tab="funding"]').textContent(), "Funding");
    assert.match(await page.locator("#coverage-summary").textContent(), /articles/);
    await page.reload();
    await page.locator("#chart svg").waitFor();
    assert.equal(await page.locator('#tabs a[data-tab="coverage"]').textContent(), "Coverage");
  });

  await test("a search without accents finds the accented article, matches highlighted; by outlet", async () => {
    await page.goto(base + "/#search");
    await page.fill("#search-form input[name=q]", "dau tu chien luoc");
    await page.click("#search-form button[type=submit]");
    await page.locator("#search-results li").first().waitFor();
    const marks = await page.$$eval("#search-results mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(marks.includes("đầu tư") || marks.some((m) => m.includes("đầu")), `marks: ${marks}`);
    const text = (await page.locator("#search-results").textContent()).toLowerCase();
    assert.ok(text.includes("chiến lược"), "the accented words are in a snippet");
    // "GenAI" is in both languages' articles; filtered to the English outlet, only its own.
    const outletsOf = () => page.$$eval("#search-results p.meta", (ps) => ps.map((p) => p.textContent.split(" · ")[0]));
    await page.fill("#search-form input[name=q]", "GenAI");
    await page.click("#search-form button[type=submit]");
    // The list says which search it shows: wait for GenAI's, not the previous search's still on screen.
    const showing = (re) => page.waitForFunction((src) => new RegExp(src).test(
        document.getElementById("search-results").dataset.asked || ""), re.source);
    await showing(/(^|&)q=GenAI(&|$)/);
    const everywhere = await outletsOf();
    assert.ok(new Set(everywhere).size >= 2, `GenAI in several outlets: ${everywhere}`);
    await page.selectOption("#search-form select[name=source]", "Innovation Wire (demo)");
    await page.click("#search-form button[type=submit]");
    await showing(/(^|&)source=/);
    const filtered = await outletsOf();
    assert.ok(filtered.length > 0);
    for (const s of filtered) assert.equal(s, "Innovation Wire (demo)");
    assert.deepEqual(outside, []);
  });

  await test("the search form holds the address's filters and no others; nothing found names them", async () => {
    const form = () => page.$eval("#search-form", (f) => ["q", "lang", "source", "limit"].map((n) => f.elements[n].value));
    await page.goto(base + "/#search?q=sovico&lang=vi&source=TechCrunch&limit=1");
    await page.waitForFunction(() =>
        document.getElementById("search-results").dataset.asked === "q=sovico&lang=vi&source=TechCrunch&limit=1");
    assert.deepEqual(await form(), ["sovico", "vi", "TechCrunch", "1"]);
    assert.equal(await page.locator("#search-summary").textContent(),
                 "Nothing found for “sovico” with Language: Vietnamese, Outlet: TechCrunch.");
    // The tab's link is a search with no filter: the form says so.
    await page.click('#tabs a[data-tab="search"]');
    await page.waitForFunction(() => document.getElementById("search-summary").textContent === "");
    assert.deepEqual(await form(), ["", "", "", "20"]);
    await page.fill("#search-form input[name=q]", "genai");
    await page.click("#search-form button[type=submit]");
    await page.waitForFunction(() => document.getElementById("search-results").dataset.asked === "q=genai&limit=20");
    assert.equal(await page.locator("#search-summary").textContent(), "2 results for “genai”");
  });

  await test("counts read well in both languages: 1 result, 1 article, 1 announcement", async () => {
    await page.goto(base + "/#search?q=genai&limit=1");
    await page.waitForFunction(() => document.getElementById("search-results").dataset.asked === "q=genai&limit=1");
    assert.equal(await page.locator("#search-summary").textContent(), "1 result for “genai”");
    await page.goto(base + "/#coverage?entity=Configu&range=all");
    await page.waitForFunction(() => /^Configu/.test(document.getElementById("coverage-summary").textContent));
    assert.match(await page.locator("#coverage-summary").textContent(), /^Configu: 1 article, 1 story/);
    assert.match(await page.locator("#chart rect.bar-articles[data-articles='1'] title").textContent(),
                 /: 1 article, 1 story$/);
    await page.goto(base + "/#funding?investor=sovico");
    await page.waitForFunction(() => /^1 announcement/.test(document.getElementById("funding-summary").textContent));
    assert.equal(await page.locator("#funding-summary").textContent(), "1 announcement");
    try {
      await page.click("#language");  // Vietnamese has one form
      assert.equal(await page.locator("#funding-summary").textContent(), "1 thương vụ");
      await page.goto(base + "/#search?q=genai&limit=1");
      await page.waitForFunction(() => /kết quả/.test(document.getElementById("search-summary").textContent));
      assert.equal(await page.locator("#search-summary").textContent(), "1 kết quả cho “genai”");
      await page.goto(base + "/#feeds");
      await page.locator("#feeds-table tbody tr").first().waitFor();
      assert.match(await page.locator("#feeds-summary").textContent(), /^6 nguồn tin, 1 đang lỗi$/);
    } finally {
      if (await page.locator("html").getAttribute("lang") === "vi") await page.click("#language");
    }
    await page.goto(base + "/#feeds");
    await page.locator("#feeds-table tbody tr").first().waitFor();
    assert.match(await page.locator("#feeds-summary").textContent(), /^6 feeds, 1 failing$/);
    assert.match(await page.locator("#feeds-table tbody tr.failing .status").textContent(),
                 /^failed (once|([2-9]|\d\d+) times in a row)$/);
  });

  await test("a bad date in a coverage link shows a banner, and a tab's banner goes with it", async () => {
    const errors = consoleErrors.length;
    await page.goto(base + "/#funding?since=garbage");
    await page.waitForFunction(() => /garbage/.test(document.getElementById("error").textContent));
    // The API's 400, which the browser logs: expected here.
    for (const e of consoleErrors.splice(errors)) assert.match(e, /status of 400 .*since=garbage/);
    for (const bad of ["bad", "2024-13-45"]) {
      await page.goto(base + "/#coverage?entity=GenAI%20Fund&range=custom&since=" + bad);
      await page.waitForFunction((b) => document.getElementById("error").textContent.includes(`'${b}'`), bad);
      assert.equal(await page.locator("#error").textContent(),
                   `Could not load Coverage: since: '${bad}' is not a date (use YYYY-MM-DD)`);
      assert.ok(await page.locator("#error").isVisible());
    }
    await page.click('#tabs a[data-tab="search"]');
    await page.locator("section#search").waitFor();  // shown by the same step that clears the banner
    assert.ok(await page.locator("#error").isHidden(), "the coverage banner left with its tab");
    await page.goto(base + "/#coverage?entity=GenAI%20Fund&range=custom&since=2024-11-20&until=2024-11-21");
    await page.waitForFunction(() => /GenAI Fund: 2 articles/.test(document.getElementById("coverage-summary").textContent));
    assert.ok(await page.locator("#error").isHidden());
  });

  let shownRows = [];
  await test("a funding filter narrows the table, accents aside", async () => {
    await page.goto(base + "/#funding");
    // Every deal, not the rows of an earlier filter still on screen.
    await page.waitForFunction(() => document.querySelectorAll("#funding-table tbody tr").length > 1);
    const all = await page.locator("#funding-table tbody tr").count();
    await page.fill("#funding-form input[name=investor]", "sovico");
    await page.click("#funding-form button[type=submit]");
    await page.waitForFunction((n) => document.querySelectorAll("#funding-table tbody tr").length < n, all);
    const rows = await page.$$eval("#funding-table tbody tr",
                                   (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.ok(rows.length > 0, `investor=sovico left ${rows.length} of ${all} rows`);
    for (const r of rows) assert.match(r[2], /Sovico/, "every row names Sovico among its investors");
    assert.ok(rows.some((r) => r[1] === "GenAI Fund"), "Sovico's investment in GenAI Fund is listed");
    assert.ok(rows.some((r) => /lead/.test(r[2])), "the lead investor is marked");
    const genai = rows.find((r) => r[1] === "GenAI Fund");
    assert.match(genai[5], /also reported by/, "one row per deal, naming every outlet that reported it");
    assert.match(page.url(), /investor=sovico/);
    shownRows = rows;
  });

  await test("the CSV download is exactly the table shown", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#funding-csv")]);
    const file = path.join(artifacts, "funding.csv");
    await download.saveAs(file);
    const text = fs.readFileSync(file, "utf8");
    assert.ok(text.startsWith("\uFEFF"), "a byte order mark for spreadsheets");
    const [header, ...rows] = parseCsv(text.slice(1));
    assert.deepEqual(header, ["announced", "investee", "investors", "lead_investors", "amount", "currency", "round",
                              "source", "article_title", "article_url", "reported_by"]);
    assert.equal(rows.length, shownRows.length);
    const links = await page.$$eval("#funding-table tbody tr",
                                    (trs) => trs.map((tr) => tr.cells[5].querySelector("a")?.href || ""));
    rows.forEach((r, i) => {
      assert.equal(r[1], shownRows[i][1], `row ${i + 1}: investee`);
      for (const investor of r[2].split("; ")) assert.ok(shownRows[i][2].includes(investor), `row ${i + 1}: ${investor}`);
      assert.ok(shownRows[i][5].startsWith(r[7]), `row ${i + 1}: source`);
      for (const outlet of r[10].split("; ")) assert.ok(shownRows[i][5].includes(outlet), `row ${i + 1}: ${outlet}`);
      assert.equal(r[9], links[i], `row ${i + 1}: link`);
    });
  });

  await test("the CSV keeps text that looks like a formula as text, and amounts as numbers", async () => {
    // A feed's title, names and outlets are anyone's text: a cell that starts
    // with = + - @, a tab or a CR would run as a formula in a spreadsheet.
    const link = '=HYPERLINK("http://evil.example/x","click")';
    await page.evaluate((link) => {
      state.funding = [
        {announced: "2024-11-21", investee: link + " Labs", investors: ["+Plus Capital", "Safe Ventures"],
         lead_investors: ["-Minus Fund"], amount: 5000000, currency: "USD", round: "seed", source: "@outlet",
         article_title: link + " Labs raises $5 million", article_url: "https://example.com/a",
         sources: ["\tTab News", "Safe News"]},
        {announced: "2024-11-20", investee: "\rCR Labs", investors: [], lead_investors: [], amount: null,
         currency: "VND", round: null, source: "Safe News", article_title: "Safe - title", article_url: "", sources: []},
      ];
      state.sort = {key: "announced", dir: -1};
      renderFunding();
    }, link);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#funding-csv")]);
    const [, first, second] = parseCsv(fs.readFileSync(await download.path(), "utf8").slice(1));
    assert.deepEqual(first, ["2024-11-21", `'${link} Labs`, "'+Plus Capital; Safe Ventures", "'-Minus Fund", "5000000",
                             "USD", "seed", "'@outlet", `'${link} Labs raises $5 million`, "https://example.com/a",
                             "'\tTab News; Safe News"]);
    assert.deepEqual(second, ["2024-11-20", "'\rCR Labs", "", "", "", "VND", "", "Safe News", "Safe - title", "", ""]);
  });

  await test("sorting by investee orders the rows, and the CSV follows", async () => {
    await page.goto(base + "/#funding");
    await page.locator("#funding-table tbody tr").first().waitFor();
    await page.click('#funding-table th[data-sort="investee"]');
    const names = await page.$$eval("#funding-table tbody tr td:nth-child(2)", (ts) => ts.map((t) => t.textContent));
    const sorted = [...names].sort(new Intl.Collator("en-GB", {sensitivity: "base", numeric: true}).compare);
    assert.deepEqual(names, sorted);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#funding-csv")]);
    const csv = parseCsv(fs.readFileSync(await download.path(), "utf8").slice(1)).slice(1);
    assert.deepEqual(csv.map((r) => r[1]), names);
  });

  await test("on a phone the page fits the screen's width", async () => {
    await page.setViewportSize({width: 390, height: 844});
    await page.goto(base + "/#coverage");
    await page.locator("#chart svg").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await page.screenshot({path: path.join(artifacts, "coverage-phone.png"), fullPage: true});
    await page.goto(base + "/#funding");
    await page.locator("#funding-table tbody tr").first().waitFor();
    const funding = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(funding <= 0, `the funding page is ${funding}px wider than the phone (the table scrolls in its box)`);
    await page.screenshot({path: path.join(artifacts, "funding-phone.png"), fullPage: true});
    // At 375 px every deal shows its amount without scrolling sideways.
    await page.setViewportSize({width: 375, height: 812});
    const amounts = await page.$$eval("#funding-table tbody tr", (trs) => trs.map((tr) => {
      const box = tr.cells[3].getBoundingClientRect();
      return {text: tr.cells[3].textContent, left: box.left, right: box.right, width: box.width};
    }));
    assert.ok(amounts.length > 0);
    for (const a of amounts) {
      assert.ok(a.width > 0 && a.left >= 0 && a.right <= 375, `the amount ${a.text} is at ${a.left}-${a.right}px`);
    }
    const sideways = await page.$eval("#funding .scroll", (box) => box.scrollWidth - box.clientWidth);
    assert.ok(sideways <= 0, `the funding table scrolls ${sideways}px sideways`);
    await page.screenshot({path: path.join(artifacts, "funding-375.png"), fullPage: true});
  });

  await test("no console error and no request beyond 127.0.0.1 in the whole run", async () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(outside, []);
  });
}

try {
  await main();
} catch (e) {
  results.push(["setup", e]);
  console.log(`FAIL setup: ${e.stack || e}`);
}
clearTimeout(deadline);
await cleanUp();
const failed = results.filter(([, e]) => e);
console.log(`${results.length - failed.length} of ${results.length} passed`);
process.exit(failed.length ? 1 : 0);
