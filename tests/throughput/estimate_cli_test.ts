import assert from "node:assert/strict";
import { runCli } from "../cli_run.ts";

const cli = (...args: string[]) => runCli("estimate", ...args);

const HEAD = "name,board,dpu_arch,dpu_cores,dpu_mhz,gops_per_image,fps_1thread,input_hw";

Deno.test("estimate cli: --json on boards and sizes outside the calibration data", async () => {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  await Deno.writeTextFile(
    path,
    [
      HEAD,
      "cf_resnet50_imagenet_224_224_7.7G,ZCU102,B4096,3,281,7.7,76,224x224",
      "cf_resnet50_imagenet_224_224_7.7G,custom,B1024,1,300,7.7,20,224x224",
      "yolov3_voc,custom,B2304,2,300,65.4,,416x416",
    ].join("\n"),
  );
  const r = await cli("--csv", path, "--json", "--threads", "8");
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(out[0]), ["name", "board", "predicted_fps_multithread"]);
  assert.equal(out.length, 3);
  const fps = out.map((o) => o.predicted_fps_multithread as number);
  // Closed-loop bounds: with K DPU and C = 4 CPU cores, 1 / max(Tdpu / K, Tcpu / C) is at most
  // (K + C) / (Tdpu + Tcpu), i.e. (K + 4) x fps_1; and more threads never lose throughput.
  assert.ok(fps[0] > 76 && fps[0] <= 7 * 76, `${fps[0]}`);
  assert.ok(fps[1] >= 20 && fps[1] <= 5 * 20, `${fps[1]}`);
  // No fps_1thread: the DPU alone caps throughput at K x peak ops/cycle x clock / ops per image
  // (PG338: the size name B2304 is the peak ops per cycle) = 2 x 2304 x 300e6 / 65.4e9 = 21.14 fps.
  const dpuCeiling = (2 * 2304 * 300e6) / 65.4e9;
  assert.ok(Math.abs(dpuCeiling - 21.14) < 0.005);
  assert.ok(fps[2] > 0 && fps[2] <= dpuCeiling, `${fps[2]}`);
  // The bundled fit saw only B4096 with 1 or 2 cores: the B1024 and B2304 rows and the 3-core row
  // are extrapolations, and the row without fps_1thread is physics only; stderr says so.
  assert.match(r.stderr, /3 of 3 rows lie outside the fitted range/);
  assert.match(r.stderr, /ZCU102\): 3 cores > 2/);
  assert.match(r.stderr, /custom\): DPU B1024 not fitted/);
  assert.match(r.stderr, /no fps_1thread/);
  // One thread is the single-thread figure itself.
  const one = JSON.parse((await cli("--csv", path, "--json", "--threads", "1")).stdout);
  assert.ok(Math.abs(one[0].predicted_fps_multithread - 76) < 1e-9);
  await Deno.remove(path);
});

Deno.test("estimate cli: a malformed CSV exits 1 naming row and column", async () => {
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  await Deno.writeTextFile(path, `${HEAD}\nx,ZCU102,B4096,three,281,7.7,76,224x224\n`);
  const r = await cli("--csv", path);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /row 1 \(line 2\), column dpu_cores: .*"three"/);
  await Deno.remove(path);
});

Deno.test("estimate cli: missing --csv and bad --threads are usage errors (exit 2)", async () => {
  assert.equal((await cli()).code, 2);
  const r = await cli("--csv", "x.csv", "--threads", "-1");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--threads/);
});
