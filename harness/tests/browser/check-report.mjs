// Loads a harness HTML report in headless Chromium and checks it as a reader would use it:
// the page loads with no console error, no exception and no network request; on a run report
// the failures come first (a clean report opens on its summary), the outcome, area, basis and
// text filters show exactly the matching cases, and a case expands to its evidence with every
// check shown and the failed ones highlighted. Writes a screenshot of the first screen
// (SCREENSHOT with -first before .png) and one of the whole page after the checks.
//
// Usage: node check-report.mjs REPORT.html SCREENSHOT.png
// Talks the Chrome DevTools protocol over --remote-debugging-pipe (file descriptors 3 and 4),
// so it needs nothing but Node.js built-ins. CHROMIUM names the browser (default /usr/bin/chromium).

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [report, screenshot] = process.argv.slice(2);
if (!report || !screenshot) {
  console.error("usage: node check-report.mjs REPORT.html SCREENSHOT.png");
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "report-check-"));
const browser = spawn(process.env.CHROMIUM || "/usr/bin/chromium", [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", `--user-data-dir=${profile}`,
  "--remote-debugging-pipe", "about:blank",
], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
let browserLog = "";
browser.stderr.on("data", (chunk) => { browserLog += chunk; });

const deadline = setTimeout(() => fail("timed out after 60 s"), 60_000);
const pending = new Map();
const listeners = [];
let nextId = 1;
let buffer = Buffer.alloc(0);

browser.stdio[4].on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) !== -1) {
    const message = JSON.parse(buffer.subarray(0, end).toString("utf8"));
    buffer = buffer.subarray(end + 1);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else if (message.method) {
      listeners.forEach((listen) => listen(message));
    }
  }
});
browser.on("exit", (code) => {
  if (pending.size) {
    console.error(`report check FAILED: Chromium exited (${code}):\n${browserLog}`);
    process.exit(1);
  }
});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  browser.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + "\0");
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
}

function once(method) {
  return new Promise((resolve) => listeners.push((m) => { if (m.method === method) resolve(m.params); }));
}

function fail(why) {
  console.error(`report check FAILED: ${why}`);
  cleanUp(1);
}

function cleanUp(code) {
  clearTimeout(deadline);
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // Chromium's helper processes may still be writing to it; a leftover temporary profile is harmless.
    }
    process.exit(code);
  };
  if (browser.exitCode !== null || browser.signalCode !== null) return removeProfile();
  browser.once("exit", removeProfile);
  browser.kill();
}

const problems = [];
listeners.push(({ method, params }) => {
  if (method === "Runtime.exceptionThrown") problems.push(`exception: ${params.exceptionDetails.exception?.description ?? params.exceptionDetails.text}`);
  if (method === "Runtime.consoleAPICalled" && (params.type === "error" || params.type === "warning")) {
    problems.push(`console.${params.type}: ${params.args.map((a) => a.value ?? a.description).join(" ")}`);
  }
  if (method === "Log.entryAdded" && params.entry.level === "error") problems.push(`log: ${params.entry.text}`);
  if (method === "Network.requestWillBeSent" && !/^(file|data|about):/.test(params.request.url)) {
    problems.push(`network request: ${params.request.url}`);
  }
});

try {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  const page = (method, params) => send(method, params, sessionId);
  for (const domain of ["Page", "Runtime", "Log", "Network"]) await page(`${domain}.enable`);
  await page("Emulation.setDeviceMetricsOverride", { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
  const loaded = once("Page.loadEventFired");
  await page("Page.navigate", { url: pathToFileURL(resolve(report)).href });
  await loaded;

  // What a reader sees first, before touching anything.
  const first = await page("Page.captureScreenshot", { format: "png", clip: { x: 0, y: 0, width: 1280, height: 900, scale: 1 } });
  writeFileSync(screenshot.replace(/\.png$/, "-first.png"), Buffer.from(first.data, "base64"));

  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await page("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  const checks = await evaluate(`(${pageChecks.toString()})()`);
  const failed = checks.filter((c) => !c.ok);
  checks.forEach((c) => console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}${c.detail ? ` (${c.detail})` : ""}`));

  const { cssContentSize } = await page("Page.getLayoutMetrics");
  const height = Math.min(Math.ceil(cssContentSize.height), 6000);
  const { data } = await page("Page.captureScreenshot", {
    format: "png", captureBeyondViewport: true, clip: { x: 0, y: 0, width: 1280, height, scale: 1 },
  });
  writeFileSync(screenshot, Buffer.from(data, "base64"));
  console.log(`screenshot: ${screenshot} (1280×${height})`);

  problems.forEach((p) => console.log(`FAIL ${p}`));
  if (failed.length || problems.length) {
    fail(`${failed.length} check(s) failed, ${problems.length} page problem(s)`);
  } else {
    await send("Browser.close").catch(() => {});
    console.log("report check passed");
    cleanUp(0);
  }
} catch (error) {
  fail(error.stack || String(error));
}

// Runs inside the page: uses the filters as a reader would and reports what it saw.
function pageChecks() {
  const results = [];
  const check = (name, ok, detail) => results.push({ name, ok: Boolean(ok), detail });
  const cases = [...document.querySelectorAll("tbody.case")];
  const visible = () => cases.filter((c) => !c.hidden);
  const outcome = document.getElementById("f-outcome");
  check("the page has a title and a summary", document.title && document.querySelector("h1"), document.title);
  if (!outcome) {
    const cells = document.querySelectorAll("td.cell a");
    check("matrix cells link to evidence on the page", [...cells].every((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))), `${cells.length} cells`);
    return results;
  }
  const [area, basis, text] = ["f-area", "f-basis", "f-text"].map((id) => document.getElementById(id));
  const set = (control, value) => {
    control.value = value;
    control.dispatchEvent(new Event(control.tagName === "INPUT" ? "input" : "change"));
  };
  const reset = () => { set(outcome, ""); set(area, ""); set(basis, ""); set(text, ""); };

  // Failures first: a report with cases that fail the run opens on them, a clean one on its summary.
  const failing = cases.filter((c) => ["fail", "error", "unexpected-pass"].includes(c.dataset.outcome));
  const attention = document.querySelector("section.attention.failures");
  if (failing.length) {
    const listed = attention ? [...attention.querySelectorAll("a.open-case")].map((a) => decodeURIComponent(a.hash.slice(1))) : [];
    check("the failures come first, on the first screen", attention && attention.getBoundingClientRect().top < window.innerHeight * 0.6,
      attention ? `at ${Math.round(attention.getBoundingClientRect().top)} px` : "no failures section");
    check("the failures section lists every failing case", failing.every((c) => listed.includes(c.id)), `${listed.length} listed, ${failing.length} failing`);
    check("the failures section says why", attention && [...attention.querySelectorAll("pre.why")].every((p) => p.textContent.trim().length > 0));
    check("the failures come before the areas", attention && document.querySelector("table.areas").getBoundingClientRect().top > attention.getBoundingClientRect().top);
  } else {
    check("a clean report opens on its summary", !attention && document.getElementById("totals").getBoundingClientRect().top < window.innerHeight / 2);
  }

  // Warnings and flaky failures are shown apart from the failures, each in a section of its own.
  for (const [outcome, name] of [["warn", "warnings"], ["flaky", "flaky"]]) {
    const some = cases.filter((c) => c.dataset.outcome === outcome).length;
    const section = document.querySelector(`section.attention.${name}`);
    if (some) {
      const below = !attention || section?.getBoundingClientRect().top > attention.getBoundingClientRect().top;
      check(`the ${name} have their own section, after the failures`, section && below && section.querySelectorAll("li").length >= 1, `${some} ${outcome}`);
    }
  }

  check("cases are listed", cases.length > 0, `${cases.length} cases`);
  check("all cases show at first", visible().length === cases.length);
  check("the count of shown cases is stated", document.getElementById("shown").textContent === `${cases.length} of ${cases.length} cases shown`);

  for (const option of [...outcome.options].map((o) => o.value).filter((v) => v && v !== "not-passing")) {
    set(outcome, option);
    const expected = cases.filter((c) => c.dataset.outcome === option).length;
    check(`outcome filter "${option}"`, visible().length === expected && visible().every((c) => c.dataset.outcome === option), `${visible().length} shown, ${expected} expected`);
  }
  set(outcome, "not-passing");
  check("outcome filter \"not passing\"", visible().every((c) => !["pass", "na"].includes(c.dataset.outcome)), `${visible().length} shown`);
  reset();

  const someArea = area.options[area.options.length - 1].value;
  set(area, someArea);
  check(`area filter "${someArea}"`, visible().length > 0 && visible().every((c) => c.dataset.area === someArea), `${visible().length} shown`);
  reset();
  set(basis, "observed");
  check("basis filter", visible().every((c) => c.dataset.basis === "observed"), `${visible().length} shown`);
  reset();

  const id = cases[cases.length - 1].id.replace(/^case-/, "");
  set(text, id);
  check("text filter on an id", visible().length >= 1 && visible().every((c) => c.dataset.text.includes(id)), `${visible().length} shown`);
  set(text, "no case has this text anywhere");
  check("text filter with no match hides everything", visible().length === 0);
  reset();

  if (attention) {
    const link = attention.querySelector("a.open-case");
    link.click();
    const opened = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    check("a failure's link opens its evidence", opened && !opened.querySelector("tr.detail").hidden);
    opened?.querySelector("tr.head").click();
  }

  const target = failing[0] || cases.find((c) => c.dataset.outcome !== "pass") || cases[0];
  target.querySelector("tr.head").click();
  const detail = target.querySelector("tr.detail");
  check("a case expands to its details", !detail.hidden && target.querySelector("button.toggle").getAttribute("aria-expanded") === "true");
  check("the details quote the doc", detail.querySelector("blockquote"));
  check("the details give the replay commands", /harness (run|diff) .*--filter /.test(detail.querySelector("pre.cmd")?.textContent || ""));
  if (target.dataset.outcome === "fail") {
    check("what differs is highlighted", detail.querySelector(".diff"));
    const expected = [...detail.querySelectorAll(".exchange > div")].find((d) => d.querySelector("h4")?.textContent === "Expected");
    const rows = expected ? [...expected.querySelectorAll("tr")] : [];
    check("every check is shown under Expected", rows.length > 0 && rows.some((r) => r.querySelector("th")?.textContent.startsWith("status")), `${rows.length} rows`);
    check("the checks that failed are highlighted beside what was received", rows.some((r) => r.classList.contains("diff")) && detail.querySelector(".exchange tr.diff"));
  }
  return results;
}
