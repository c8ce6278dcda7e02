/** Every mapper and the pieces to build new ones (budgeted fitness, GA loop, population). */
export * from "./types.ts";
export * from "./fitness.ts";
export * from "./population.ts";
export * from "./ga-loop.ts";
export * from "./magma-ops.ts";
export * from "./magma.ts";
export * from "./stdga.ts";
export * from "./random-search.ts";
export * from "./pso.ts";
export * from "./de.ts";
export * from "./cmaes.ts";
export * from "./one-plus-one.ts";
export * from "./tbpsa.ts";
export * from "./heuristics.ts";
export * from "./rl-env.ts";
export * from "./reinforce.ts";
export * from "./registry.ts";
