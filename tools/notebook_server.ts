/**
 * A throwaway classic Jupyter Notebook server for the browser check: Debian's `jupyter-notebook`
 * (and `chromium`) installed when missing, loopback only, a fresh token, an in-memory trust
 * database (so every committed notebook opens untrusted, as from a fresh clone), stopped by PID.
 */

const JUPYTER = "/usr/bin/jupyter";
/** Path of the system Chromium that puppeteer-core drives. */
export const CHROMIUM = "/usr/bin/chromium";
const APT = ["jupyter-notebook", "python3-notebook", "chromium"];

async function ok(cmd: string, args: string[]): Promise<boolean> {
  try {
    const out = await new Deno.Command(cmd, { args, stdout: "null", stderr: "null" }).output();
    return out.success;
  } catch {
    return false;
  }
}

/** Install Debian's Notebook and Chromium when either is missing; throws with the command if not root. */
export async function ensureBrowserDeps(): Promise<void> {
  const haveNotebook = await ok("/usr/bin/python3", ["-c", "import notebook.notebookapp"]);
  const haveChromium = await ok(CHROMIUM, ["--version"]);
  if (haveNotebook && haveChromium) return;
  const cmd = `apt-get install -y --no-install-recommends ${APT.join(" ")}`;
  if (Deno.uid?.() !== 0) {
    throw new Error(`browser: Notebook or Chromium missing; run: sudo ${cmd}`);
  }
  console.error(`browser: installing ${APT.join(", ")} (Debian packages)`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  for (
    const args of [["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", ...APT]]
  ) {
    const out = await new Deno.Command("apt-get", { args, env, stdout: "null" }).output();
    if (!out.success) throw new Error(`browser: apt-get ${args.join(" ")} failed`);
  }
}

/** A running server: its base URL, token, and `stop()` (SIGTERM to its PID, then wait). */
export interface NotebookServer {
  url: string;
  token: string;
  pid: number;
  stop(): Promise<void>;
}

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** Start `jupyter notebook` serving `root` on 127.0.0.1; `logPath` receives its output. */
export async function startNotebookServer(root: string, logPath: string): Promise<NotebookServer> {
  const token = [...crypto.getRandomValues(new Uint8Array(24))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  const port = freePort();
  const configDir = await Deno.makeTempDir({ prefix: "nbcheck-config-" });
  const log = await Deno.open(logPath, { write: true, create: true, truncate: true });
  const child = new Deno.Command(JUPYTER, {
    args: [
      "notebook",
      "--no-browser",
      "--allow-root",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      `--notebook-dir=${root}`,
      `--NotebookApp.token=${token}`,
      "--NotebookNotary.db_file=:memory:",
    ],
    env: { JUPYTER_CONFIG_DIR: configDir, PYDEVD_DISABLE_FILE_VALIDATION: "1", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  child.stdout.pipeTo(log.writable, { preventClose: true }).catch(() => {});
  child.stderr.pipeTo(log.writable).catch(() => {});
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      Deno.kill(child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await child.status;
    await Deno.remove(configDir, { recursive: true }).catch(() => {});
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${url}/api/status?token=${token}`);
      await r.body?.cancel();
      if (r.ok) return { url, token, pid: child.pid, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`browser: the Notebook server did not answer within 60 s (log: ${logPath})`);
}
