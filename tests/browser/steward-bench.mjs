// The steward console's speed as a steward sees it (bench/steward-console.sh runs it): RELOADS page loads, each
// timed in the page from the navigation's start to the first page of 50 review items drawn with the selected
// pair's explanation (an observer of body[data-queue] notes the moment it turns "ready", so the figure holds no
// time of this script's own round trips to the browser), and within that the queue's GraphQL request plus
// drawing (the page's data-queue-ms); then DECISIONS keyboard decisions ("n", not a match), each timed from the
// key to the item marked decided (data-decision-ms: the resolveReviewItem round trip). Prints medians and the
// single figures as JSON.
//   node steward-bench.mjs <base url> <api key> <reloads> <decisions> <chromium executable>
import { launch } from "./chromium.mjs";

const { baseUrl, apiKey, rest: [reloads, decisions], browser } = await launch("steward-bench.mjs", "reloads", "decisions");
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.dataset.queue === "ready" && window.queueDrawnAt === undefined) window.queueDrawnAt = performance.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-queue"] });
  });
  await page.goto(new URL("/steward", baseUrl).toString());
  await page.fill("#api-key", apiKey);
  await page.click("#use-key");
  await page.waitForSelector('body[data-queue="ready"]', { timeout: 60000 });
  const cold = Number(await page.getAttribute("body", "data-queue-ms"));

  const loads = [], queue = [];
  for (let i = 0; i < Number(reloads); i++) {
    await page.reload();
    await page.waitForFunction(() => window.queueDrawnAt !== undefined, null, { timeout: 60000 });
    loads.push(Math.round(await page.evaluate(() => window.queueDrawnAt)));
    queue.push(Number(await page.getAttribute("body", "data-queue-ms")));
  }
  const items = await page.$$eval("#queue-list li[data-id]", lis => lis.length);

  const decided = [];
  for (let i = 0; i < Number(decisions) && await page.$("#queue-list li[data-id]:not(.decided)"); i++) {
    const before = Number(await page.getAttribute("body", "data-decided") ?? 0);
    await page.keyboard.press("n");
    await page.waitForFunction(n => Number(document.body.dataset.decided ?? 0) > n, before, { timeout: 60000 });
    decided.push(Number(await page.getAttribute("body", "data-decision-ms")));
  }
  console.log(JSON.stringify({
    items, coldQueueMs: cold,
    navigationToQueueDrawnMs: { p50: median(loads), all: loads },
    queueRequestAndDrawMs: { p50: median(queue), all: queue },
    decisionRoundTripMs: { p50: median(decided), all: decided },
  }));
} finally {
  await browser.close();
}
