import assert from "node:assert/strict";
import { parseStudyResult, resultToJson, roundDeep } from "../../lib/experiments/results.ts";
import { runStudies, summaryTable } from "../../lib/experiments/run.ts";
import type { Study } from "../../lib/experiments/study.ts";
import { Plot, plot } from "../../lib/plot/mod.ts";
import { ValidationError } from "../../lib/validate.ts";

const fake: Study = {
  id: "fake",
  title: "A fake study",
  run(ctx) {
    ctx.progress("computing");
    return {
      parameters: { n: 3 },
      headline: [{ metric: "gain", paper: 0.5, ours: 1 / 3, unit: "fraction", note: "test" }],
      tables: { rows: [{ a: 1, b: "x" }] },
      figures: [{
        name: "dots",
        chart: plot({ marks: [Plot.dot([{ x: 1, y: 1 }], { x: "x", y: "y" })] }),
      }],
    };
  },
};

Deno.test("runStudies: writes results JSON, figures and logs progress", async () => {
  const dir = await Deno.makeTempDir();
  const lines: string[] = [];
  const [r] = await runStudies([fake], {
    resultsDir: `${dir}/results`,
    figuresDir: `${dir}/figures`,
    log: (s) => lines.push(s),
  });
  const json = JSON.parse(await Deno.readTextFile(`${dir}/results/fake.json`));
  assert.equal(json.study, "fake");
  assert.equal(json.generatedBy.command, "deno task reproduce fake");
  // 1/3 rounded to 6 significant digits by roundDeep.
  assert.equal(json.headline[0].ours, 0.333333);
  assert.ok((await Deno.stat(`${dir}/figures/fake-dots.svg`)).isFile);
  assert.ok((await Deno.stat(`${dir}/figures/fake-dots.png`)).isFile);
  assert.ok(lines.some((l) => l.includes("[fake]") && l.includes("computing")));
  assert.match(summaryTable([r]), /fake\s+gain\s+0\.5\s+0\.333\s+-0\.167\s+fraction/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("runStudies: a quick run says so in generatedBy", async () => {
  const dir = await Deno.makeTempDir();
  const [r] = await runStudies([fake], {
    resultsDir: `${dir}/r`,
    figuresDir: `${dir}/f`,
    quick: true,
    log: () => {},
  });
  assert.equal(r.generatedBy.command, "deno task reproduce fake --quick");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("results schema: a missing field is named", () => {
  assert.throws(
    () => parseStudyResult({ study: "x", title: "t", parameters: {}, headline: [], tables: {} }),
    (e) => e instanceof ValidationError && /generatedBy: .*got missing/.test(e.message),
  );
});

Deno.test("resultToJson: identical input gives identical bytes; roundDeep keeps integers", () => {
  assert.deepEqual(roundDeep({ a: [1.23456789, 7] }), { a: [1.23457, 7] });
  const r = {
    study: "s",
    title: "t",
    generatedBy: { command: "c", version: "v" },
    parameters: {},
    headline: [],
    tables: {},
  };
  assert.equal(resultToJson(r), resultToJson(structuredClone(r)));
});
