/**
 * MAGMA's genetic operators (C-magma.md section 6), acting on a Population of children in place.
 * `asCoded` reproduces M3E's numpy-aliasing quirk: a "swap" is one-way (crossover-gen: child 1 =
 * dad with mom's segment, child 2 = mom unchanged; crossover-rg: both children = mom[:u] + dad[u:]).
 * With `asCoded = false` both operators swap symmetrically.
 */
import type { Genome } from "../genome.ts";
import type { BreedContext } from "./ga-loop.ts";
import type { Population } from "./population.ts";

/** Two distinct parents drawn with the context's weights: [dad, mom] slot indices. */
export function pickParents(ctx: BreedContext): [number, number] {
  const { weights, rng } = ctx;
  const dad = rng.weighted(weights);
  const saved = weights[dad];
  weights[dad] = 0;
  const total = weights.reduce((a, b) => a + b, 0);
  const mom = total > 0 ? rng.weighted(weights) : (dad + 1) % weights.length;
  weights[dad] = saved;
  return [dad, mom];
}

function copyInto(dst: Genome, src: Genome): void {
  dst.core.set(src.core);
  dst.prio.set(src.prio);
}

/** Crossover-gen: per pair of slots, copy two parents; with `rate`, exchange a prefix or suffix of one genome. */
export function crossoverGen(ctx: BreedContext, kids: Population, rate: number, asCoded: boolean) {
  const J = kids.jobs;
  for (let k = 0; k + 1 < kids.size; k += 2) {
    const [dad, mom] = pickParents(ctx);
    const a = kids.at[k], b = kids.at[k + 1];
    copyInto(a, ctx.parents.at[dad]);
    copyInto(b, ctx.parents.at[mom]);
    if (ctx.rng.next() >= rate) continue;
    const useCore = ctx.rng.next() < 0.5;
    const u = ctx.rng.int(J);
    const [lo, hi] = u < J / 2 ? [0, u] : [u, J];
    const ga = useCore ? a.core : a.prio, gb = useCore ? b.core : b.prio;
    for (let i = lo; i < hi; i++) {
      const t = ga[i];
      ga[i] = gb[i];
      if (!asCoded) gb[i] = t;
    }
  }
  if (kids.size % 2) copyInto(kids.at[kids.size - 1], ctx.parents.at[pickParents(ctx)[0]]);
}

/** Crossover-rg: per pair, with `rate`, one cut applied to both genomes (keeps (core, priority) pairs). */
export function crossoverRg(ctx: BreedContext, kids: Population, rate: number, asCoded: boolean) {
  const J = kids.jobs;
  for (let k = 0; k + 1 < kids.size; k += 2) {
    if (ctx.rng.next() >= rate) continue;
    const [dadI, momI] = pickParents(ctx);
    const dad = ctx.parents.at[dadI], mom = ctx.parents.at[momI];
    const u = ctx.rng.int(J);
    const a = kids.at[k], b = kids.at[k + 1];
    splice(a, mom, dad, u);
    if (asCoded) splice(b, mom, dad, u);
    else splice(b, dad, mom, u);
  }
}

/** dst = head[:u] followed by tail[u:], on both genomes. */
function splice(dst: Genome, head: Genome, tail: Genome, u: number): void {
  dst.core.set(head.core.subarray(0, u), 0);
  dst.core.set(tail.core.subarray(u), u);
  dst.prio.set(head.prio.subarray(0, u), 0);
  dst.prio.set(tail.prio.subarray(u), u);
}

/**
 * Crossover-accel: per child, with `rate`, child = dad; then for a random core k every job mom
 * alone puts on k takes mom's core and priority, and every job dad alone had on k moves to a
 * uniformly random core (possibly k again); jobs both put on k keep dad's genes (as M3E does).
 */
export function crossoverAccel(ctx: BreedContext, kids: Population, rate: number) {
  const { cores, rng } = ctx;
  for (let i = 0; i < kids.size; i++) {
    if (rng.next() >= rate) continue;
    const [dadI, momI] = pickParents(ctx);
    const dad = ctx.parents.at[dadI], mom = ctx.parents.at[momI];
    const child = kids.at[i];
    copyInto(child, dad);
    const k = rng.int(cores);
    for (let j = 0; j < kids.jobs; j++) {
      const onMom = mom.core[j] === k, onDad = dad.core[j] === k;
      if (onMom && !onDad) {
        child.core[j] = k;
        child.prio[j] = mom.prio[j];
      } else if (onDad && !onMom) {
        child.core[j] = rng.int(cores);
      }
    }
  }
}

/** Mutation: each selection gene becomes a random core, each priority gene U[0, 1), with `rate`. */
export function mutate(ctx: BreedContext, kids: Population, rate: number) {
  const { cores, rng } = ctx;
  for (let i = 0; i < kids.core.length; i++) {
    if (rng.next() < rate) kids.core[i] = rng.int(cores);
    if (rng.next() < rate) kids.prio[i] = rng.next();
  }
}
