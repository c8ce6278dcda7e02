/**
 * The mutable state of one closed-loop run (see sim.ts): per-thread phase, remaining CPU work,
 * DPU end time, the DPU FIFO, the serial-stage lock and its FIFO, and the measured areas (busy
 * cores x seconds) and job energy.
 */
import type { SimInput } from "./sim.ts";

const PRE = 0, DPU_WAIT = 1, DPU_RUN = 2, POST = 3, IDLE = 4, SERIAL_WAIT = 5, SERIAL = 6;
const isCpu = (p: number) => p === PRE || p === POST || p === SERIAL;
/** Remaining CPU work below this many seconds counts as done (absorbs float drift). */
const EPS_SECONDS = 1e-15;

/** Event loop state; `step()` advances to the next completion of a CPU or DPU job. */
export class SimClock {
  now = 0;
  completed = 0;
  windowStart = 0;
  cpuArea = 0;
  dpuArea = 0;
  jobEnergyJ = 0;
  private measuring: boolean;
  private cpuRunnable = 0;
  private dpuBusy = 0;
  private readonly phase: Uint8Array;
  private readonly cpuLeft: Float64Array;
  private readonly dpuEnd: Float64Array;
  private readonly dpuStart: Float64Array;
  private readonly queue: Int32Array;
  private qHead = 0;
  private qSize = 0;
  private readonly serialQueue: Int32Array;
  private sHead = 0;
  private sSize = 0;
  private serialBusy = false;
  private readonly serialSeconds: number;

  constructor(private readonly input: SimInput, private readonly warmup: number) {
    const n = input.threads;
    this.phase = new Uint8Array(n);
    this.cpuLeft = new Float64Array(n);
    this.dpuEnd = new Float64Array(n);
    this.dpuStart = new Float64Array(n);
    this.queue = new Int32Array(n);
    this.serialQueue = new Int32Array(n);
    this.serialSeconds = input.serialSeconds ?? 0;
    this.measuring = warmup === 0;
    // Threads start one n-th of a single-thread cycle apart, as real threads are not in lockstep.
    const cycle = input.preSeconds + input.postSeconds + (input.serialSeconds ?? 0) +
      input.dpuSecondsByBusyCores[0];
    for (let t = 0; t < n; t++) {
      this.phase[t] = IDLE;
      this.dpuEnd[t] = (t * cycle) / n;
    }
  }

  private work(phase: number): number {
    if (phase === PRE) return this.input.preSeconds;
    return phase === POST ? this.input.postSeconds : this.serialSeconds;
  }

  private toCpu(t: number, phase: number): void {
    this.phase[t] = phase;
    this.cpuLeft[t] = this.work(phase);
    this.cpuRunnable++;
  }

  /** Enter the serial stage, or wait for it in FIFO order while another thread holds it. */
  private toSerial(t: number): void {
    if (!this.serialBusy) {
      this.serialBusy = true;
      return this.toCpu(t, SERIAL);
    }
    this.phase[t] = SERIAL_WAIT;
    this.serialQueue[(this.sHead + this.sSize++) % this.serialQueue.length] = t;
  }

  private releaseSerial(): void {
    this.serialBusy = false;
    if (this.sSize === 0) return;
    const next = this.serialQueue[this.sHead];
    this.sHead = (this.sHead + 1) % this.serialQueue.length;
    this.sSize--;
    this.toSerial(next);
  }

  private startDpu(t: number): void {
    this.phase[t] = DPU_RUN;
    this.dpuBusy++;
    this.dpuStart[t] = this.now;
    this.dpuEnd[t] = this.now + this.input.dpuSecondsByBusyCores[this.dpuBusy - 1];
  }

  private toDpu(t: number): void {
    if (this.dpuBusy < this.input.dpuCores) return this.startDpu(t);
    this.phase[t] = DPU_WAIT;
    this.queue[(this.qHead + this.qSize++) % this.queue.length] = t;
  }

  /** Per-thread CPU speed in core-seconds per second under processor sharing. */
  private cpuRate(): number {
    return this.cpuRunnable > 0 ? Math.min(1, this.input.cpuCores / this.cpuRunnable) : 0;
  }

  /** The thread whose job ends next and when (ties: DPU before CPU, then lowest thread id). */
  private next(rate: number): [number, number] {
    let best = -1, at = Infinity;
    const n = this.input.threads;
    for (let t = 0; t < n; t++) {
      const p = this.phase[t];
      if ((p === DPU_RUN || p === IDLE) && this.dpuEnd[t] < at) [best, at] = [t, this.dpuEnd[t]];
    }
    for (let t = 0; t < n; t++) {
      if (!isCpu(this.phase[t])) continue;
      const end = this.now + this.cpuLeft[t] / rate;
      if (end < at) [best, at] = [t, end];
    }
    return [best, at];
  }

  /** Advance to the next job completion and move that thread on. */
  step(): void {
    const rate = this.cpuRate();
    const [t, at] = this.next(rate);
    const dt = at - this.now;
    this.advance(dt, rate);
    this.now = at;
    const p = this.phase[t];
    if (p === IDLE) return this.toCpu(t, PRE);
    if (p === DPU_RUN) return this.endDpu(t);
    this.cpuLeft[t] = 0;
    this.cpuRunnable--;
    if (this.measuring) this.jobEnergyJ += this.work(p) * this.input.power.cpuCoreW;
    if (p === PRE) return this.toDpu(t);
    if (p === POST && this.serialSeconds > 0) return this.toSerial(t);
    if (p === SERIAL) this.releaseSerial();
    this.completed++;
    if (this.completed === this.warmup) {
      this.measuring = true;
      this.windowStart = at;
    }
    this.toCpu(t, PRE);
  }

  private advance(dt: number, rate: number): void {
    if (dt <= 0) return;
    if (this.measuring) {
      this.cpuArea += Math.min(this.cpuRunnable, this.input.cpuCores) * dt;
      this.dpuArea += this.dpuBusy * dt;
    }
    const n = this.input.threads, done = rate * dt;
    for (let t = 0; t < n; t++) {
      if (!isCpu(this.phase[t])) continue;
      const left = this.cpuLeft[t] - done;
      this.cpuLeft[t] = left < EPS_SECONDS ? 0 : left;
    }
  }

  private endDpu(t: number): void {
    if (this.measuring) {
      this.jobEnergyJ += (this.now - this.dpuStart[t]) * this.input.power.dpuCoreW;
    }
    this.dpuBusy--;
    if (this.qSize > 0) {
      const next = this.queue[this.qHead];
      this.qHead = (this.qHead + 1) % this.queue.length;
      this.qSize--;
      this.startDpu(next);
    }
    this.toCpu(t, POST);
  }
}
