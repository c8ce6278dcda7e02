/**
 * Hardware descriptions and the cost model every study composes.
 *
 * - `Accelerator` (zod `AcceleratorSchema`, `parseAccelerator`, `defaultAccelerator(rows, cols,
 *   overrides?)`, `parseScaleSimConfig(text)`): an R x C systolic array, dataflow ws|os|is,
 *   ifmap/filter/ofmap SRAM in KiB, word size in bytes, DRAM bandwidth in bytes/cycle, clock in
 *   MHz, group packing, and an `EnergyTable` (default `defaultEnergyTable`, data/energy-45nm.json).
 * - `gemmCost(g, acc)` (hot path), `layerCost(layer, acc)` (non-MAC layers cost zero),
 *   `networkCost(net, acc)` -> `{ layers, total }`, `sumCosts(costs, acc)`.
 *   A `LayerCost` has: cycles = computeCycles + stallCycles; scaleSimTotalCycles (SCALE-Sim's
 *   "Total Cycles"); folds; macs; mappingEfficiency, computeUtilization, overallUtilization
 *   (SCALE-Sim definitions) and peUtilization (ours, with stalls); SRAM counts; DRAM bytes per
 *   operand; idlePeCycles; `energyPJ: { mac, rf, array, sram, dram, idle, leakage, total }`;
 *   latencySeconds; edpPJs.
 * - Pieces for shared-array studies: `energyOf(counts, acc, { elapsedCycles, activePEs })` charges
 *   idle PEs and leakage over a chosen time (a LayerCost or a sum is valid `counts`);
 *   `idleEnergyPJ(acc, idlePeCycles)`, `leakageEnergyPJ(acc, cycles)`, `leakagePowerUW(acc)`,
 *   `sramAccessPJ(table, kib)`.
 * - Reports: `scaleSimRows(topologyText, acc)` (what SCALE-Sim v2 prints for a topology CSV; the
 *   CSV is read by lib/workload/topology.ts), `scaleSimCsv`, `costTable`, `layerRows`,
 *   `energyRows`.
 * Models: compute = SCALE-Sim v2 exact (systolic.ts), traffic and stalls ours (memory.ts), energy
 * ours (energy.ts); each module's doc comment states its equations. Grouped convolutions: see
 * systolic.ts (block-diagonal packing of small groups, or serial).
 * Bad arguments (a zero, negative, fractional or NaN dimension; a negative or NaN count, time or
 * size; a malformed topology cell) throw ValidationError naming the field and value (check.ts).
 */
export * from "./accelerator.ts";
export * from "./energy-table.ts";
export * from "./cost-types.ts";
export * from "./model.ts";
export * from "./systolic.ts";
export * from "./memory.ts";
export * from "./energy.ts";
export * from "./cost.ts";
export * from "./scalesim-config.ts";
export * from "./scalesim-report.ts";
export * from "./report.ts";
export * from "./band.ts";
export * from "./shared-port.ts";
export * as dpu from "./dpu/mod.ts";
export * from "./roofline.ts";
export * from "./maestro.ts";
