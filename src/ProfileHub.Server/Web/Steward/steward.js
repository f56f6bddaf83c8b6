// The steward console: every read and every decision goes through ProfileHub's public GraphQL API at /graphql
// with the key the steward gives (kept in this tab's sessionStorage), so the console can do nothing that the
// API does not allow that key. Plain DOM, no framework: the views are few and their state is small.
"use strict";

const keyName = "profilehub.apiKey";
const svgNs = "http://www.w3.org/2000/svg";
const pageSize = 50;
const $ = id => document.getElementById(id);
const number = (x, digits = 1) => (x > 0 ? "+" : x < 0 ? "−" : "") + Math.abs(x).toFixed(digits);
const percent = p => p > 0.995 && p < 1 ? ">99%" : p < 0.005 && p > 0 ? "<1%" : Math.round(100 * p) + "%";
const day = iso => iso ? iso.slice(0, 10) : "";
const moment = iso => iso ? iso.slice(0, 16).replace("T", " ") : "";
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---------------------------------------------------------------- GraphQL

const recordFields = `id source sourceKey fullName givenName familyName observedAt profile { id version }`;
const explanationFields = `priorWeight totalWeight probability decision refusalReason sentence
  contributions { attribute comparison level weight leftValue rightValue note }`;
const itemFields = `id status score createdAt resolvedAt resolvedBy
  recordA { ${recordFields} } recordB { ${recordFields} } explanation { ${explanationFields} }`;

class ApiError extends Error {
  constructor(message, code, details) { super(message); this.code = code; this.details = details; }
}

// One GraphQL request. A field error (STALE_VERSION, INVALID_STATE, ...) throws with its code: every caller
// says in words what happened and keeps what the steward was doing.
async function gql(query, variables = {}) {
  const key = sessionStorage.getItem(keyName);
  let response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json", Authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError("ProfileHub could not be reached. Nothing was changed; try again when it answers.", "NETWORK");
  }
  if (response.status === 401) {
    askForKey("ProfileHub did not accept this key (missing, unknown or revoked). Enter another one.");
    throw new ApiError("The key was refused.", "UNAUTHENTICATED");
  }
  let body;
  try { body = await response.json(); } catch { throw new ApiError(`ProfileHub answered ${response.status} without a GraphQL response.`, "HTTP"); }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code ?? "ERROR", first.extensions);
  }
  return body.data;
}

// ---------------------------------------------------------------- small DOM helpers

function el(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key === "class") element.className = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

function svg(parent, name, attributes, text) {
  const element = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  parent.appendChild(element);
  return element;
}

const loading = () => $("loading").content.cloneNode(true);
const empty = text => el("p", { class: "empty" }, text);
// A source record's name as the source wrote it: its full name, else its given and family names.
const recordName = r => r.fullName ?? ([r.givenName, r.familyName].filter(Boolean).join(" ") || "(no name)");
// A hashed source key (a Meta upload's em:<sha256>) is cut to its start; the whole key is in the tooltip.
const shortKey = key => el("span", { class: "mono", title: key }, key.length > 24 ? key.slice(0, 18) + "…" : key);
const profileLink = (id, text) => el("a", { href: `#/profile/${id}`, class: "mono" }, text ?? id.slice(0, 8));

function notify(text, kind = "") {
  const notice = $("notice");
  notice.textContent = text;
  notice.className = `notice ${kind}`;
  notice.hidden = !text;
}

function failure(error, what) {
  notify(`${what}: ${error.message}`, "error");
}

// ---------------------------------------------------------------- the explanation

// Hashed identifiers (a Meta upload's em/ph) mean nothing to a reader: they are named, not spelled out.
const shown = value => value === null || value === undefined ? "—" : value.replace(/[0-9a-f]{64}@sha256-(\w+)\.invalid/g, "(hashed $1)");
const levelClass = c => c.weight > 0 ? "agree" : c.weight < 0 ? "differ" : "missing";
const levelMark = c => c.weight > 0 ? "✓ " : c.weight < 0 ? "✗ " : "– ";

// The explanation as a waterfall: the prior, then each attribute's weight moving the running total, then the
// total, against the review and link thresholds. One SVG unit is one CSS pixel, so labels keep their size.
function waterfall(explanation, thresholds) {
  const steps = [["Prior (any two records)", explanation.priorWeight, "prior"]];
  for (const c of explanation.contributions.filter(c => c.weight !== 0).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) {
    steps.push([`${c.attribute}: ${c.level}`, c.weight, c.weight > 0 ? "up" : "down"]);
  }
  const chart = document.createElementNS(svgNs, "svg");
  chart.classList.add("waterfall");
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", `Match weight from the prior ${number(explanation.priorWeight)} to the total ${number(explanation.totalWeight)}; review from ${number(thresholds.lower)}, linked from ${number(thresholds.upper)}.`);
  const row = 22, top = 18, labelWidth = 190, valueWidth = 52;
  const width = 720;
  const height = top + (steps.length + 1) * row + 8;
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  let running = 0;
  const ends = [0, thresholds.lower, thresholds.upper, explanation.totalWeight];
  for (const [, w] of steps) { running += w; ends.push(running); }
  const low = Math.min(...ends) - 1, high = Math.max(...ends) + 1;
  const plot = width - labelWidth - valueWidth;
  const x = w => labelWidth + (w - low) / (high - low) * plot;
  for (const [value, text] of [[thresholds.lower, `review from ${number(thresholds.lower)}`], [thresholds.upper, `linked from ${number(thresholds.upper)}`]]) {
    svg(chart, "line", { class: "threshold", x1: x(value), x2: x(value), y1: top - 4, y2: height - 4 });
    svg(chart, "text", { x: x(value) + (value === thresholds.upper ? 3 : -3), y: 12, "text-anchor": value === thresholds.upper ? "start" : "end" }, text);
  }
  svg(chart, "line", { class: "zero", x1: x(0), x2: x(0), y1: top, y2: height - 4 });
  running = 0;
  steps.forEach(([name, w, kind], i) => {
    const y = top + i * row;
    const from = i === 0 ? 0 : running;
    running = i === 0 ? w : running + w;
    const g = svg(chart, "g", { class: "step", "data-weight": w.toFixed(3) });
    svg(g, "text", { x: 0, y: y + 15 }, name.length > 30 ? name.slice(0, 29) + "…" : name);
    svg(g, "rect", { class: kind, x: Math.min(x(from), x(running)), y: y + 4, width: Math.max(2, Math.abs(x(running) - x(from))), height: row - 8, rx: 2 });
    svg(g, "text", { x: width - 2, y: y + 15, "text-anchor": "end" }, number(w));
  });
  const y = top + steps.length * row;
  const total = svg(chart, "g", { class: "step total-step", "data-weight": explanation.totalWeight.toFixed(3) });
  svg(total, "text", { x: 0, y: y + 15, "font-weight": 600 }, `Total: ${percent(explanation.probability)} likely one person`);
  svg(total, "rect", { class: "total", x: Math.min(x(0), x(explanation.totalWeight)), y: y + 4, width: Math.max(2, Math.abs(x(explanation.totalWeight) - x(0))), height: row - 8, rx: 2 });
  svg(total, "text", { x: width - 2, y: y + 15, "text-anchor": "end", "font-weight": 600 }, number(explanation.totalWeight, 2));
  return chart;
}

// Both records side by side, attribute by attribute, with how they compare and what that weighed.
function comparisonTable(explanation, left, right) {
  const heading = (record, side) => el("th", {}, `${side}: `, record ? el("span", {}, `${record.source} · `, shortKey(record.sourceKey)) : "record", " ",
    record?.profile ? profileLink(record.profile.id, "profile") : null);
  return el("div", { class: "table-box" }, el("table", { class: "comparison" },
    el("thead", {}, el("tr", {}, el("th", {}, "Attribute"), heading(left, "Left"), heading(right, "Right"), el("th", {}, "Compared"), el("th", { class: "number" }, "Weight"))),
    el("tbody", {}, explanation.contributions.map(c => el("tr", { class: levelClass(c), "data-attribute": c.attribute },
      el("th", { scope: "row" }, c.attribute),
      el("td", {}, shown(c.leftValue)),
      el("td", {}, shown(c.rightValue)),
      el("td", { class: "level", title: c.note ?? "" }, levelMark(c) + c.level),
      el("td", { class: "number" }, c.weight === 0 ? "0" : number(c.weight)))))));
}

// ---------------------------------------------------------------- the review queue

const queue = {
  items: [], selected: -1, cursors: [null], page: 0, pageInfo: null, total: 0, thresholds: null, busy: false,
};

function queueVariables() {
  const [field, direction] = $("queue-order").value.split(":");
  const where = {};
  if ($("queue-source").value.trim()) where.source = { contains: $("queue-source").value.trim() };
  if ($("queue-min").value !== "") where.score = { gte: Number($("queue-min").value) };
  return { first: pageSize, after: queue.cursors[queue.page], where, order: [{ [field]: direction }], resolved: $("queue-resolved").checked };
}

async function loadQueue() {
  const started = performance.now();
  document.body.dataset.queue = "loading";
  $("queue-list").replaceChildren(el("li", { class: "loading-row" }, loading()));
  try {
    const data = await gql(`query Queue($first: Int!, $after: String, $where: ReviewItemFilterInput, $order: [ReviewItemSortInput!], $resolved: Boolean) {
      matchThresholds { upper lower }
      reviewQueue(first: $first, after: $after, where: $where, order: $order, includeResolved: $resolved) {
        totalCount pageInfo { hasNextPage endCursor } nodes { ${itemFields} } } }`, queueVariables());
    queue.thresholds = data.matchThresholds;
    queue.items = data.reviewQueue.nodes;
    queue.pageInfo = data.reviewQueue.pageInfo;
    queue.total = data.reviewQueue.totalCount;
    renderQueue();
    select(queue.items.length ? 0 : -1);
    document.body.dataset.queueMs = Math.round(performance.now() - started);
    document.body.dataset.queue = "ready";
    countConflicts();
  } catch (error) {
    $("queue-list").replaceChildren(el("li", { class: "empty" }, `The queue could not be loaded: ${error.message}`, " ", el("button", { type: "button", onclick: loadQueue }, "Try again")));
    $("pair").replaceChildren();
    document.body.dataset.queue = "error";
  }
}

function renderQueue() {
  const from = queue.page * pageSize;
  const open = $("queue-resolved").checked ? "" : "open ";
  $("queue-summary").textContent = queue.total === 0 ? "" :
    `${queue.total.toLocaleString("en-US")} ${open}item${queue.total === 1 ? "" : "s"}; ${from + 1}–${from + queue.items.length} shown.`;
  $("queue-count").textContent = `(${queue.total.toLocaleString("en-US")})`;
  $("queue-prev").disabled = queue.page === 0;
  $("queue-next").disabled = !queue.pageInfo?.hasNextPage;
  if (queue.items.length === 0) {
    $("queue-list").replaceChildren(el("li", { class: "empty" }, queue.page === 0 && !$("queue-source").value && $("queue-min").value === ""
      ? "Nothing to review: every uncertain match has been decided. New ones arrive after the next match run."
      : "No item matches these filters."));
    $("pair").replaceChildren(empty("Select an item to see both records and why they might be one person."));
    return;
  }
  $("queue-list").replaceChildren(...queue.items.map((item, i) => el("li", {
    id: `item-${item.id}`, "data-id": item.id, role: "option", "aria-selected": "false", class: item.status === "OPEN" ? "" : "decided",
    onclick: () => select(i),
  },
  el("span", { class: "score" }, number(item.score, 2)),
  el("span", { class: "names" }, `${recordName(item.recordA)} · ${recordName(item.recordB)}`),
  el("span", { class: "age" }, item.status === "OPEN" ? age(item.createdAt) : statusWords(item)),
  el("span", { class: "meta" }, `${item.recordA.source} · ${item.recordB.source} · ${percent(item.explanation.probability)}`))));
}

function age(iso) {
  const days = Math.floor((Date.now() - Date.parse(iso)) / 86400000);
  return days < 1 ? "today" : days === 1 ? "1 day" : `${days} days`;
}

const statusWords = item => ({ MERGED: "merged", NOT_A_MATCH: "not a match", OPEN: "open" })[item.status] + (item.resolvedBy ? ` by ${item.resolvedBy}` : "");

function select(index) {
  if (index < 0 || index >= queue.items.length) { queue.selected = -1; return; }
  queue.selected = index;
  for (const li of $("queue-list").children) li.setAttribute("aria-selected", String(li.dataset.id === queue.items[index].id));
  $(`item-${queue.items[index].id}`)?.scrollIntoView({ block: "nearest" });
  renderPair(queue.items[index]);
}

function renderPair(item) {
  const decided = item.status !== "OPEN";
  $("pair").replaceChildren(
    el("div", { class: "pair-head" },
      el("h2", {}, `${recordName(item.recordA)} and ${recordName(item.recordB)}`),
      el("span", { class: "mono" }, item.id),
      el("span", { class: "status", id: "pair-status" }, decided ? `Decided: ${statusWords(item)}${item.resolvedAt ? ", " + moment(item.resolvedAt) : ""}` : `Open since ${day(item.createdAt)}`)),
    el("p", { class: "sentence", id: "sentence" }, item.explanation.sentence),
    el("div", { class: "decision-bar" },
      el("button", { class: "primary", type: "button", id: "decide-merge", disabled: decided, onclick: () => decide("MERGE") }, "Merge ", el("kbd", {}, "m")),
      el("button", { type: "button", id: "decide-apart", disabled: decided, onclick: () => decide("NOT_A_MATCH") }, "Not a match ", el("kbd", {}, "n")),
      el("button", { type: "button", id: "decide-skip", onclick: skip }, "Skip ", el("kbd", {}, "s"))),
    el("h3", {}, "Why: the weight of each attribute"),
    waterfall(item.explanation, queue.thresholds),
    comparisonTable(item.explanation, item.recordA, item.recordB));
}

function skip() {
  if (queue.selected < 0) return;
  notify("");
  select(Math.min(queue.selected + 1, queue.items.length - 1));
}

// One decision: the versions of both profiles as the steward saw them go with it. Another steward deciding
// first, or a profile changed meanwhile, is said plainly; the item stays where it was and nothing is lost.
async function decide(decision) {
  const item = queue.items[queue.selected];
  if (!item || queue.busy) return;
  if (item.status !== "OPEN") { notify(`${item.id} is already decided (${statusWords(item)}).`); return; }
  queue.busy = true;
  const started = performance.now();
  const versions = [item.recordA.profile, item.recordB.profile].filter(Boolean).map(p => ({ id: p.id, version: p.version }));
  try {
    const data = await gql(`mutation Decide($id: ID!, $decision: ReviewDecision!, $versions: [ProfileVersionInput!]) {
      resolveReviewItem(id: $id, decision: $decision, versions: $versions) { id status resolvedAt resolvedBy } }`,
    { id: item.id, decision, versions: decision === "MERGE" ? versions : null });
    document.body.dataset.decisionMs = Math.round(performance.now() - started);
    Object.assign(item, data.resolveReviewItem);
    queue.total = Math.max(0, queue.total - 1);
    afterDecision(item, `${item.id}: ${decision === "MERGE" ? "merged — the two records are now one profile" : "not a match — they will never be linked"}.`, "ok");
  } catch (error) {
    if (error.code === "INVALID_STATE" && /already resolved/.test(error.message)) {
      const fresh = await reloadItem(item);
      afterDecision(fresh ?? item, `${item.id} was decided before yours arrived (${fresh ? statusWords(fresh) : "already resolved"}): your decision was not applied, and nothing was lost.`, "");
    } else if (error.code === "STALE_VERSION") {
      await reloadItem(item);
      renderPair(queue.items[queue.selected]);
      notify(`One of these profiles changed since you loaded it (someone edited it meanwhile). The pair is reloaded with the current state: check it and decide again.`);
    } else {
      failure(error, `${item.id} was not decided`);
    }
  } finally {
    queue.busy = false;
  }
}

async function reloadItem(item) {
  try {
    const data = await gql(`query Item($id: ID!) { node(id: $id) { ... on ReviewItem { ${itemFields} } } }`, { id: item.id });
    if (data.node) Object.assign(item, data.node);
    return data.node;
  } catch { return null; }
}

function afterDecision(item, message, kind) {
  renderQueue();
  const next = queue.items.findIndex((other, i) => i > queue.selected && other.status === "OPEN");
  select(next >= 0 ? next : queue.selected);
  if (next < 0) renderPair(item);
  notify(message, kind);
  document.body.dataset.decided = String(Number(document.body.dataset.decided ?? 0) + 1);
}

// ---------------------------------------------------------------- conflicts

const conflicts = { after: null };

async function loadConflicts(reset = true) {
  if (reset) conflicts.after = null;
  const body = $("conflicts-table").tBodies[0];
  body.replaceChildren(el("tr", {}, el("td", { colspan: 4 }, loading())));
  try {
    const data = await gql(`query Conflicts($after: String) { conflictQueue(first: ${pageSize}, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id givenName familyName conflicts { attribute survivor { value lineage { source } } candidates { value lineage { source } } } } } }`, { after: conflicts.after });
    const page = data.conflictQueue;
    $("conflict-count").textContent = `(${page.totalCount.toLocaleString("en-US")})`;
    $("conflicts-summary").textContent = `${page.totalCount.toLocaleString("en-US")} profile${page.totalCount === 1 ? "" : "s"} with conflicting values.`;
    conflicts.after = page.pageInfo.endCursor;
    conflictsCounted = true;
    $("conflicts-next").disabled = !page.pageInfo.hasNextPage;
    const rows = page.nodes.flatMap(p => p.conflicts.map((c, i) => el("tr", {},
      el("td", {}, i === 0 ? el("a", { href: `#/profile/${p.id}` }, `${p.givenName ?? ""} ${p.familyName ?? ""}`.trim() || p.id) : ""),
      el("td", {}, c.attribute),
      el("td", {}, c.survivor ? `${c.survivor.value} (${c.survivor.lineage.source ?? "pin"})` : "—"),
      el("td", {}, c.candidates.map(v => `${v.value} (${v.lineage.source ?? "pin"})`).join("; ")))));
    body.replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: 4 }, empty("No conflicts: every attribute's trusted sources agree, or a steward pinned the value.")))]));
  } catch (error) {
    body.replaceChildren(el("tr", {}, el("td", { colspan: 4, class: "empty" }, `Conflicts could not be loaded: ${error.message}`)));
  }
}

// ---------------------------------------------------------------- search

async function search(text) {
  const body = $("search-table").tBodies[0];
  text = text.trim();
  $("search-summary").textContent = "";
  if (!text) { body.replaceChildren(el("tr", {}, el("td", { colspan: 6 }, empty("Type a name, an email, a phone, a loyalty id or a profile id.")))); return; }
  body.replaceChildren(el("tr", {}, el("td", { colspan: 6 }, loading())));
  const profile = `id givenName familyName email phone city status`;
  try {
    // A profile id is looked up directly; anything else goes to searchProfiles (names fuzzy, emails and phones
    // exact) and, as a loyalty id, to profileByIdentifier, in one request.
    const data = uuid.test(text)
      ? await gql(`query ById($id: ID!) { profile(id: $id) { ${profile} } }`, { id: text })
      : await gql(`query Search($q: String!) { searchProfiles(query: $q, first: 25) { score profile { ${profile} } }
          loyalty: profileByIdentifier(kind: LOYALTY_ID, value: $q) { ${profile} } }`, { q: text });
    const found = data.profile ? [{ score: 100, profile: data.profile }]
      : [...(data.loyalty ? [{ score: 100, profile: data.loyalty, how: "loyalty id" }] : []), ...(data.searchProfiles ?? []).filter(m => m.profile.id !== data.loyalty?.id)];
    $("search-summary").textContent = `${found.length} profile${found.length === 1 ? "" : "s"} found for “${text}”.`;
    body.replaceChildren(...(found.length ? found.map(m => el("tr", {},
      el("td", { class: "number" }, m.how ?? String(m.score)),
      el("td", {}, el("a", { href: `#/profile/${m.profile.id}` }, `${m.profile.givenName ?? ""} ${m.profile.familyName ?? ""}`.trim() || "(no name)")),
      el("td", {}, m.profile.email ?? "—"), el("td", {}, m.profile.phone ?? "—"), el("td", {}, m.profile.city ?? "—"),
      el("td", {}, profileLink(m.profile.id))))
      : [el("tr", {}, el("td", { colspan: 6 }, empty("No profile matches. Names are found by the first three letters of a word; emails and phones exactly.")))]));
  } catch (error) {
    body.replaceChildren(el("tr", {}, el("td", { colspan: 6, class: "empty" }, `Search failed: ${error.message}`)));
  }
}

// ---------------------------------------------------------------- the profile

const profileState = { profile: null, thresholds: null, editing: null, preview: null };

async function loadProfile(id) {
  $("profile").replaceChildren(loading());
  try {
    const data = await gql(`query Profile($id: ID!) {
      matchThresholds { upper lower }
      profile(id: $id) { id version status createdAt updatedAt givenName familyName email phone city country
        attributes { name value ordinal lineage { source sourceRecord { id sourceKey } observedAt rule pinned } }
        conflicts { attribute survivor { value } candidates { value lineage { source observedAt } } }
        consent { channel status scope observedAt source }
        links { record { id source sourceKey fullName givenName familyName observedAt } linkedBy score linkedAt explanation { ${explanationFields} } }
        touchpoints(first: 30) { totalCount nodes { id source channel type occurredAt stage purchase amount currency } }
        history(first: 100) { id actor action occurredAt before after } } }`, { id });
    if (!data.profile) { $("profile").replaceChildren(empty(`No profile ${id}.`)); return; }
    if (data.profile.id !== id) notify(`Profile ${id} was merged into ${data.profile.id}: showing the survivor.`);
    profileState.profile = data.profile;
    profileState.thresholds = data.matchThresholds;
    renderProfile();
    document.body.dataset.profile = data.profile.id;
    countConflicts();
    document.body.dataset.profileVersion = data.profile.version;
  } catch (error) {
    $("profile").replaceChildren(el("p", { class: "empty" }, `The profile could not be loaded: ${error.message} `, el("button", { type: "button", onclick: () => loadProfile(id) }, "Try again")));
  }
}

function renderProfile() {
  const p = profileState.profile;
  const name = `${p.givenName ?? ""} ${p.familyName ?? ""}`.trim() || "(no name)";
  const erased = p.status !== "ACTIVE";
  $("profile").replaceChildren(...[
    el("div", { class: "pair-head" }, el("h2", {}, name), el("span", { class: "mono" }, p.id), el("span", { class: "status" }, `version ${p.version} · ${p.status.toLowerCase()} · since ${day(p.createdAt)}`)),
    erased ? empty("This profile holds no data any more.") : null,
    erased ? null : el("div", { class: "profile-grid" },
      el("section", {}, el("h3", {}, "Golden attributes"), attributesTable(p)),
      el("section", {}, el("h3", {}, "Consent per channel"), consentTable(p), el("h3", {}, "Merge with another profile"), mergeBox(p))),
    erased ? null : el("section", {}, el("h3", {}, `Member records (${p.links.length})`), linksTable(p)),
    erased ? null : el("section", {}, el("h3", {}, `Touchpoints (${p.touchpoints.totalCount.toLocaleString("en-US")}, newest first)`), timeline(p)),
    el("section", {}, el("h3", {}, "History"), history(p))].filter(Boolean));
}

function attributesTable(p) {
  const conflictOf = new Map(p.conflicts.map(c => [c.attribute, c]));
  const rows = p.attributes.filter(a => a.ordinal === 0).map(a => {
    const editing = profileState.editing?.attribute === a.name;
    const conflict = conflictOf.get(a.name);
    return el("tr", { "data-attribute": a.name },
      el("th", { scope: "row" }, a.name),
      el("td", {}, editing ? pinEditor(a.name) : [a.value, conflict ? el("div", { class: "note" }, "Also: ", conflict.candidates.map(v =>
        el("button", { type: "button", class: "pin-candidate", onclick: () => pin(a.name, v.value) }, `${v.value} (${v.lineage.source}) — pin`))) : null]),
      el("td", {}, a.lineage.pinned ? el("span", { class: "pinned" }, "pinned by a steward") : a.lineage.source ?? "—",
        a.lineage.sourceRecord ? el("div", { class: "note mono" }, a.lineage.sourceRecord.id) : null),
      el("td", {}, a.lineage.rule, a.lineage.observedAt ? el("div", { class: "note" }, day(a.lineage.observedAt)) : null),
      el("td", {}, a.lineage.pinned
        ? el("button", { type: "button", class: "unpin", onclick: () => unpin(a.name) }, "Unpin")
        : editing ? null : el("button", { type: "button", class: "pin", onclick: () => { profileState.editing = { attribute: a.name, value: a.value }; renderProfile(); $("pin-value")?.focus(); } }, "Pin…")));
  });
  return el("div", { class: "table-box" }, el("table", { id: "attributes" },
    el("thead", {}, el("tr", {}, el("th", {}, "Attribute"), el("th", {}, "Value"), el("th", {}, "Source"), el("th", {}, "Rule, observed"), el("th", {}, ""))),
    el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: 5 }, empty("No attribute survived.")))))) ;
}

function pinEditor(attribute) {
  const input = el("input", { id: "pin-value", value: profileState.editing.value, "aria-label": `Value to pin for ${attribute}`, oninput: e => { profileState.editing.value = e.target.value; } });
  return el("form", { class: "options", onsubmit: e => { e.preventDefault(); pin(attribute, input.value); } },
    input, el("button", { class: "primary", type: "submit", id: "pin-save" }, "Pin"),
    el("button", { type: "button", onclick: () => { profileState.editing = null; renderProfile(); } }, "Cancel"));
}

// Every profile edit names the version shown. Refused as stale, the profile is reloaded and the steward's
// input (a value being pinned, a merge being previewed) is kept for another try.
async function edit(what, mutation, variables, onDone) {
  const p = profileState.profile;
  try {
    const data = await gql(mutation, { ...variables, profile: { id: p.id, version: p.version } });
    await onDone(data);
  } catch (error) {
    if (error.code === "STALE_VERSION") {
      await loadProfile(p.id);
      notify(`${what} was not saved: this profile changed since you loaded it (someone else edited it). It is reloaded with your input kept; check it and try again.`);
    } else {
      failure(error, `${what} was not saved`);
    }
  }
}

function pin(attribute, value) {
  return edit(`Pinning ${attribute}`, `mutation Pin($profile: ProfileVersionInput!, $attribute: String!, $value: String!) {
    pinAttribute(profile: $profile, attribute: $attribute, value: $value) { id version } }`, { attribute, value }, async () => {
    profileState.editing = null;
    await loadProfile(profileState.profile.id);
    notify(`${attribute} is pinned to “${value}”: it wins survivorship until unpinned.`, "ok");
  });
}

function unpin(attribute) {
  return edit(`Unpinning ${attribute}`, `mutation Unpin($profile: ProfileVersionInput!, $attribute: String!) {
    unpinAttribute(profile: $profile, attribute: $attribute) { id version } }`, { attribute }, async () => {
    await loadProfile(profileState.profile.id);
    notify(`${attribute} is unpinned: the survivorship rules decide it again.`, "ok");
  });
}

function consentTable(p) {
  if (p.consent.length === 0) return empty("No consent statement from any source.");
  return el("div", { class: "table-box" }, el("table", { id: "consent" },
    el("thead", {}, el("tr", {}, el("th", {}, "Channel"), el("th", {}, "Status"), el("th", {}, "Since"), el("th", {}, "Source"))),
    el("tbody", {}, p.consent.map(c => el("tr", {}, el("td", {}, c.channel.toLowerCase()), el("td", {}, c.status.toLowerCase().replace("_", " ")),
      el("td", {}, day(c.observedAt)), el("td", {}, c.source))))));
}

function linksTable(p) {
  const only = p.links.length < 2;
  return el("div", { class: "table-box" }, el("table", { id: "links" },
    el("thead", {}, el("tr", {}, el("th", {}, "Record"), el("th", {}, "Name"), el("th", {}, "Linked by"), el("th", {}, "Why"), el("th", {}, ""))),
    el("tbody", {}, p.links.map(l => el("tr", { "data-record": l.record.id },
      el("td", {}, `${l.record.source} · `, shortKey(l.record.sourceKey), el("div", { class: "note mono" }, l.record.id)),
      el("td", {}, recordName(l.record)),
      el("td", {}, l.linkedBy.toLowerCase(), l.score !== null ? el("div", { class: "note" }, number(l.score)) : null, el("div", { class: "note" }, day(l.linkedAt))),
      el("td", {}, l.explanation ? l.explanation.sentence : l.linkedBy === "SEED" ? "Founded this profile." : "Linked by a steward's decision."),
      el("td", {}, el("button", { type: "button", class: "split", disabled: only, title: only ? "The only record: nothing to split it from" : "",
        onclick: e => confirmSplit(e.target, l.record) }, "Split out")))))));
}

function confirmSplit(button, record) {
  button.replaceWith(el("span", { class: "options" },
    el("button", { type: "button", class: "danger confirm-split", onclick: () => split(record) }, `Split ${record.id} out`),
    el("button", { type: "button", onclick: renderProfile }, "Cancel")));
}

async function split(record) {
  const p = profileState.profile;
  try {
    const data = await gql(`mutation Split($record: ID!, $version: Int!) { splitRecord(recordId: $record, profileVersion: $version) { from { id version } to { id } } }`,
      { record: record.id, version: p.version });
    await loadProfile(p.id);
    notify(`${record.id} (${record.source}) now founds its own profile ${data.splitRecord.to.id}; it will not be linked with this profile's records again.`, "ok");
  } catch (error) {
    if (error.code === "STALE_VERSION") { await loadProfile(p.id); notify("The split was not made: this profile changed since you loaded it. It is reloaded; check it and split again."); }
    else failure(error, "The split was not made");
  }
}

function mergeBox(p) {
  const preview = profileState.preview;
  const input = el("input", { id: "merge-with", type: "search", size: 30, placeholder: "profile id, name, email or phone", value: preview?.query ?? "", "aria-label": "The other profile" });
  return el("div", { class: "merge-box" },
    el("form", { class: "options", onsubmit: e => { e.preventDefault(); findMergeCandidates(input.value); } },
      input, el("button", { type: "submit", id: "merge-find" }, "Find")),
    preview?.candidates ? el("ul", { class: "timeline", id: "merge-candidates" }, preview.candidates.length ? preview.candidates.map(c => el("li", {},
      `${c.givenName ?? ""} ${c.familyName ?? ""} · ${c.email ?? c.phone ?? c.city ?? ""} `, profileLink(c.id), " ",
      el("button", { type: "button", class: "merge-preview", onclick: () => previewMerge(c) }, "Preview merge")))
      : el("li", {}, "No other profile found.")) : null,
    preview?.result ? mergePreview(preview.result) : null,
    !preview ? el("p", { class: "note" }, "Find the other profile, preview the survivor, then merge.") : null);
}

async function findMergeCandidates(text) {
  const p = profileState.profile;
  text = text.trim();
  if (!text) return;
  const fields = "id version givenName familyName email phone city status";
  try {
    const data = uuid.test(text)
      ? await gql(`query One($id: ID!) { profile(id: $id) { ${fields} } }`, { id: text })
      : await gql(`query Many($q: String!) { searchProfiles(query: $q, first: 8) { profile { ${fields} } } }`, { q: text });
    const found = data.profile ? [data.profile] : (data.searchProfiles ?? []).map(m => m.profile);
    profileState.preview = { query: text, candidates: found.filter(c => c.id !== p.id && c.status === "ACTIVE") };
    renderProfile();
  } catch (error) { failure(error, "No profile could be found"); }
}

async function previewMerge(other) {
  const p = profileState.profile;
  const profiles = [{ id: p.id, version: p.version }, { id: other.id, version: other.version }];
  try {
    const data = await gql(`query Preview($profiles: [ProfileVersionInput!]!) { previewMerge(profiles: $profiles) {
      survivor { id givenName familyName } absorbed { id givenName familyName } records
      attributes { name value ordinal lineage { source rule pinned } } conflicts { attribute candidates { value } } } }`, { profiles });
    profileState.preview = { ...profileState.preview, candidates: null, result: { ...data.previewMerge, profiles } };
    renderProfile();
    $("merge-confirm")?.focus();
  } catch (error) { failure(error, "The merge cannot be previewed"); }
}

function mergePreview(result) {
  return el("div", { id: "merge-preview" },
    el("p", {}, "Survivor: ", profileLink(result.survivor.id, result.survivor.id), ` (the oldest) absorbs `,
      result.absorbed.map(a => profileLink(a.id, a.id)), `; ${result.records} records in all. Nothing has changed yet.`),
    el("div", { class: "table-box" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "Attribute"), el("th", {}, "Value after the merge"), el("th", {}, "Source, rule"))),
      el("tbody", {}, result.attributes.filter(a => a.ordinal === 0).map(a => el("tr", {}, el("th", { scope: "row" }, a.name), el("td", {}, a.value),
        el("td", {}, `${a.lineage.pinned ? "pinned" : a.lineage.source ?? ""}, ${a.lineage.rule}`)))))),
    result.conflicts.length ? el("p", { class: "note" }, `Would conflict: ${result.conflicts.map(c => c.attribute).join(", ")} (pin a value after the merge).`) : null,
    el("div", { class: "decision-bar" },
      el("button", { type: "button", class: "primary", id: "merge-confirm", onclick: () => merge(result.profiles) }, "Merge these profiles"),
      el("button", { type: "button", onclick: () => { profileState.preview = null; renderProfile(); } }, "Cancel")));
}

async function merge(profiles) {
  try {
    const data = await gql(`mutation Merge($profiles: [ProfileVersionInput!]!) { mergeProfiles(profiles: $profiles) { id version } }`, { profiles });
    profileState.preview = null;
    const survivor = data.mergeProfiles.id;
    notify(`Merged: ${survivor} holds both profiles now; the other id resolves to it.`, "ok");
    if (location.hash === `#/profile/${survivor}`) await loadProfile(survivor);
    else { noticeCarried = true; location.hash = `#/profile/${survivor}`; }
  } catch (error) {
    if (error.code === "STALE_VERSION") notify("The merge was not made: a profile changed since the preview. Preview again to see the current survivor.");
    else failure(error, "The merge was not made");
  }
}

function timeline(p) {
  if (p.touchpoints.nodes.length === 0) return empty("No touchpoints.");
  return el("ol", { class: "timeline", id: "touchpoints" }, p.touchpoints.nodes.map(t => el("li", {},
    el("time", { datetime: t.occurredAt }, moment(t.occurredAt)), `${t.channel.toLowerCase()} · ${t.type.replaceAll("_", " ")}`,
    t.purchase ? el("span", { class: "tag" }, `purchase${t.amount !== null ? ` ${t.amount.toFixed(2)} ${t.currency ?? ""}` : ""}`) : null,
    el("span", { class: "note" }, ` (${t.source})`))));
}

function history(p) {
  if (p.history.length === 0) return empty("No steward has changed this profile.");
  return el("ol", { class: "timeline", id: "history" }, p.history.map(h => el("li", { "data-action": h.action },
    el("time", { datetime: h.occurredAt }, moment(h.occurredAt)), `${h.action.replaceAll("_", " ")} by ${h.actor}`,
    el("details", { class: "audit" }, el("summary", {}, "before / after"), el("pre", {}, `before: ${JSON.stringify(h.before, null, 1)}\nafter: ${JSON.stringify(h.after, null, 1)}`)))));
}

// ---------------------------------------------------------------- routing, keys, start

// A notice belongs to the view it was given in, except one that announces the view being opened (a merge's).
let noticeCarried = false;

function route() {
  if (!noticeCarried) notify("");
  noticeCarried = false;
  const [, view = "queue", arg] = (location.hash || "#/queue").split("/");
  for (const name of ["queue", "conflicts", "search", "profile"]) $(`view-${name}`).hidden = name !== view;
  for (const a of document.querySelectorAll("#nav a")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  document.body.dataset.view = view;
  if (view === "queue" && queue.items.length === 0 && document.body.dataset.queue !== "loading") loadQueue();
  if (view === "conflicts") loadConflicts();
  if (view === "search") { const q = decodeURIComponent(arg ?? ""); $("search-input").value = q; if (q) search(q); $("search-input").focus(); }
  if (view === "profile" && arg) { profileState.preview = null; profileState.editing = null; loadProfile(decodeURIComponent(arg)); }
}

let pendingG = false;
function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) {
    if (event.key === "Escape") target.blur();
    return;
  }
  if ($("help").open) { if (event.key === "?") $("help").close(); return; }
  if (pendingG) { pendingG = false; if (event.key === "q") { location.hash = "#/queue"; return; } }
  const inQueue = !$("view-queue").hidden;
  const actions = {
    "?": () => $("help").showModal(),
    "/": () => { location.hash = "#/search"; $("search-input").focus(); },
    g: () => { pendingG = true; },
    j: () => inQueue && select(Math.min(queue.selected + 1, queue.items.length - 1)),
    k: () => inQueue && select(Math.max(queue.selected - 1, 0)),
    m: () => inQueue && decide("MERGE"),
    n: () => inQueue && decide("NOT_A_MATCH"),
    s: () => inQueue && skip(),
    a: () => inQueue && queue.items[queue.selected]?.recordA.profile && (location.hash = `#/profile/${queue.items[queue.selected].recordA.profile.id}`),
    b: () => inQueue && queue.items[queue.selected]?.recordB.profile && (location.hash = `#/profile/${queue.items[queue.selected].recordB.profile.id}`),
  };
  if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
}

function askForKey(message) {
  sessionStorage.removeItem(keyName);
  for (const id of ["nav", "who", "view-queue", "view-conflicts", "view-search", "view-profile"]) $(id).hidden = true;
  $("key-form").hidden = false;
  notify(message ?? "", message ? "error" : "");
  $("api-key").focus();
}

async function start() {
  if (!sessionStorage.getItem(keyName)) { askForKey(); return; }
  $("key-form").hidden = true;
  $("nav").hidden = false;
  $("who").hidden = false;
  // The view first; who the key is comes alongside (a refused key is said by whichever answers first).
  route();
  try {
    const who = await fetch("/whoami", { headers: { Authorization: `Bearer ${sessionStorage.getItem(keyName)}` } });
    if (who.status === 401) { askForKey("ProfileHub did not accept this key (missing, unknown or revoked). Enter another one."); return; }
    const me = await who.json();
    $("who-name").textContent = `${me.name ?? ""} (${me.role ?? ""})`;
  } catch { /* the view says what failed */ }
}

// The conflict count for the navigation is asked once the first view is drawn: on a million profiles it is
// the slower question, and the queue should not wait behind it.
let conflictsCounted = false;
function countConflicts() {
  if (conflictsCounted) return;
  conflictsCounted = true;
  gql(`{ conflictQueue(first: 1) { totalCount } }`).then(d => { $("conflict-count").textContent = `(${d.conflictQueue.totalCount.toLocaleString("en-US")})`; }).catch(() => {});
}

$("key-form").addEventListener("submit", event => {
  event.preventDefault();
  sessionStorage.setItem(keyName, $("api-key").value.trim());
  $("api-key").value = "";
  notify("");
  start();
});
$("forget-key").addEventListener("click", () => { queue.items = []; askForKey(); });
$("help-button").addEventListener("click", () => $("help").showModal());
$("help-close").addEventListener("click", () => $("help").close());
$("queue-options").addEventListener("change", () => { queue.cursors = [null]; queue.page = 0; loadQueue(); });
$("queue-options").addEventListener("submit", event => event.preventDefault());
$("queue-next").addEventListener("click", () => { queue.cursors[queue.page + 1] = queue.pageInfo.endCursor; queue.page++; loadQueue(); });
$("queue-prev").addEventListener("click", () => { queue.page = Math.max(0, queue.page - 1); loadQueue(); });
$("conflicts-next").addEventListener("click", () => loadConflicts(false));
$("search-form").addEventListener("submit", event => { event.preventDefault(); location.hash = `#/search/${encodeURIComponent($("search-input").value.trim())}`; });
window.addEventListener("hashchange", route);
document.addEventListener("keydown", onKey);
start();
