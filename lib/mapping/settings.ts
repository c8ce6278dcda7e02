/**
 * The accelerator settings S1-S6 of M3E (`src/setting.py`, get_setting_v3; labels per C-magma.md
 * section 4, whose mapping of code index to paper label is unconfirmed) and the system-bandwidth
 * sweeps of main_ng/main_rl: small settings {1, 2, 4, 8, 16}, large ones {1, 16, 256} bytes/cycle
 * (GB/s at 1 GHz).
 */
import type { CoreSpec, CoreStyle } from "./cores.ts";

export const SETTING_IDS = ["S1", "S2", "S3", "S4", "S5", "S6"] as const;
export type SettingId = (typeof SETTING_IDS)[number];

/** One accelerator setting. */
export interface Setting {
  id: SettingId;
  /** What it is, e.g. "4 x 2048 PE, 3 HB + 1 LB". */
  description: string;
  /** M3E's setting index in `setting.py`. */
  m3eIndex: number;
  cores: CoreSpec[];
  /** The system-bandwidth sweep for this setting, bytes per cycle. */
  bandwidthsBytesPerCycle: number[];
}

/** Bandwidth sweep of the small settings (S1, S2), bytes/cycle. */
export const SMALL_BWS = [1, 2, 4, 8, 16];
/** Bandwidth sweep of the large settings (S3-S6), bytes/cycle. */
export const LARGE_BWS = [1, 16, 256];

const many = (n: number, style: CoreStyle, pes: number): CoreSpec[] =>
  Array.from({ length: n }, () => ({ style, pes }));

const RAW: [SettingId, number, string, CoreSpec[]][] = [
  ["S1", 2, "small homogeneous: 4 x 2048 PE, 4 HB", many(4, "HB", 2048)],
  ["S2", 3, "small heterogeneous: 4 x 2048 PE, 3 HB + 1 LB", [
    ...many(3, "HB", 2048),
    ...many(1, "LB", 2048),
  ]],
  ["S3", 8, "large homogeneous: 8 x 8192 PE, 8 HB", many(8, "HB", 8192)],
  ["S4", 4, "large heterogeneous: 8 x 8192 PE, 7 HB + 1 LB", [
    ...many(7, "HB", 8192),
    ...many(1, "LB", 8192),
  ]],
  ["S5", 5, "big.LITTLE: 4 x 8192 + 4 x 4096 PE, (3 HB + 1 LB) x 2", [
    ...many(3, "HB", 8192),
    ...many(1, "LB", 8192),
    ...many(3, "HB", 4096),
    ...many(1, "LB", 4096),
  ]],
  ["S6", 6, "scaled-up: 8 x 8192 + 8 x 4096 PE, (7 HB + 1 LB) x 2", [
    ...many(7, "HB", 8192),
    ...many(1, "LB", 8192),
    ...many(7, "HB", 4096),
    ...many(1, "LB", 4096),
  ]],
];

/** All six settings in order. */
export const SETTINGS: Setting[] = RAW.map(([id, m3eIndex, description, cores]) => ({
  id,
  m3eIndex,
  description,
  cores,
  bandwidthsBytesPerCycle: m3eIndex < 4 ? SMALL_BWS : LARGE_BWS,
}));

/** Look up a setting by id ("S1".."S6"); throws naming the id and the known ones. */
export function getSetting(id: string): Setting {
  const s = SETTINGS.find((x) => x.id === id);
  if (!s) throw new RangeError(`unknown setting "${id}" (known: ${SETTING_IDS.join(", ")})`);
  return s;
}
