// Drives the demo page in Debian's headless Chromium like a resident would, and prints what the
// resident saw as JSON for tests/test_website.py to judge. Usage: node browser_check.mjs <base url>
import { chromium } from "playwright-core";

const base = process.argv[2];

// The widget keeps its conversation, with Rasa's session id, in the tab's session storage.
function sessionId() {
  return JSON.parse(sessionStorage.getItem("chat_session") || "{}").session_id;
}

// WCAG contrast of text against the first opaque background behind it, for the widget's texts.
function contrastRatios() {
  const rgb = (color) => (color.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const color = rgb(getComputedStyle(e).backgroundColor);
      if (color.length === 3 || color[3] > 0) return color.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const ratio = (fore, back) => {
    const [a, b] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
  };
  const of = (selector, pseudo) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    return ratio(rgb(getComputedStyle(element, pseudo).color).slice(0, 3), background(element));
  };
  return {
    title: of(".rw-header .rw-title"),
    botMessage: of(".rw-response .rw-message-text"),
    residentMessage: of(".rw-client .rw-message-text"),
    choice: of(".rw-reply"),
    field: of(".rw-new-message"),
    placeholder: of(".rw-new-message", "::placeholder"),
  };
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
// The widget's stylesheet asks for a web font from a third party; the page's Content Security
// Policy blocks it, and that shows up as a console error of its own.
const seen = { consoleErrors: [], blockedByPolicy: 0, thirdParty: [], failed: [] };
try {
  const page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (m.text().includes("Content Security Policy")) seen.blockedByPolicy += 1;
    else if (!m.text().startsWith("Failed to load resource")) seen.consoleErrors.push(m.text());
  });
  page.on("response", (r) => { if (r.status() >= 400) seen.failed.push(`${r.status()} ${r.url()}`); });
  // What actually reached another server: a request the policy blocked never finishes.
  const elsewhere = (r) => !r.url().startsWith(base) && !r.url().startsWith("data:");
  page.on("requestfinished", (r) => { if (elsewhere(r)) seen.thirdParty.push(r.url()); });
  const responses = () => page.locator(".rw-response").allInnerTexts();
  const waitForText = (text) => page.waitForFunction(
    (wanted) => [...document.querySelectorAll(".rw-response")].some((e) => e.innerText.includes(wanted)),
    text, { timeout: 30000 });

  await page.goto(`${base}/chat/`);
  await page.getByRole("button", { name: "Open de chat met de Wmo-assistent" }).click();
  await waitForText("digitale assistent");
  const field = page.getByRole("textbox", { name: "Uw bericht" });
  await field.fill("Wat is een scootmobiel?");
  await field.press("Enter");
  await waitForText("Scootmobiel (maatwerkvoorziening");
  const choice = page.getByRole("button", { name: "Wat kost het?" });
  await choice.waitFor({ timeout: 30000 });
  seen.choiceTabIndex = await choice.getAttribute("tabindex");
  seen.contrast = await page.evaluate(contrastRatios);
  await choice.focus();
  seen.choiceFocusOutline = await choice.evaluate(
    (e) => `${getComputedStyle(e).outlineStyle} ${getComputedStyle(e).outlineWidth}`);
  const before = (await responses()).length;
  await choice.click();
  await page.waitForFunction((n) => document.querySelectorAll(".rw-response").length > n, before, { timeout: 30000 });
  await page.waitForTimeout(1500); // the rest of the answer's parts
  seen.before = await responses();
  seen.sentBefore = await page.locator(".rw-client").allInnerTexts();
  seen.sessionId = await page.evaluate(sessionId);

  await page.reload();
  // The widget remembers that it was open; should it not, the resident opens it again.
  await page.locator(".rw-response").first().waitFor({ timeout: 5000 }).catch(async () => {
    await page.getByRole("button", { name: "Open de chat met de Wmo-assistent" }).click();
  });
  await page.locator(".rw-response").first().waitFor({ timeout: 30000 });
  seen.after = await responses();
  seen.sentAfter = await page.locator(".rw-client").allInnerTexts();
  seen.sessionIdAfter = await page.evaluate(sessionId);
  seen.labels = await page.evaluate(() => ({
    log: document.querySelector(".rw-messages-container")?.getAttribute("role"),
    live: document.querySelector(".rw-messages-container")?.getAttribute("aria-live"),
    send: document.querySelector(".rw-send")?.getAttribute("aria-label"),
    lang: document.documentElement.lang,
  }));
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
