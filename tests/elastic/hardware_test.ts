import assert from "node:assert/strict";
import {
  defaultElasticHardware,
  elasticHardwareSources,
  parseElasticHardware,
  peakMacsPerSecond,
} from "../../lib/elastic/hardware.ts";
import { ValidationError } from "../../lib/validate.ts";

Deno.test("default hardware: the summary's calibration setting, each value with a source", () => {
  // Summary (D-E-synergyflow-cnn-throughput.md): 100 MHz, P = 512, 6.4 GB/s, 16-bit words.
  assert.equal(defaultElasticHardware.clockHz, 1e8);
  assert.equal(defaultElasticHardware.peCount, 512);
  assert.equal(defaultElasticHardware.dramBandwidthBytesPerSecond, 6.4e9);
  assert.equal(defaultElasticHardware.wordBytes, 2);
  // 512 PEs x 100 MHz = 51.2 GMAC/s.
  assert.equal(peakMacsPerSecond(defaultElasticHardware), 5.12e10);
  for (const k of Object.keys(defaultElasticHardware)) {
    assert.ok(elasticHardwareSources[k]?.length > 10, `no source for ${k}`);
  }
});

Deno.test("parseElasticHardware: every bad field is named with its value", () => {
  const bad = { ...defaultElasticHardware, peCount: -5, convEfficiency: 1.5, clockHz: "fast" };
  assert.throws(() => parseElasticHardware(bad), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.match(e.message, /peCount.*-5/);
    assert.match(e.message, /convEfficiency.*1\.5/);
    assert.match(e.message, /clockHz.*"fast"/);
    return true;
  });
});

Deno.test("parseElasticHardware: cross-field rules on the PE step", () => {
  assert.throws(
    () => parseElasticHardware({ ...defaultElasticHardware, peCount: 500 }),
    /peCount 500 is not a multiple of peStep 16/,
  );
  assert.throws(
    () => parseElasticHardware({ ...defaultElasticHardware, peCount: 16 }),
    /no room for two engines/,
  );
});
