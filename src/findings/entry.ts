import { z } from "zod";

/**
 * What a catalogue entry is. Its `params` is a zod shape of the data a finding of that code carries;
 * the types are inferred from it, so a finding raised with a wrong, missing or extra key does not compile.
 * Params hold data only (numbers, ids, enums, the text as typed); the message functions turn it into words.
 */

export type Severity = "error" | "warning" | "info";

/** How the pane and the reviewers' reports group findings. */
export type FindingKind = "error" | "missing" | "evidence" | "consistency" | "outcome" | "tamper";

/** What every message may name besides its params: the clause of the finding's location. */
export interface Where {
  clause?: string;
}

/** The data a shape describes; nothing at all for the empty shape. */
export type Data<Shape extends z.ZodRawShape> = keyof Shape extends never ? Record<never, never> : z.infer<z.ZodObject<Shape>>;

export interface Entry<Shape extends z.ZodRawShape> {
  name: string;
  severity: Severity;
  kind: FindingKind;
  /** The submission disagrees with itself (besides every tamper finding): a reviewer's verdict is then 不一致 (review/verdict.ts). */
  contradicts?: boolean;
  /** The data a finding of this code carries, as a zod shape; empty when the code and location say it all. */
  params: Shape;
  zh: (p: Data<Shape> & Where) => string;
  en: (p: Data<Shape> & Where) => string;
}

/** The catalogue as written: each entry's message functions are typed by that entry's own params. */
export function catalogue<Shapes extends Record<string, z.ZodRawShape>>(entries: { [C in keyof Shapes]: Entry<Shapes[C]> }): { [C in keyof Shapes]: Entry<Shapes[C]> } {
  return entries;
}
