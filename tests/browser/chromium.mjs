// What every page script of this folder starts with: its arguments (base url, api key, Chromium executable) and
// Debian's Chromium launched headless through playwright-core (never a browser download of its own).
import { chromium } from "playwright-core";

export async function launch(script) {
  const [baseUrl, apiKey, executablePath] = process.argv.slice(2);
  if (!baseUrl || !apiKey || !executablePath) {
    console.error(`usage: node ${script} <base url> <api key> <chromium executable>`);
    process.exit(64);
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return { baseUrl, apiKey, browser };
}
