/**
 * Recommendation models as their dense compute: MLPs plus feature interactions. Embedding tables
 * are lookups without MACs and are left out of the layers and of `params`.
 * - dlrm: the MLPerf DLRM (Criteo Terabyte) configuration: 13 dense features, bottom MLP
 *   512-256-128, 26 sparse features with 128-d embeddings, pairwise dot interaction of the 27
 *   vectors (27*26/2 = 351 terms, plus the 128-d bottom output = 479), top MLP 1024-1024-512-256-1.
 * - ncf: NeuMF as in MLPerf (MLP tower on a 256-d user+item embedding, 256-128-64; GMF tower
 *   is an element-wise product of 64-d embeddings; final dense on the 128-d concat).
 * - wide_and_deep: the Google Play model of Cheng et al. 2016: ~1200-d concatenated embeddings
 *   through ReLU layers 1024-512-256 to one logit; the wide part is a sparse weighted sum
 *   (a lookup, no dense MACs), recorded as an add.
 */
import { Cursor, start } from "./builder.ts";
import type { Layer } from "../layer.ts";
import type { ZooEntry } from "./types.ts";

function mlp(x: Cursor, prefix: string, widths: number[]): Cursor {
  widths.forEach((w, i) => x.dense(`${prefix}.${i}`, w));
  return x;
}

function dlrm(batch: number) {
  const x = start(1, 1, 13, batch);
  mlp(x, "bot_mlp", [512, 256, 128]);
  // Dot products among 27 vectors of 128: per sample a (27 x 128) x (128 x 27) product.
  x.layers.push({ kind: "gemm", name: "interaction", m: 27, k: 128, n: 27, weights: false, batch });
  const inter = new Cursor(x.layers, 1, 1, 351, batch);
  x.concat("interaction.concat", [x.branch(), inter]);
  mlp(x, "top_mlp", [1024, 1024, 512, 256, 1]);
  return x.layers;
}

function ncf(batch: number) {
  const x = start(1, 1, 256, batch);
  mlp(x, "mlp", [256, 128, 64]);
  const gmf = new Cursor(x.layers, 1, 1, 64, batch).eltwise("gmf.mul", "mul");
  x.concat("neumf.concat", [x.branch(), gmf]).dense("predict", 1);
  return x.layers;
}

function wideAndDeep(batch: number) {
  const x = start(1, 1, 1200, batch);
  mlp(x, "deep", [1024, 512, 256, 1]);
  return x.eltwise("wide.add", "add").layers;
}

/** DLRM, NCF, Wide & Deep. */
export function recommendationEntries(): ZooEntry[] {
  const e = (name: string, c: number, build: (batch: number) => Layer[]): ZooEntry => ({
    name,
    family: name,
    task: "recommendation",
    input: { h: 1, w: 1, c },
    domain: "recommendation",
    build: (o) => build(o.batch),
  });
  return [e("dlrm", 13, dlrm), e("ncf", 256, ncf), e("wide_and_deep", 1200, wideAndDeep)];
}
