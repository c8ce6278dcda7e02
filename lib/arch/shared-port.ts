/**
 * A work-conserving DRAM port shared by the layers that run at the same time on a partitioned
 * array (the "shared" DRAM model of band.ts): a fluid model, ours.
 *
 * Each layer run (a task) first waits `delayCycles` (a re-partition penalty, no traffic), then
 * loads its first stationary tile (`tileBytes`, no compute yet), then computes for
 * `computeCycles` while streaming `streamBytes` (double-buffered). Alone with bandwidth b it takes
 * delay + tile/b + max(compute, stream/b), which is memory.ts's stall model without its rounding
 * up. At every instant the port's B bytes/cycle are dealt by weighted water-filling: each
 * running task asks for what it can use (a tile load: anything; streaming: stream/compute per
 * cycle), weights are the units (rows or columns) it holds, and bandwidth one task cannot use
 * goes to the others. The port is never oversubscribed (the shares sum to at most B), and since
 * the running tasks hold at most all units, each gets at least min(its ask, B x weight / total):
 * never less than the proportional split gives it.
 *
 * Tasks start as soon as all the tasks they come `after` have ended (a tenant's previous layer,
 * the previous holders of its units), so a replay keeps a schedule's bands and order and only
 * moves its times. Times are fractional cycles.
 */
import { checkNonNegative, checkPositive } from "./check.ts";

/** One layer run for the port replay. */
export interface PortTask {
  /** Indices of the tasks that must end before this one starts. */
  after: readonly number[];
  /** Units held (the task's weight in the port split), > 0. */
  weight: number;
  delayCycles: number;
  tileBytes: number;
  streamBytes: number;
  computeCycles: number;
}

interface Running {
  task: number;
  /** 0: delay, 1: tile load, 2: compute and stream. */
  phase: 0 | 1 | 2;
  /** Cycles (phase 0), bytes (phase 1) or fraction of the compute (phase 2) still to do. */
  left: number;
}

/** Bandwidth each running task asks for, bytes/cycle (Infinity: a tile load takes anything). */
function ask(t: PortTask, r: Running): number {
  if (r.phase === 0) return 0;
  if (r.phase === 1) return Infinity;
  return t.computeCycles > 0 ? t.streamBytes / t.computeCycles : Infinity;
}

/** Weighted water-filling of `bandwidth` among asks; returns the share of each. */
export function waterFill(asks: readonly number[], weights: readonly number[], bandwidth: number) {
  const share = asks.map(() => 0);
  let open = asks.map((_, i) => i).filter((i) => asks[i] > 0);
  let left = bandwidth;
  while (open.length > 0 && left > 0) {
    const w = open.reduce((s, i) => s + weights[i], 0);
    const capped = open.filter((i) => asks[i] <= (left * weights[i]) / w);
    if (capped.length === 0) {
      for (const i of open) share[i] = (left * weights[i]) / w;
      break;
    }
    for (const i of capped) {
      share[i] = asks[i];
      left -= asks[i];
    }
    open = open.filter((i) => !capped.includes(i));
  }
  return share;
}

function check(tasks: readonly PortTask[], bandwidth: number): void {
  checkPositive("sharedPortTimes", "bandwidth", bandwidth);
  tasks.forEach((t, i) => {
    checkPositive("sharedPortTimes", `tasks[${i}].weight`, t.weight);
    checkNonNegative("sharedPortTimes", `tasks[${i}].delayCycles`, t.delayCycles);
    checkNonNegative("sharedPortTimes", `tasks[${i}].tileBytes`, t.tileBytes);
    checkNonNegative("sharedPortTimes", `tasks[${i}].streamBytes`, t.streamBytes);
    checkNonNegative("sharedPortTimes", `tasks[${i}].computeCycles`, t.computeCycles);
    for (const a of t.after) {
      if (!(Number.isInteger(a) && a >= 0 && a < i)) {
        throw new RangeError(
          `sharedPortTimes: tasks[${i}].after must list earlier tasks, got ${a}`,
        );
      }
    }
  });
}

/** Time to finish the current phase at bandwidth `b` (cycles). */
function phaseTime(t: PortTask, r: Running, b: number): number {
  if (r.phase === 0) return r.left;
  if (r.phase === 1) return b > 0 ? r.left / b : Infinity;
  const rate = Math.min(
    t.computeCycles > 0 ? 1 / t.computeCycles : Infinity,
    t.streamBytes > 0 ? b / t.streamBytes : Infinity,
  );
  return r.left / rate;
}

/** Advance `r` by `dt` cycles at bandwidth `b`. */
function advance(t: PortTask, r: Running, b: number, dt: number): void {
  if (r.phase === 0) r.left -= dt;
  else if (r.phase === 1) r.left -= b * dt;
  else {
    const rate = Math.min(
      t.computeCycles > 0 ? 1 / t.computeCycles : Infinity,
      t.streamBytes > 0 ? b / t.streamBytes : Infinity,
    );
    r.left -= rate * dt;
  }
}

/** Move `r` past finished phases; true when the task is done. */
function settle(t: PortTask, r: Running): boolean {
  const eps = 1e-9;
  for (;;) {
    const scale = r.phase === 1 ? Math.max(1, t.tileBytes) : 1;
    if (r.left > eps * scale) return false;
    if (r.phase === 2) return true;
    if (r.phase === 0) [r.phase, r.left] = [1, t.tileBytes];
    else [r.phase, r.left] = [2, t.computeCycles > 0 || t.streamBytes > 0 ? 1 : 0];
  }
}

/**
 * Start and end cycles (fractional) of every task under the shared port of `bandwidth`
 * bytes/cycle. `after` must only name earlier tasks (a schedule in start order).
 */
export function sharedPortTimes(
  tasks: readonly PortTask[],
  bandwidth: number,
): { start: number[]; end: number[] } {
  check(tasks, bandwidth);
  const start = tasks.map(() => NaN), end = tasks.map(() => NaN);
  const waiting = tasks.map((t) => new Set(t.after).size);
  const dependents = tasks.map(() => [] as number[]);
  tasks.forEach((t, i) => new Set(t.after).forEach((a) => dependents[a].push(i)));
  let running: Running[] = [];
  let now = 0;
  const begin = (i: number) => {
    start[i] = now;
    const r: Running = { task: i, phase: 0, left: tasks[i].delayCycles };
    if (settle(tasks[i], r)) finish(i);
    else running.push(r);
  };
  const finish = (i: number) => {
    end[i] = now;
    for (const d of dependents[i]) if (--waiting[d] === 0) begin(d);
  };
  tasks.forEach((_, i) => {
    if (waiting[i] === 0) begin(i);
  });
  while (running.length > 0) {
    const asks = running.map((r) => ask(tasks[r.task], r));
    const share = waterFill(asks, running.map((r) => tasks[r.task].weight), bandwidth);
    const dt = Math.min(...running.map((r, k) => phaseTime(tasks[r.task], r, share[k])));
    now += dt;
    running.forEach((r, k) => advance(tasks[r.task], r, share[k], dt));
    const done = running.filter((r) => settle(tasks[r.task], r));
    running = running.filter((r) => !done.includes(r));
    for (const r of done) finish(r.task);
  }
  return { start, end };
}
