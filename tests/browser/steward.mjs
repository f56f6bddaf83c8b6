// Drives ProfileHub's steward console (/steward) in Debian's Chromium (headless, through playwright-core) as a
// steward would: the queue by keyboard (merge, not a match, skip, not a match), a decision another steward made
// first, then one profile's pin, split and merge after a preview, and a search; screenshots of each view at a
// desktop (1280 px) and a tablet (820 px) width. Prints what it saw as JSON for the xunit test to check:
//   node steward.mjs <base url> <api key> <screenshot folder> <profile to edit> <profile to merge into it> <chromium executable>
import { launch } from "./chromium.mjs";

const { baseUrl, apiKey, rest: [shots, editId, mergeId], browser } = await launch("steward.mjs", "screenshot folder", "profile to edit", "profile to merge into it");
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on("console", message => { if (message.type() === "error") problems.push(message.text()); });
  page.on("pageerror", error => problems.push(error.message));
  page.on("requestfailed", request => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
  const shot = name => page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
  // Waits for a success notice that says `words` (an earlier notice may still be showing).
  const notice = async words => {
    await page.waitForFunction(w => { const n = document.getElementById("notice"); return n.classList.contains("ok") && n.textContent.includes(w); }, words, { timeout: 20000 });
    return page.textContent("#notice");
  };
  const selected = () => page.getAttribute('#queue-list li[aria-selected="true"]', "data-id");
  const decided = async () => Number(await page.getAttribute("body", "data-decided") ?? 0);
  const seenPair = () => page.evaluate(() => ({
    id: document.querySelector('#queue-list li[aria-selected="true"]')?.dataset.id,
    sentence: document.getElementById("sentence").textContent,
    steps: [...document.querySelectorAll("svg.waterfall g.step:not(.total-step)")].map(g => Number(g.dataset.weight)),
    total: Number(document.querySelector("svg.waterfall g.total-step").dataset.weight),
    rows: [...document.querySelectorAll("table.comparison tbody tr")].map(tr => [tr.dataset.attribute, tr.className, tr.cells[3].textContent]),
  }));

  // The queue: the key asked once, the first page drawn with the selected pair's explanation.
  const response = await page.goto(new URL("/steward", baseUrl).toString());
  const keyAsked = await page.locator("#key-form").isVisible();
  await page.fill("#api-key", apiKey);
  await page.click("#use-key");
  await page.waitForSelector('body[data-queue="ready"]', { timeout: 20000 });
  const queue = {
    renderMs: Number(await page.getAttribute("body", "data-queue-ms")),
    items: await page.$$eval("#queue-list li[data-id]", lis => lis.map(li => li.dataset.id)),
    summary: await page.textContent("#queue-summary"),
    pair: await seenPair(),
  };
  await shot("queue-1280");

  // Three decisions by keyboard (m, n, then s skips one and n decides the next), each waited for.
  const keyed = [];
  for (const key of ["m", "n", "s", "n"]) {
    const id = await selected();
    const before = await decided();
    await page.keyboard.press(key);
    if (key === "s") await page.waitForFunction(previous => document.querySelector('#queue-list li[aria-selected="true"]')?.dataset.id !== previous, id);
    else await page.waitForFunction(n => Number(document.body.dataset.decided ?? 0) > n, before, { timeout: 20000 });
    keyed.push({ id, key, notice: key === "s" ? null : await page.textContent("#notice"), decisionMs: key === "s" ? null : Number(await page.getAttribute("body", "data-decision-ms")) });
  }
  await shot("decided-1280");

  // Another steward decides the selected item first (through the same public API); then this one presses m.
  const contested = await selected();
  await page.evaluate(async ([id, key]) => {
    await fetch("/graphql", { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: "mutation($id: ID!) { resolveReviewItem(id: $id, decision: NOT_A_MATCH) { id } }", variables: { id } }) });
  }, [contested, apiKey]);
  const beforeContest = await decided();
  await page.keyboard.press("m");
  await page.waitForFunction(n => Number(document.body.dataset.decided ?? 0) > n, beforeContest, { timeout: 20000 });
  const contest = { id: contested, notice: await page.textContent("#notice"), listed: await page.textContent(`#item-${contested} .age`) };

  await page.keyboard.press("?");
  const helpOpen = await page.locator("#help").isVisible();
  await shot("help-1280");
  await page.click("#help-close");

  // The profile: pin a first name, split its last record out, merge another profile in after the preview.
  await page.evaluate(id => { location.hash = `#/profile/${id}`; }, editId);
  await page.waitForFunction(id => document.body.dataset.profile === id && document.querySelector("#attributes"), editId, { timeout: 20000 });
  const lineage = await page.$$eval("#attributes tbody tr", trs => trs.map(tr => [...tr.cells].map(c => c.textContent)));
  await shot("profile-1280");

  await page.click('tr[data-attribute="FirstName"] button.pin');
  await page.fill("#pin-value", "Alexandra");
  await page.click("#pin-save");
  const pinNotice = await notice("is pinned");
  await page.waitForSelector('tr[data-attribute="FirstName"] button.unpin');
  const pinnedRow = await page.$$eval('tr[data-attribute="FirstName"] td', tds => tds.map(td => td.textContent));

  const splitRecord = await page.$$eval("#links tbody tr", trs => trs[trs.length - 1].dataset.record);
  await page.click(`#links tr[data-record="${splitRecord}"] button.split`);
  await page.click("button.confirm-split");
  const splitNotice = await notice("now founds");
  await page.waitForFunction(r => !document.querySelector(`#links tr[data-record="${r}"]`), splitRecord);

  await page.fill("#merge-with", mergeId);
  await page.click("#merge-find");
  await page.click("#merge-candidates button.merge-preview");
  await page.waitForSelector("#merge-preview");
  const preview = {
    text: await page.textContent("#merge-preview p"),
    attributes: await page.$$eval("#merge-preview tbody tr", trs => trs.map(tr => [...tr.cells].map(c => c.textContent))),
  };
  await page.$eval("#merge-preview", e => e.scrollIntoView({ block: "start" }));
  await shot("merge-preview-1280");
  await page.click("#merge-confirm");
  const mergeNotice = await notice("Merged");
  await page.waitForSelector("#history li[data-action=merge]");
  const history = await page.$$eval("#history li", lis => lis.map(li => li.dataset.action));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await shot("profile-history-1280");

  // Search by name, then the conflict list.
  const name = lineage.find(row => row[0] === "LastName")[1];
  await page.evaluate(() => { location.hash = "#/search"; });
  await page.fill("#search-input", name);
  await page.press("#search-input", "Enter");
  await page.waitForFunction(() => document.getElementById("search-summary").textContent.length > 0, null, { timeout: 20000 });
  const search = { summary: await page.textContent("#search-summary"), profiles: await page.$$eval("#search-table tbody tr a.mono", as => as.map(a => a.getAttribute("href"))) };
  await shot("search-1280");
  await page.evaluate(() => { location.hash = "#/conflicts"; });
  await page.waitForFunction(() => document.getElementById("conflicts-summary").textContent.length > 0, null, { timeout: 20000 });
  await shot("conflicts-1280");

  // A tablet: one column, nothing scrolls sideways.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.evaluate(() => { location.hash = "#/queue"; });
  await page.waitForSelector("#view-queue:not([hidden])");
  const tabletQueue = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  await shot("queue-820");
  await page.evaluate(id => { location.hash = `#/profile/${id}`; }, editId);
  await page.waitForFunction(() => document.querySelector("#attributes"), null, { timeout: 20000 });
  const tabletProfile = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  await shot("profile-820");

  console.log(JSON.stringify({
    status: response?.status(), keyAsked, queue, keyed, contest, helpOpen, lineage, pinNotice, pinnedRow, name,
    splitRecord, splitNotice, preview, mergeNotice, history, search, tabletQueue, tabletProfile, problems,
  }));
} finally {
  await browser.close();
}
