/** What a study is to the `reproduce` runner: an id, a title, and a pure run that returns results and figures. */
import type { Chart } from "../plot/dom.ts";
import type { Headline, Row } from "./results.ts";

/** Passed to a study's run: report progress, and whether a quick (smaller) run is wanted. */
export interface StudyContext {
  /** Report the current step (printed with the study name and elapsed seconds). */
  progress(step: string): void;
  /** Smaller problem sizes for smoke tests; the published reproduction uses false. */
  quick: boolean;
}

/** A figure to save as figures/<study>-<name>.svg|png. */
export interface FigureOut {
  name: string;
  chart: Chart;
}

/** Everything a study run produces. */
export interface StudyOutput {
  parameters: Record<string, unknown>;
  headline: Headline[];
  tables: Record<string, Row[]>;
  figures: FigureOut[];
}

/** A registered study. */
export interface Study {
  id: string;
  title: string;
  run(ctx: StudyContext): Promise<StudyOutput> | StudyOutput;
}
