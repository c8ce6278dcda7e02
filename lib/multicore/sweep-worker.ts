/**
 * Web Worker of the parallel sweep: receives the workload once, then chunks of configurations,
 * and answers each chunk with its points (see parallel.ts for the protocol).
 */
import type { CoreBase, CoreConfig } from "./config.ts";
import { sweepChunk } from "./sweep.ts";
import { packPoints } from "./pack.ts";
import type { SweepWorkload } from "./workload.ts";
import type { ToMain, ToWorker } from "./sweep-protocol.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(m: ToMain, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
let workload: SweepWorkload | undefined;
let configs: CoreConfig[] = [];
let base: CoreBase = {};

scope.onmessage = (e) => {
  const m = e.data;
  try {
    if (m.type === "init") {
      workload = m.workload;
      configs = m.configs;
      base = m.base;
      return;
    }
    if (!workload) throw new Error("sweep worker: chunk before init");
    const packed = packPoints(sweepChunk(workload, configs, m.first, m.count, base));
    scope.postMessage({ type: "points", chunk: m.chunk, packed }, [packed.buffer]);
  } catch (err) {
    scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
