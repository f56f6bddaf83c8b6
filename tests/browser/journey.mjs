// Opens ProfileHub's /journey page in Debian's Chromium (headless, through playwright-core), enters the API
// key, and prints what the page drew as JSON for the xunit test to check:
//   node journey.mjs <base url> <api key> <chromium executable>
import { launch, openJourney } from "./chromium.mjs";

const { baseUrl, apiKey, browser } = await launch("journey.mjs");
try {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", message => { if (message.type() === "error") problems.push(message.text()); });
  page.on("pageerror", error => problems.push(error.message));
  page.on("requestfailed", request => problems.push(`${request.url()}: ${request.failure()?.errorText}`));

  const drawn = async () => page.evaluate(() => ({
    window: document.body.dataset.window,
    funnel: [...document.querySelectorAll("#funnel .funnel-step")].map(g => ({
      label: g.dataset.label,
      value: Number(g.dataset.value),
      text: g.querySelector("text.value").textContent,
      width: Number(g.querySelector("rect").getAttribute("width")),
    })),
    histogram: [...document.querySelectorAll("#histogram rect.bar")].map(r => ({
      bucket: Number(r.dataset.bucket),
      count: Number(r.dataset.count),
      height: Number(r.getAttribute("height")),
    })),
    summary: document.getElementById("before-summary").textContent,
    friction: [...document.querySelectorAll("#friction tbody tr")].map(tr => [...tr.cells].map(td => td.textContent)),
    frictionCaption: document.querySelector("#friction caption").textContent,
    channels: [...document.querySelectorAll("#channels tbody tr")].map(tr => [...tr.cells].map(td => td.textContent)),
    channelsTotal: [...document.querySelectorAll("#channels tfoot tr")].map(tr => [...tr.cells].map(td => td.textContent)),
    channelsCaption: document.querySelector("#channels caption").textContent,
  }));

  const { response, keyAsked: keyAskedFirst } = await openJourney(page, baseUrl, apiKey);
  const first = await drawn();
  // For a look at what was drawn when a test fails: PROFILEHUB_SCREENSHOT=/tmp/journey.png
  if (process.env.PROFILEHUB_SCREENSHOT) await page.screenshot({ path: process.env.PROFILEHUB_SCREENSHOT, fullPage: true });

  await page.selectOption("#window-days", "7");
  await page.waitForSelector('body[data-window="7"]', { timeout: 20000 });
  const week = await drawn();

  // The key is asked once per browser session: a reload draws without asking again.
  await page.reload();
  await page.waitForSelector('body[data-window="30"]', { timeout: 20000 });
  const keyAskedAfterReload = await page.locator("#key-form").isVisible();

  console.log(JSON.stringify({
    status: response?.status(),
    keyAskedFirst,
    keyAskedAfterReload,
    storedKey: await page.evaluate(() => sessionStorage.getItem("profilehub.apiKey")),
    first,
    week,
    problems,
  }));
} finally {
  await browser.close();
}
