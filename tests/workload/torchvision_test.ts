/**
 * Zoo totals against torchvision's published per-weight figures (data/torchvision-models.csv:
 * "num_params" and "GFLOPS", which torchvision counts as multiply-accumulates of convs and
 * linear layers, squeeze-excitation 1x1 convs included, pooling and element-wise ops excluded).
 * Both must agree within 1%. A GFLOPS figure is only known to its rounding: torchvision stores
 * "_ops" with 3 decimals and its documentation shows 2 (e.g. mnasnet0_75: 0.215 -> "0.21"), so a
 * 2-decimal figure is known to +-(0.005 + 0.0005) G. The MAC tolerance is the larger of 1% and
 * that rounding bound; it only matters for models under 0.55 GMACs.
 */
import assert from "node:assert/strict";
import { getNetwork, networkMacs, networkParams } from "../../lib/mod.ts";

interface Ref {
  model: string;
  numParams: number;
  gflops: number;
  /** Rounding bound of the published figure (see above), in GMACs. */
  roundingG: number;
  evalSize: number;
  paramsAdjust: number;
}

function loadRefs(): Ref[] {
  const text = Deno.readTextFileSync(new URL("../../data/torchvision-models.csv", import.meta.url));
  const [header, ...rows] = text.trim().split("\n");
  const cols = header.split(",");
  const at = (r: string[], c: string) => r[cols.indexOf(c)];
  return rows.map((line) => {
    const r = line.split(",");
    const g = at(r, "gflops");
    const decimals = g.includes(".") ? g.split(".")[1].length : 0;
    return {
      model: at(r, "model"),
      numParams: Number(at(r, "num_params")),
      gflops: Number(g),
      roundingG: 0.5 * 10 ** -decimals + (decimals < 3 ? 0.0005 : 0),
      evalSize: Number(at(r, "eval_size")),
      paramsAdjust: Number(at(r, "params_adjust")),
    };
  });
}

const refs = loadRefs();

Deno.test("torchvision reference file covers at least 30 zoo models", () => {
  assert.ok(refs.length >= 30, `${refs.length} models`);
  for (const r of refs) assert.ok(Number.isFinite(r.numParams) && r.gflops > 0, r.model);
});

for (const r of refs) {
  Deno.test(`torchvision ${r.model}: params and MACs within 1%`, () => {
    const net = getNetwork(r.model);
    assert.equal(net.input.h, r.evalSize, "evaluated at torchvision's crop size");
    const wantParams = r.numParams + r.paramsAdjust;
    const params = networkParams(net);
    assert.ok(
      Math.abs(params - wantParams) <= 0.01 * wantParams,
      `params ${params} vs published ${wantParams}`,
    );
    const gmacs = networkMacs(net) / 1e9;
    const tol = Math.max(0.01 * r.gflops, r.roundingG);
    assert.ok(
      Math.abs(gmacs - r.gflops) <= tol,
      `GMACs ${gmacs.toFixed(4)} vs published ${r.gflops}`,
    );
  });
}
