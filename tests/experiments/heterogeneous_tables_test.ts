/** Study B's table schemas: a run's tables and the results file give the same typed rows. */
import assert from "node:assert/strict";
import {
  defaultHeterogeneousSetup,
  heterogeneousTableSchemas,
  parseHeterogeneousTables,
  quickHeterogeneousSetup,
  readHeterogeneousTables,
  runHeterogeneous,
} from "../../lib/experiments/heterogeneous/mod.ts";
import { parseStudyResult, ValidationError } from "../../lib/mod.ts";

Deno.test("heterogeneous: every table of a quick run matches its schema, field for field", async () => {
  const out = await runHeterogeneous(
    { progress: () => {}, quick: true },
    quickHeterogeneousSetup(defaultHeterogeneousSetup),
    { workers: 0 },
  );
  assert.deepEqual(Object.keys(out.tables), Object.keys(heterogeneousTableSchemas));
  const result = parseStudyResult({
    study: "heterogeneous",
    title: "t",
    generatedBy: { command: "test", version: "0" },
    parameters: {},
    headline: out.headline,
    tables: out.tables,
  });
  const typed = parseHeterogeneousTables(result);
  // zod drops fields a schema does not name and orders keys by the schema: equal JSON means every
  // field is declared, in the order the run writes it.
  assert.equal(JSON.stringify(typed), JSON.stringify(out.tables));
});

Deno.test("heterogeneous: the committed results file reads back as typed tables", async () => {
  const t = await readHeterogeneousTables("data/results/heterogeneous.json");
  // One best-core row per network of the published set-up (data/heterogeneous-study.json).
  assert.equal(t.bestCore.length, defaultHeterogeneousSetup.networks.length);
  assert.ok(t.coreTypes.every((r) => r.metric === "energy" || r.metric === "edp"));
});

Deno.test("heterogeneous: a bad cell in a results file names table, row and field", () => {
  const tables = { bestCore: [{ network: "alexnet", bestEnergyCore: 3 }] };
  const result = parseStudyResult({
    study: "heterogeneous",
    title: "t",
    generatedBy: { command: "test", version: "0" },
    parameters: {},
    headline: [],
    tables,
  });
  assert.throws(
    () => parseHeterogeneousTables(result),
    (e) => e instanceof ValidationError && /heterogeneous table searchSpace/.test(e.message),
  );
  assert.throws(
    () => parseHeterogeneousTables({ ...result, tables: { ...tables, searchSpace: [] } }),
    (e) => e instanceof ValidationError && /table baselines/.test(e.message),
  );
  const onlyBad = Object.fromEntries(
    Object.keys(heterogeneousTableSchemas).map((k) => [k, k === "bestCore" ? tables.bestCore : []]),
  );
  assert.throws(
    () => parseHeterogeneousTables({ ...result, tables: onlyBad }),
    (e) =>
      e instanceof ValidationError &&
      /table bestCore: \[0\]\.bestEnergyCore: .*\(got 3\)/.test(e.message),
  );
});
