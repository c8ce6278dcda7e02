/**
 * `deno task notebooks:browser [name...]`: open every committed notebook in the classic Jupyter
 * Notebook, untrusted as from a fresh clone, in headless Chromium at a 1100 px window, and check:
 * every figure output is a loaded, visible image and every table an HTML table, none wider than
 * its output area; saving from the UI leaves the file unchanged; and 00-quickstart run live
 * (Kernel > Restart & Run All) puts every output under its own cell. A screenshot per notebook
 * goes to tmp/browser-check/. Exits 1 naming notebook and cell on any failure.
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { parseArgs } from "node:util";
import { jupyterProblem } from "./jupyter.ts";
import {
  type CellExpectation,
  checkRenderedOutputs,
  expectations,
  liveOutputs,
} from "./notebook_page.ts";
import { CHROMIUM, ensureBrowserDeps, startNotebookServer } from "./notebook_server.ts";

const OUT = "tmp/browser-check";
const WINDOW = { width: 1100, height: 900 };
const LIVE_DEFAULT = "00-quickstart";

type Jup = {
  Jupyter: {
    notebook: {
      _fully_loaded?: boolean;
      trusted?: boolean;
      kernel?: { info_reply?: unknown; is_connected?(): boolean };
      set_autosave_interval(ms: number): void;
      save_notebook(): Promise<unknown>;
      session?: { delete(): void };
    };
  };
};

async function open(page: Page, base: string, token: string, name: string): Promise<void> {
  await page.goto(`${base}/notebooks/notebooks/${name}.ipynb?token=${token}`, {
    waitUntil: "domcontentloaded",
  });
  await page.waitForFunction(() => {
    const w = globalThis as unknown as Partial<Jup>;
    return w.Jupyter?.notebook?._fully_loaded === true;
  }, { timeout: 60_000 });
  // Autosave would write the page back while we look at it; the save check saves explicitly.
  await page.evaluate(() =>
    (globalThis as unknown as Jup).Jupyter.notebook.set_autosave_interval(0)
  );
}

async function waitKernel(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const k = (globalThis as unknown as Jup).Jupyter.notebook.kernel;
    return Boolean(k?.info_reply);
  }, { timeout: 120_000 });
}

async function screenshot(page: Page, path: string): Promise<void> {
  // The Notebook scrolls inside #site; let it grow so a full-page shot holds every cell.
  await page.evaluate(() => {
    const site = document.getElementById("site");
    if (site) (site.style.height = "auto", site.style.overflow = "visible");
    document.body.style.overflow = "visible";
  });
  await page.screenshot({ path, fullPage: true });
}

async function closeSession(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as Jup).Jupyter.notebook.session?.delete())
    .catch(() => {});
}

/** Untrusted view and save round trip of one notebook; returns failure messages. */
async function checkStatic(page: Page, base: string, token: string, name: string) {
  const file = `notebooks/${name}.ipynb`;
  const original = await Deno.readFile(file);
  const exp: CellExpectation[] = expectations(new TextDecoder().decode(original));
  const fails: string[] = [];
  try {
    await open(page, base, token, name);
    const trusted = await page.evaluate(() =>
      (globalThis as unknown as Jup).Jupyter.notebook.trusted
    );
    if (trusted) fails.push(`${name}.ipynb: opened trusted; the check needs an untrusted notebook`);
    await page.waitForFunction(
      () => [...document.images].every((i) => i.complete),
      { timeout: 30_000 },
    );
    for (const p of await page.evaluate(checkRenderedOutputs, exp)) {
      fails.push(
        `${name}.ipynb cell ${p.cell}${p.output ? ` output ${p.output}` : ""}: ${p.message}`,
      );
    }
    await screenshot(page, `${OUT}/${name}.png`);
    // Save as a user would: after the kernel has started and the page has its language_info.
    await waitKernel(page);
    await page.evaluate(() => (globalThis as unknown as Jup).Jupyter.notebook.save_notebook());
    const saved = await Deno.readFile(file);
    if (!bytesEqual(saved, original)) {
      await Deno.writeFile(`${OUT}/${name}.saved.ipynb`, saved);
      fails.push(
        `${name}.ipynb: saving from the Notebook UI changes the file (${
          changedLines(original, saved)
        } ` +
          `lines; saved copy in ${OUT}/${name}.saved.ipynb)`,
      );
    }
  } finally {
    await closeSession(page);
    await Deno.writeFile(file, original);
  }
  return fails;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function changedLines(a: Uint8Array, b: Uint8Array): number {
  const la = new TextDecoder().decode(a).split("\n"), lb = new TextDecoder().decode(b).split("\n");
  const setA = new Set(la), setB = new Set(lb);
  return la.filter((l) => !setB.has(l)).length + lb.filter((l) => !setA.has(l)).length;
}

/** Kernel > Restart & Run All as a user clicks it: the menu, then the dialog's red button. */
async function restartRunAll(page: Page): Promise<void> {
  const confirm = ".modal-dialog .modal-footer .btn-danger";
  // A user waits for the kernel to be idle (the hollow circle) before using the menu.
  await page.waitForSelector("#kernel_indicator_icon.kernel_idle_icon", { timeout: 120_000 });
  for (let attempt = 1;; attempt++) {
    try {
      const open = await page.$eval(
        "#kernellink",
        (a) => a.parentElement?.classList.contains("open"),
      );
      if (!open) await page.click("#kernellink");
      await page.waitForSelector("#restart_run_all", { visible: true, timeout: 10_000 });
      await page.click("#restart_run_all");
      await page.waitForSelector(confirm, { visible: true, timeout: 15_000 });
      break;
    } catch (e) {
      if (attempt < 3) continue;
      const seen = await page.evaluate(() =>
        [...document.querySelectorAll(".modal-title, #notification_area .notification_widget")]
          .map((m) => (m.textContent ?? "").trim()).filter(Boolean).join(" | ")
      );
      await page.screenshot({ path: `${OUT}/restart-run-all-failed.png` });
      throw new Error(`Kernel > Restart & Run All: no dialog (${e}; page shows: ${seen})`);
    }
  }
  await new Promise((r) => setTimeout(r, 300)); // the dialog fades in
  await page.click(confirm);
}

/** Kernel > Restart & Run All through the menu; then every cell's outputs must match the file's. */
async function checkLive(page: Page, base: string, token: string, name: string) {
  const file = `notebooks/${name}.ipynb`;
  const original = await Deno.readFile(file);
  const exp = expectations(new TextDecoder().decode(original));
  const fails: string[] = [];
  try {
    await open(page, base, token, name);
    await waitKernel(page);
    await restartRunAll(page);
    // The run is over when every code cell has a number, and stays over: no output arrives late.
    let last = "", stableSince = Date.now();
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const live = await page.evaluate(liveOutputs);
      const now = JSON.stringify(live);
      if (now !== last) (last = now, stableSince = Date.now());
      if (live.done && Date.now() - stableSince > 3000) break;
    }
    const live = JSON.parse(last) as ReturnType<typeof liveOutputs>;
    if (!live.done) fails.push(`${name}.ipynb: Restart & Run All did not finish in 600 s`);
    for (const e of exp) {
      const got = live.cells.find((c) => c.cell === e.cell)?.signatures ?? [];
      if (got.join(" ") !== e.signatures.join(" ")) {
        fails.push(
          `${name}.ipynb cell ${e.cell} (live run): outputs [${got.join(" ")}], file has ` +
            `[${e.signatures.join(" ")}]`,
        );
      }
    }
    await screenshot(page, `${OUT}/${name}.live.png`);
  } finally {
    await closeSession(page);
    await Deno.writeFile(file, original);
  }
  return fails;
}

/** A failure that says nothing about the notebook: the page or its kernel did not come up. */
const INFRA = /Timeout|timed out|Target closed|crashed|Session closed|detached/i;

/**
 * Run `check` in a new tab (closed afterwards), so a renderer that crashed or hung on one notebook
 * cannot fail the next. A check that failed only because the page or kernel did not come up
 * (a timeout or crash, seen about once in a few CI runs) is run once more in another new tab and
 * the first failure is printed; a rendering failure is never retried.
 */
async function withFreshPage(
  browser: Browser,
  label: string,
  check: (page: Page) => Promise<string[]>,
): Promise<string[]> {
  const attempt = async () => {
    const page = await browser.newPage();
    await page.setViewport(WINDOW);
    try {
      return await check(page);
    } finally {
      await page.close().catch(() => {});
    }
  };
  const first = await attempt();
  if (first.length === 0 || !first.every((f) => INFRA.test(f))) return first;
  console.error(`browser: ${label}: ${first.join("; ")}; retrying once in a new tab`);
  return await attempt();
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { live: { type: "string", default: LIVE_DEFAULT }, "no-live": { type: "boolean" } },
  });
  const all = [...Deno.readDirSync("notebooks")].filter((e) => e.name.endsWith(".ipynb"))
    .map((e) => e.name.replace(/\.ipynb$/, "")).sort();
  const names = positionals.length ? positionals : all;
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length) {
    console.error(`browser: unknown notebook(s) ${unknown.join(", ")} (known: ${all.join(", ")})`);
    return 2;
  }
  const t0 = performance.now();
  await ensureBrowserDeps();
  const j = await jupyterProblem();
  if ("missing" in j) {
    console.error(`browser: Jupyter is not ready; install ${j.missing}`);
    return 1;
  }
  // Our own output folder: start empty so every file in it is from this run.
  await Deno.remove(OUT, { recursive: true }).catch(() => {});
  await Deno.mkdir(OUT, { recursive: true });
  const server = await startNotebookServer(Deno.cwd(), `${OUT}/server.log`);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const fails: string[] = [];
  try {
    for (const n of names) {
      const t = performance.now();
      const f = await withFreshPage(
        browser,
        `${n} untrusted`,
        (page) =>
          checkStatic(page, server.url, server.token, n)
            .catch((e) => [`${n}.ipynb: ${e instanceof Error ? e.message : e}`]),
      );
      fails.push(...f);
      const secs = ((performance.now() - t) / 1000).toFixed(1);
      console.error(`browser: ${n} ${f.length ? "FAILED" : "ok"} untrusted (${secs}s)`);
    }
    const live = values["no-live"] ? "" : values.live;
    if (live && names.includes(live)) {
      const t = performance.now();
      const f = await withFreshPage(
        browser,
        `${live} live`,
        (page) =>
          checkLive(page, server.url, server.token, live)
            .catch((e) => [`${live}.ipynb (live run): ${e instanceof Error ? e.message : e}`]),
      );
      fails.push(...f);
      const secs = ((performance.now() - t) / 1000).toFixed(1);
      console.error(`browser: ${live} ${f.length ? "FAILED" : "ok"} Restart & Run All (${secs}s)`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  for (const f of fails) console.error(`browser: ${f}`);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.error(`browser: ${fails.length ? "FAILED" : "ok"} in ${secs}s; screenshots in ${OUT}/`);
  return fails.length ? 1 : 0;
}

Deno.exit(await main());
