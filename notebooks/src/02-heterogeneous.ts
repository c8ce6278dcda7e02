// %% [markdown]
// # Study B: architectural parameters, heterogeneous multi-core, layer distribution
// The paper: Mohammad Ali Maleki, Mehdi Kamal, Ali Afzali-Kusha, *Heterogeneous Multi-core
// Array-based DNN Accelerator*, arXiv preprint arXiv:2206.12605 (v1, June 2022; no peer-reviewed
// version was found). Its abstract reports that running each network on its near-optimal core
// configuration saves **up to 36 % energy** and **up to 67 % energy-delay product (EDP)**, and that
// a layer-distribution algorithm reaches **near-optimal speed-ups** on several cores of one type.
// Only the abstract was available to us, so the set-up below is our own reconstruction of the
// experiments it describes, written down before any result was computed.
//
// **Set-up, fixed before any result** (`data/heterogeneous-study.json`, reasons in the file):
// - sweep grid: arrays {8, 16, 32, 64, 128}^2 plus 16x64, 64x16, 32x128, 128x32; total buffer
//   64 ... 2048 KiB (split 0.4 / 0.4 / 0.2 between ifmap, filter and ofmap SRAM, SCALE-Sim's ratio);
//   dataflow WS / OS / IS; DRAM 8 ... 64 B/cycle; 200 MHz: 648 configurations;
// - 16 zoo networks (summary list minus YOLO-tiny, plus one per other zoo family, BERT-base, DLRM);
// - core search space: {16, 32, 64, 128}^2 x {256 KiB, 1 MiB} x {WS, OS} at 16 B/cycle (16 types);
// - baselines: the best homogeneous core of the space (lowest mean normalised metric over all
//   networks) and a fixed reference core, 32x32 WS 512 KiB 16 B/cycle.
//
// **Model.** Every cost comes from `lib/arch` (SCALE-Sim-exact folds and cycles, our DRAM traffic
// and stall model, energy from `data/energy-45nm.json`: Eyeriss ratios anchored at a Horowitz 45 nm
// int8 MAC, SRAM energy growing with sqrt(size), idle-PE and leakage energy). `lib/multicore` only
// composes it. The sweep runs on two Web Workers; results are identical to a one-worker run.
//
// The cell below recomputes everything (a few seconds). With `LAB_FROM_RESULTS=1` in the
// environment it reads the tables that `deno task reproduce heterogeneous` wrote to
// `data/results/heterogeneous.json` instead; both give the same typed rows (each table has a
// schema), so every cell after it works either way.

// %%
import { table } from "lab";
import { show } from "lab/plot/mod.ts";
import {
  analyzeHeterogeneous,
  arraySizeChart,
  bandwidthChart,
  baselineView,
  bestCoreView,
  breakdownChart,
  bufferSizeChart,
  coreTypeChipsView,
  coreTypeMeansView,
  coreTypesChart,
  dataflowChart,
  defaultHeterogeneousSetup,
  efficiencySummary,
  heterogeneousTables,
  memoryChart,
  readHeterogeneousTables,
  savingsChart,
  savingView,
  speedupChart,
  speedupSummaryRows,
} from "lab/experiments/heterogeneous/mod.ts";

const t = Deno.env.get("LAB_FROM_RESULTS") === "1"
  ? await readHeterogeneousTables("../data/results/heterogeneous.json")
  : heterogeneousTables(await analyzeHeterogeneous(defaultHeterogeneousSetup, { workers: 2 }));
table(t.searchSpace);

// %% [markdown]
// ## Energy and latency versus array size
// One axis at a time around the reference core (WS, 512 KiB, 16 B/cycle), normalised to 32x32.
// Latency falls with more PEs until the DRAM bandwidth or the layer shapes stop it. Energy is
// lowest between 16x16 and 64x64 for the CNNs and BERT, and at 8x8-16x16 for the recommenders:
// small arrays pay leakage and DRAM stalls over a long run, large ones pay idle PEs and the leakage
// of PEs that small layers cannot fill (SCALE-Sim v3 reports the same trend: 32x32 more
// energy-efficient than 128x128). Non-square arrays (markers) rarely beat the square array with
// the same number of PEs.

// %%
show(arraySizeChart(t.arraySize));

// %% [markdown]
// ## Energy versus buffer size
// Bigger buffers cut DRAM re-fetches (the DRAM part falls in steps when a layer's operands start to
// fit) but every SRAM access costs more (sqrt(size)) and the SRAM leaks. Networks with large
// activations (VGG, ResNet, DenseNet) gain from 1-2 MiB; compact networks and the recommenders
// (whose weights are read once anyway) are best with small buffers.

// %%
show(bufferSizeChart(t.bufferSize));

// %% [markdown]
// ## Dataflows and DRAM bandwidth
// At 32x32 and 512 KiB, output stationary wins for most dense CNNs and the recommenders; weight
// stationary is far better for depthwise-heavy networks (MobileNet, ShuffleNet, EfficientNet), whose
// one-filter groups waste an OS or IS array. Input stationary is rarely the best of the three.
// Bars are relative to WS (the line at 1), so WS itself has no bar.

// %%
show(dataflowChart(t.dataflow));

// %%
show(bandwidthChart(t.bandwidth));

// %% [markdown]
// ## Energy breakdown on the reference core
// DRAM and the inter-PE moves (2 per MAC at 2x a MAC each) are the two largest parts; DRAM is about
// two thirds for the recommenders, whose weights are used once. Leakage and idle PEs take about
// 10-35 %, most for the networks that fill the array worst (recommenders, MobileNet-V3-small,
// EfficientNet).

// %%
show(breakdownChart(t.breakdown));

// %% [markdown]
// ## Best core per network and the homogeneous baselines
// The baseline per metric is the best homogeneous core of the space: the one core with the lowest
// mean normalised metric over all networks. The reference core (32x32 WS 512 KiB) is not in the
// search space.

// %%
table(baselineView(t.baselines));

// %% [markdown]
// Each network's best core: `space` is the best of the 16 core types, `grid` the best of all 648
// configurations (which may also pick another DRAM bandwidth).

// %%
table(bestCoreView(t.bestCore));

// %% [markdown]
// The saving of each network on its best core of the space (1 - metric on that core / metric on
// the homogeneous core; `energy`, `EDP`, `latency`), and against the reference core
// (`energy vs ref`, `EDP vs ref`).

// %%
table(savingView(t.bestCore));

// %% [markdown]
// ## Energy and EDP saving of near-optimal cores
// A network saves where its best core is far from the one-size-fits-all core: ResNet-50, DenseNet
// and BERT save energy on a larger OS array with a 1 MiB buffer than on the energy-best homogeneous
// 16x16 OS core; VGG-16, Inception-v3, SqueezeNet and the recommenders save EDP against the
// EDP-best homogeneous 64x64 WS core.

// %%
show(savingsChart(t.bestCore));

// %% [markdown]
// ## Heterogeneous chips with k core types
// Each network runs on the best of the chip's k types. Exact enumeration over the 16-type space
// (C(16, 4) = 1820 subsets at most) and greedy pick the same chips for every k here; the greedy
// bound (from the submodularity of the saving) is shown, and greedy over the whole 648-point grid
// (exact there for k <= 2). Two types bring the mean energy within a few percent of every network's
// own optimum; EDP, which varies more across cores, needs three.

// %%
show(coreTypesChart(t.coreTypes));

// %% [markdown]
// Mean normalised metric of each chip (1 = every network on its own optimum): `exact` and `greedy`
// over the space, greedy's `bound`, `grid greedy` and `grid exact` (k <= 2) over the whole grid;
// `max saving` and `mean saving` of the exact chip against the best homogeneous core.

// %%
table(coreTypeMeansView(t.coreTypes));

// %% [markdown]
// The core types of each chip, one per row.

// %%
table(coreTypeChipsView(t.coreTypes));

// %% [markdown]
// ## Layer distribution over N identical cores
// Reference core, N = 1 ... 16, compute-bound (the split divides folds; DRAM stalls are left out so
// that "ideal N" is a true ceiling). **Fold-aware split**: per layer, all cores on filters (whole
// array-column tiles) or all on output pixels, whichever is faster. **Best grid split**: the best
// p x q grid split with p x q <= N, found exhaustively per layer; it is the best of the intra-layer
// split family, not an optimum over all strategies (the pipeline's throughput speed-up exceeds it
// in some rows, counted in the last section). **Pipeline**: contiguous stages, DP optimum vs greedy (a
// throughput speed-up). The fold-aware split stays within about 10 % of the best grid split up
// to 8 cores; at 16 cores, layers with few column tiles need both axes and only the 2-D split keeps
// scaling. Neither reaches N: each fold keeps its fill and drain cycles (2R + C - 2) however few
// pixels it streams. Pipelines saturate at the largest layer (AlexNet, VGG-16).

// %%
show(speedupChart(t.distribution));

// %%
table(speedupSummaryRows(t.distribution));

// %% [markdown]
// ## What memory does to the speed-up
// With DRAM stalls and the cores sharing the one core's bandwidth (`shared-dram`), these networks
// are bandwidth-bound at 16 B/cycle and more cores barely help (about 2-3x at best). With a full
// DRAM port per core (`private-dram`) N cores also have N times the bandwidth and buffer, and
// speed-ups above N appear (VGG-16, SqueezeNet, ResNet-50). The headline uses `compute-bound`.

// %%
show(memoryChart([...t.distribution, ...t.distributionMemory]));

// %% [markdown]
// ## Paper vs ours
// - **max_energy_saving**: close to the paper's 36 %. It is a maximum over networks and depends on
//   the network list, the search space and the energy constants, none of which the abstract gives;
//   ours were fixed before the run and not tuned.
// - **max_edp_saving**: below the paper's 67 %. EDP also depends on latency, where our DRAM stall
//   model at 16 B/cycle caps what a bigger array gains; against the fixed reference core the
//   saving is larger (last two columns of the saving table).
// - **layer_distribution_efficiency**: the abstract says "near-optimal" without a number, so the
//   paper column is empty; ours is the mean ratio of the fold-aware split's speed-up to that of
//   the best grid split (exhaustive over p x q per layer) over 7 networks and N = 2 ... 16. It is
//   measured against that split family, not an exact optimum over all strategies: the pipeline
//   DP's throughput speed-up is higher in some rows. The summary below gives the mean and the
//   worst efficiency, and in how many of the rows with N >= 2 the pipeline beats the grid split.

// %%
table([efficiencySummary(t.distribution)]);

// %%
table(t.paperComparison);
