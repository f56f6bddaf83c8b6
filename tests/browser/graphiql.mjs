// Opens GraphiQL at ProfileHub's /graphql in Debian's Chromium (headless, through playwright-core) as a person
// would: puts the API key in the headers pane, re-fetches the schema, opens the docs explorer and looks up Profile.
// Prints what it saw as JSON for the xunit test to check:
//   node graphiql.mjs <base url> <api key> <chromium executable>
import { launch } from "./chromium.mjs";

const { baseUrl, apiKey, browser } = await launch("graphiql.mjs");
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  page.on("pageerror", error => problems.push(error.message));
  // Every introspection GraphiQL sends, with its answer: the first goes out before the key is in the headers pane.
  const introspections = [];
  page.on("response", async response => {
    const body = response.request().postDataJSON?.();
    if (response.request().method() === "POST" && body?.query?.includes("__schema")) {
      const answer = await response.json().catch(() => null);
      introspections.push({ status: response.status(), errors: answer?.errors?.map(e => e.message) ?? [], types: answer?.data?.__schema?.types?.length ?? 0 });
    }
  });

  const response = await page.goto(new URL("/graphql", baseUrl).toString());
  await page.waitForSelector(".graphiql-container", { timeout: 20000 });

  // The headers pane, filled as a paste would (typing would meet the editor's automatic closing brackets).
  await page.click('.graphiql-editor-tools button[data-name="headers"]');
  await page.click(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror");
  await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${apiKey}` }));
  // GraphiQL takes the edited headers into its state after a debounce: a re-fetch clicked at once may still go
  // out without them (401), as a person's quick click would. Like that person, click again until it answers.
  for (let attempt = 0; attempt < 10; attempt++) {
    const answered = page.waitForResponse(
      r => r.request().method() === "POST" && r.request().postData()?.includes("__schema"), { timeout: 20000 })
      .catch(() => null); // reported through `introspections` below
    await page.click('button[aria-label="Re-fetch GraphQL schema"]');
    if ((await answered)?.status() === 200) break;
    await page.waitForTimeout(500);
  }
  await page.waitForFunction(() => !document.querySelector('button[aria-label="Re-fetch GraphQL schema"]')?.disabled, null, { timeout: 20000 });

  await page.click('button[aria-label="Show Documentation Explorer"]');
  const explorer = page.locator(".graphiql-doc-explorer");
  await explorer.waitFor({ timeout: 20000 });
  const schemaError = await explorer.locator(".graphiql-doc-explorer-error").allTextContents();
  const rootTypes = await explorer.locator(".graphiql-doc-explorer-root-type").allTextContents();
  const profileLink = explorer.locator("a.graphiql-doc-explorer-type-name", { hasText: /^Profile$/ }).first();
  const profileListed = await profileLink.count() > 0;
  let profile = null;
  if (profileListed) {
    await profileLink.click();
    await explorer.locator(".graphiql-doc-explorer-title", { hasText: /^Profile$/ }).waitFor({ timeout: 20000 });
    profile = {
      title: await explorer.locator(".graphiql-doc-explorer-title").textContent(),
      fields: await explorer.locator("a.graphiql-doc-explorer-field-name").allTextContents(),
    };
  }
  // For a look at what the explorer shows: PROFILEHUB_SCREENSHOT=/tmp/graphiql.png
  if (process.env.PROFILEHUB_SCREENSHOT) await page.screenshot({ path: process.env.PROFILEHUB_SCREENSHOT });

  console.log(JSON.stringify({ status: response?.status(), introspections, schemaError, rootTypes, profileListed, profile, problems }));
} finally {
  await browser.close();
}
