// Firefox ESR for the engine tests (tests/browser/engines/drivers.py): puppeteer-core (pinned in
// package.json, installed with PUPPETEER_SKIP_DOWNLOAD=1: no browser download) drives Debian's
// firefox-esr over WebDriver BiDi. One JSON command per line on stdin, one JSON answer per line
// on stdout: {id, cmd, args} -> {id, value} or {id, error}.
import fs from "node:fs";
import readline from "node:readline";
import puppeteer from "puppeteer-core";

const executablePath = process.argv[2] || "/usr/bin/firefox-esr";
// puppeteer's own bounds (30 s to start, to load a page, to click) are guesses at the machine's
// speed; a shared machine can take longer (issue 22). These bound only a hang, like the tests'.
const TIMEOUT_MS = 90_000;
const today = process.argv[3]; // the day the page's clock shows (local time), running on from there
const browser = await puppeteer.launch({ browser: "firefox", executablePath, headless: true, timeout: TIMEOUT_MS });
const page = await browser.newPage();
page.setDefaultTimeout(TIMEOUT_MS);
await page.setViewport({ width: 1280, height: 900 });
if (today) {
  // before each document: the page's Date moved to `today` (tests/browser/fixed_date.js)
  const source = fs.readFileSync(new URL("../fixed_date.js", import.meta.url), "utf8");
  const moveDate = source.slice(source.indexOf("(fixed) =>"));
  await page.evaluateOnNewDocument(`(${moveDate.trim()})(${new Date(today).getTime()});`);
}

// A function's source, called in the page with JSON arguments (puppeteer sends the source to the
// browser as it is: no eval in the page, so the site's Content-Security-Policy does not apply).
const fn = (source) => new Function(`return (${source});`)();

const commands = {
  version: () => browser.version(),
  goto: async (url) => {
    await page.goto(url, { waitUntil: "load" });
  },
  run: (source, args) => page.evaluate(fn(source), ...args),
  click: (selector) => page.click(selector),
  fill: async (selector, text) => {
    await page.$eval(selector, (element) => {
      element.focus();
      element.select?.();
    });
    await page.keyboard.press("Backspace");
    await page.type(selector, text);
  },
  select: (selector, value) => page.select(selector, value),
  upload: async (selector, path) => {
    const input = await page.$(selector);
    await input.uploadFile(path);
  },
  reload: async () => {
    await page.reload({ waitUntil: "load" });
  },
  pdf: async () => Buffer.from(await page.pdf({ format: "A4" })).toString("base64"),
  close: async () => {
    await browser.close();
    setTimeout(() => process.exit(0), 0);
  },
};

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const { id, cmd, args } = JSON.parse(line);
  let answer;
  try {
    const value = await commands[cmd](...(args || []));
    answer = { id, value: value === undefined ? null : value };
  } catch (err) {
    answer = { id, error: String((err && err.stack) || err) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
await browser.close();
