/** The four M3E task names (a module of its own so the CLI can name them without the zoo). */
export const TASKS = ["vision", "language", "recommendation", "mix"] as const;
export type TaskName = (typeof TASKS)[number];
