/**
 * The studies `deno task reproduce` knows, in the order it runs them.
 * To add a study: write lib/experiments/<id>/ (setup, run, figures, paper, mod.ts exporting a `Study`), and list it here.
 */
import { cnnThroughputStudy } from "./cnn-throughput/mod.ts";
import { heterogeneousStudy } from "./heterogeneous/mod.ts";
import { magmaStudy } from "./magma/mod.ts";
import { partitioningStudy } from "./partitioning/mod.ts";
import type { Study } from "./study.ts";
import { synergyflowStudy } from "./synergyflow/mod.ts";

export const studies: Study[] = [
  partitioningStudy,
  heterogeneousStudy,
  magmaStudy,
  synergyflowStudy,
  cnnThroughputStudy,
];

/** Look up studies by id; throws naming the unknown id and the known ones. */
export function selectStudies(ids: string[]): Study[] {
  if (ids.length === 0) return studies;
  return ids.map((id) => {
    const s = studies.find((x) => x.id === id);
    if (!s) {
      throw new Error(
        `unknown study "${id}" (known: ${studies.map((x) => x.id).join(", ") || "none"})`,
      );
    }
    return s;
  });
}
