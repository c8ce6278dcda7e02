/**
 * Transformer encoders (BERT) and decoders (GPT-2) as GEMM jobs for one sequence of `seqLen`
 * tokens: weight projections are `dense` layers with `tokens = seqLen`; the attention matmuls
 * QK^T and AV are weight-free `gemm` layers, one per head and sample (gemm `batch` = heads x batch).
 * GPT-2's causal mask does not reduce the GEMM sizes, so attention is counted as full S x S.
 * Embedding tables are lookups without MACs and are left out of the layers (and so of `params`);
 * so is GPT-2's LM head, which shares the token embedding. Layer norms are `norm` layers
 * (2 parameters per channel). Dimensions from the BERT paper (Devlin et al. 2019, Table of model
 * sizes) and the GPT-2 paper (Radford et al. 2019, Table 2 / released configs).
 */
import type { Layer } from "../layer.ts";
import type { BuildOpts, ZooEntry } from "./types.ts";

interface TransformerSpec {
  layers: number;
  hidden: number;
  heads: number;
  /** BERT keeps separate Q/K/V projections and a pooler; GPT-2 fuses QKV and has a final norm. */
  style: "bert" | "gpt2";
}

function block(out: Layer[], p: string, s: TransformerSpec, o: BuildOpts): void {
  const { hidden: h, heads } = s;
  const dHead = h / heads;
  const S = o.seqLen, B = o.batch;
  const dense = (name: string, inF: number, outF: number) =>
    out.push({
      kind: "dense",
      name,
      inputFeatures: inF,
      outputFeatures: outF,
      tokens: S,
      bias: true,
      batch: B,
    });
  const norm = (name: string) =>
    out.push({
      kind: "eltwise",
      name,
      op: "norm",
      inputH: S,
      inputW: 1,
      inputC: h,
      outputC: h,
      scale: 1,
      batch: B,
    });
  const gemm = (name: string, m: number, k: number, n: number) =>
    out.push({ kind: "gemm", name, m, k, n, weights: false, batch: B * heads });
  if (s.style === "gpt2") norm(`${p}.ln_1`);
  if (s.style === "bert") {
    for (const q of ["query", "key", "value"]) dense(`${p}.attn.${q}`, h, h);
  } else dense(`${p}.attn.c_attn`, h, 3 * h);
  gemm(`${p}.attn.scores`, S, dHead, S);
  gemm(`${p}.attn.context`, S, S, dHead);
  dense(`${p}.attn.out`, h, h);
  norm(s.style === "bert" ? `${p}.attn.ln` : `${p}.ln_2`);
  dense(`${p}.ffn.up`, h, 4 * h);
  dense(`${p}.ffn.down`, 4 * h, h);
  if (s.style === "bert") norm(`${p}.ffn.ln`);
}

function transformer(s: TransformerSpec) {
  return (o: BuildOpts): Layer[] => {
    const out: Layer[] = [];
    for (let i = 0; i < s.layers; i++) block(out, `layer${i}`, s, o);
    if (s.style === "bert") {
      // The pooler projects the first token only.
      out.push({
        kind: "dense",
        name: "pooler",
        inputFeatures: s.hidden,
        outputFeatures: s.hidden,
        tokens: 1,
        bias: true,
        batch: o.batch,
      });
    } else {
      out.push({
        kind: "eltwise",
        name: "ln_f",
        op: "norm",
        inputH: o.seqLen,
        inputW: 1,
        inputC: s.hidden,
        outputC: s.hidden,
        scale: 1,
        batch: o.batch,
      });
    }
    return out;
  };
}

const SPECS: Record<string, TransformerSpec> = {
  bert_base: { layers: 12, hidden: 768, heads: 12, style: "bert" },
  bert_large: { layers: 24, hidden: 1024, heads: 16, style: "bert" },
  gpt2: { layers: 12, hidden: 768, heads: 12, style: "gpt2" },
  gpt2_medium: { layers: 24, hidden: 1024, heads: 16, style: "gpt2" },
  gpt2_large: { layers: 36, hidden: 1280, heads: 20, style: "gpt2" },
  gpt2_xl: { layers: 48, hidden: 1600, heads: 25, style: "gpt2" },
};

/** BERT-base/large and GPT-2 small/medium/large/xl; input h is the sequence length (default 128). */
export function languageEntries(): ZooEntry[] {
  return Object.entries(SPECS).map(([name, s]) => ({
    name,
    family: s.style,
    task: "language",
    input: { h: 128, w: 1, c: s.hidden },
    domain: "language",
    build: transformer(s),
  }));
}
