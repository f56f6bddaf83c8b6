// What every page script of this folder starts with: its arguments (base url, api key, the script's own ones,
// then the Chromium executable, last) and Debian's Chromium launched headless through playwright-core (never a
// browser download of its own).
import { chromium } from "playwright-core";

export async function launch(script, ...extra) {
  const args = process.argv.slice(2);
  const executablePath = args.pop();
  const [baseUrl, apiKey, ...rest] = args;
  if (!baseUrl || !apiKey || !executablePath || rest.length !== extra.length) {
    console.error(`usage: node ${script} <base url> <api key> ${extra.map(e => `<${e}> `).join("")}<chromium executable>`);
    process.exit(64);
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return { baseUrl, apiKey, rest, browser };
}

// Opens /journey, gives it the key as a person would and waits until the charts are drawn for the default window.
export async function openJourney(page, baseUrl, apiKey) {
  const response = await page.goto(new URL("/journey", baseUrl).toString());
  const keyAsked = await page.locator("#key-form").isVisible();
  await page.fill("#api-key", apiKey);
  await page.click("#use-key");
  await page.waitForSelector('body[data-window="30"]', { timeout: 20000 });
  return { response, keyAsked };
}
