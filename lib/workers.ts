/**
 * One pool of Web Workers for every parallel run of the project (study B's design-space sweep,
 * study C's searches). Each worker gets the shared input once, then tasks one at a time as it
 * becomes idle; results are stored by task index, so the output is the same, in the same order,
 * for any number of workers and any finishing order.
 */

/** Main thread to worker: the shared input once, then one message per task. */
export type ToPoolWorker<Init, Task> =
  | { type: "init"; init: Init }
  | { type: "task"; index: number; task: Task };

/** Worker to main thread: a task's result, or the error that stopped it. */
export type FromPoolWorker<Result> =
  | { type: "done"; index: number; result: Result }
  | { type: "error"; index: number; message: string };

/** Default worker count: up to 2 (the reference machine's cores), at least 1. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
}

/**
 * Run `tasks` on `workers` Web Workers started from `workerUrl` (a module that calls
 * `serveTasks`). `onDone(index, finished, total)` runs after each task. Rejects, naming `label`
 * and the task, on the first worker error.
 */
export function runOnWorkers<Init, Task, Result>(
  workerUrl: URL,
  init: Init,
  tasks: readonly Task[],
  workers: number,
  label: string,
  onDone?: (index: number, finished: number, total: number) => void,
): Promise<Result[]> {
  if (!Number.isInteger(workers) || workers < 1) {
    throw new RangeError(`${label}: workers must be an integer >= 1 (got ${workers})`);
  }
  const results: Result[] = new Array(tasks.length);
  if (tasks.length === 0) return Promise.resolve(results);
  const pool: Worker[] = [];
  let next = 0, finished = 0;
  return new Promise((resolve, reject) => {
    const stop = () => pool.forEach((w) => w.terminate());
    const feed = (w: Worker) => {
      if (next >= tasks.length) return;
      const index = next++;
      w.postMessage({ type: "task", index, task: tasks[index] } satisfies ToPoolWorker<Init, Task>);
    };
    for (let i = 0; i < Math.min(workers, tasks.length); i++) {
      const w = new Worker(workerUrl.href, { type: "module" });
      pool.push(w);
      w.onerror = (e) => {
        e.preventDefault();
        stop();
        reject(new Error(`${label} worker failed: ${e.message}`));
      };
      w.onmessage = (e: MessageEvent<FromPoolWorker<Result>>) => {
        const m = e.data;
        if (m.type === "error") {
          stop();
          return reject(new Error(`${label} task ${m.index}: ${m.message}`));
        }
        results[m.index] = m.result;
        onDone?.(m.index, ++finished, tasks.length);
        if (finished === tasks.length) {
          stop();
          return resolve(results);
        }
        feed(w);
      };
      w.postMessage({ type: "init", init } satisfies ToPoolWorker<Init, Task>);
      feed(w);
    }
  });
}

interface WorkerScope<Init, Task, Result> {
  onmessage: ((e: MessageEvent<ToPoolWorker<Init, Task>>) => void) | null;
  postMessage(m: FromPoolWorker<Result>, transfer?: Transferable[]): void;
}

/**
 * The worker side of `runOnWorkers`: `setup(init)` once, then `run(state, task)` per task.
 * `run` may name buffers of its result to transfer instead of copy.
 */
export function serveTasks<Init, Task, Result, State>(
  setup: (init: Init) => State,
  run: (state: State, task: Task) => { result: Result; transfer?: Transferable[] },
): void {
  const scope = globalThis as unknown as WorkerScope<Init, Task, Result>;
  let state: { value: State } | undefined;
  scope.onmessage = (e) => {
    const m = e.data;
    if (m.type === "init") {
      state = { value: setup(m.init) };
      return;
    }
    try {
      if (!state) throw new Error("task before init");
      const { result, transfer } = run(state.value, m.task);
      scope.postMessage({ type: "done", index: m.index, result }, transfer ?? []);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      scope.postMessage({ type: "error", index: m.index, message });
    }
  };
}
