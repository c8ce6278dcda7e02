/** A population of genomes in two flat typed arrays, with per-individual views made once. */
import type { Genome } from "../genome.ts";
import type { Rng } from "../../random.ts";

/** `size` genomes of `jobs` genes each, plus their makespans (cycles; Infinity = unevaluated). */
export class Population {
  readonly core: Int32Array;
  readonly prio: Float64Array;
  readonly makespan: Float64Array;
  /** Per-individual views into `core`/`prio` (no copies). */
  readonly at: Genome[];

  constructor(readonly size: number, readonly jobs: number) {
    this.core = new Int32Array(size * jobs);
    this.prio = new Float64Array(size * jobs);
    this.makespan = new Float64Array(size).fill(Infinity);
    this.at = Array.from({ length: size }, (_, i) => ({
      core: this.core.subarray(i * jobs, (i + 1) * jobs),
      prio: this.prio.subarray(i * jobs, (i + 1) * jobs),
    }));
  }

  /** Copy individual `i` of `src` into slot `k`. */
  copyFrom(k: number, src: Population, i: number): void {
    this.at[k].core.set(src.at[i].core);
    this.at[k].prio.set(src.at[i].prio);
    this.makespan[k] = src.makespan[i];
  }

  /** Random genomes in every slot (core ~ U{0..cores-1}, priority ~ U[0, 1)). */
  randomize(cores: number, rng: Rng): void {
    for (let i = 0; i < this.core.length; i++) this.core[i] = rng.int(cores);
    for (let i = 0; i < this.prio.length; i++) this.prio[i] = rng.next();
    this.makespan.fill(Infinity);
  }
}
