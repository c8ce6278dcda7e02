/** The catalogue: every zoo entry, in a stable order (CNNs first, then language, then recommendation). */
import { classicEntries } from "./classic.ts";
import { inceptionEntries } from "./inception.ts";
import { densenetEntries } from "./densenet.ts";
import { mobilenetV3Entries } from "./mobilenet_v3.ts";
import { shufflenetEntries } from "./shufflenet.ts";
import { mnasnetEntries } from "./mnasnet.ts";
import { efficientnetEntries } from "./efficientnet.ts";
import { regnetEntries } from "./regnet.ts";
import { segmentationEntries } from "./segmentation.ts";
import { detectionEntries } from "./detection.ts";
import { detectorEntries } from "./detectors.ts";
import { languageEntries } from "./language.ts";
import { recommendationEntries } from "./recommendation.ts";
import { googlenetEntries } from "./googlenet.ts";
import { mobilenetEntries } from "./mobilenet.ts";
import { resnetEntries } from "./resnet.ts";
import type { ZooEntry } from "./types.ts";
import { eraEntries } from "./era.ts";
import { visionTaskEntries } from "./vision_tasks.ts";
import { restorationEntries } from "./restoration.ts";
import { segmenterEntries } from "./segmenters.ts";
import { poseEntries } from "./pose.ts";

let cache: Map<string, ZooEntry> | undefined;

/** All zoo entries by name (built once; entries are cheap descriptors until `build` is called). */
export function entries(): Map<string, ZooEntry> {
  if (cache) return cache;
  const all = [
    ...classicEntries(),
    ...resnetEntries(),
    ...googlenetEntries(),
    ...mobilenetEntries(),
    ...inceptionEntries(),
    ...densenetEntries(),
    ...mobilenetV3Entries(),
    ...shufflenetEntries(),
    ...mnasnetEntries(),
    ...efficientnetEntries(),
    ...regnetEntries(),
    ...detectionEntries(),
    ...detectorEntries(),
    ...segmentationEntries(),
    ...visionTaskEntries(),
    ...restorationEntries(),
    ...segmenterEntries(),
    ...poseEntries(),
    ...languageEntries(),
    ...recommendationEntries(),
    ...eraEntries(),
  ];
  cache = new Map();
  for (const e of all) {
    if (cache.has(e.name)) throw new Error(`zoo: duplicate model name ${e.name}`);
    cache.set(e.name, e);
  }
  return cache;
}
