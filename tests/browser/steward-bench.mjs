// The steward console's speed as a steward sees it (bench/steward-console.sh runs it): RELOADS page loads, each
// timed from navigation to the first page of 50 review items drawn with the selected pair's explanation
// (and, within that, the queue's GraphQL request plus drawing: the page's data-queue-ms), then DECISIONS
// keyboard decisions ("n", not a match), each timed from the key to the item marked decided (data-decision-ms:
// the resolveReviewItem round trip). Prints medians and the single figures as JSON.
//   node steward-bench.mjs <base url> <api key> <reloads> <decisions> <chromium executable>
import { launch } from "./chromium.mjs";

const { baseUrl, apiKey, rest: [reloads, decisions], browser } = await launch("steward-bench.mjs", "reloads", "decisions");
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(new URL("/steward", baseUrl).toString());
  await page.fill("#api-key", apiKey);
  await page.click("#use-key");
  await page.waitForSelector('body[data-queue="ready"]', { timeout: 60000 });
  const cold = Number(await page.getAttribute("body", "data-queue-ms"));

  const loads = [], queue = [];
  for (let i = 0; i < Number(reloads); i++) {
    await page.reload();
    await page.waitForSelector('body[data-queue="ready"]', { timeout: 60000 });
    loads.push(Math.round(await page.evaluate(() => performance.now())));
    queue.push(Number(await page.getAttribute("body", "data-queue-ms")));
  }
  const items = await page.$$eval("#queue-list li[data-id]", lis => lis.length);

  const decided = [];
  for (let i = 0; i < Number(decisions); i++) {
    const before = Number(await page.getAttribute("body", "data-decided") ?? 0);
    await page.keyboard.press("n");
    await page.waitForFunction(n => Number(document.body.dataset.decided ?? 0) > n, before, { timeout: 60000 });
    decided.push(Number(await page.getAttribute("body", "data-decision-ms")));
  }
  console.log(JSON.stringify({
    items, coldQueueMs: cold,
    pageLoadToQueueMs: { p50: median(loads), all: loads },
    queueRequestAndDrawMs: { p50: median(queue), all: queue },
    decisionRoundTripMs: { p50: median(decided), all: decided },
  }));
} finally {
  await browser.close();
}
