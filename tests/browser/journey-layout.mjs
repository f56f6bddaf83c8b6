// Opens ProfileHub's /journey page in Debian's Chromium (headless, through playwright-core) at a desktop and a
// phone width, saves a full-page screenshot of each into <screenshot folder> (journey-<width>.png) and prints,
// per width, what a person would notice for the xunit test to check: sideways scrolling, chart text cut off at
// its SVG's edge, tables wider than their box, the channel table's rows, footer and caption.
//   node journey-layout.mjs <base url> <api key> <screenshot folder> <chromium executable>
import path from "node:path";
import { launch, openJourney } from "./chromium.mjs";

const widths = [1280, 420];
const { baseUrl, apiKey, rest: [folder], browser } = await launch("journey-layout.mjs", "screenshot folder");
try {
  const results = [];
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems = [];
    page.on("pageerror", error => problems.push(error.message));
    await openJourney(page, baseUrl, apiKey);
    const screenshot = path.join(folder, `journey-${width}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    const seen = await page.evaluate(() => {
      const rows = selector => [...document.querySelectorAll(selector)].map(tr => [...tr.cells].map(td => td.textContent));
      return {
        innerWidth: window.innerWidth,
        scrollWidth: document.scrollingElement.scrollWidth,
        charts: [...document.querySelectorAll("svg")].map(chart => {
          const box = chart.getBoundingClientRect();
          // Half a pixel of slack for sub-pixel glyph boxes.
          const outside = [...chart.querySelectorAll("text")].filter(t => {
            const b = t.getBoundingClientRect();
            return b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5;
          });
          return { id: chart.id, width: box.width, texts: chart.querySelectorAll("text").length, outside: outside.map(t => t.textContent) };
        }),
        tables: [...document.querySelectorAll("table")].map(t => ({ id: t.id, width: t.scrollWidth, box: t.parentElement.clientWidth })),
        funnel: [...document.querySelectorAll("#funnel text.value")].map(t => t.textContent),
        channels: rows("#channels tbody tr"),
        channelsTotal: rows("#channels tfoot tr"),
        channelsCaption: document.querySelector("#channels caption").textContent,
      };
    });
    results.push({ width, screenshot, problems, ...seen });
    await page.close();
  }
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
}
