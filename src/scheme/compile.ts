import { itemMax, subsectionsOf } from "./consistency";
import type { ItemFile, SchemeFile, SectionFile, SubsectionFile } from "./schema";

// Apart from load.ts so that a scheme validated earlier (compiled at build time) becomes the engine's model
// without loading the YAML parser or the zod schema.

/** An item with what the scheme file implies about it: its maximum and where it sits. */
export type Item = ItemFile & {
  /** The row's maximum (its clause plus any clauses it also carries); 0 in checklists. */
  max: number;
  sectionId: string;
  subsectionId: string;
  /** Position in the scheme's order, from 0. */
  index: number;
  /** Positions of its section in `sections` and of its subsection among all subsections, from 0. */
  sectionIndex: number;
  subsectionIndex: number;
};

/** A section whose items always sit in subsections (a section without that level gets one of its own id). */
export type Section = Omit<SectionFile, "subsections" | "items"> & {
  subsections: (SubsectionFile & { max: number })[];
  max: number;
};

/** A validated scheme with its items flattened and indexed by clause id. */
export type Scheme = Omit<SchemeFile, "sections"> & {
  sections: Section[];
  items: Item[];
  /** Every clause id (including clauses a row also carries) to its item. */
  byClause: ReadonlyMap<string, Item>;
  /** The total below which the organisation fails; null in checklists. */
  passMarkOrLowest: number | null;
};

/** Flattens a validated scheme file into the model the engine and the layouts use. */
export function compileScheme(file: SchemeFile): Scheme {
  const items: Item[] = [];
  const byClause = new Map<string, Item>();
  let subsectionIndex = 0;
  const sections: Section[] = file.sections.map((section, s) => {
    const subsections = subsectionsOf(section, s).map(({ sub }) => {
      for (const raw of sub.items) {
        // Every item gets the same shape (absent fields as undefined), so the engine's hot loop
        // reads them through one hidden class instead of dozens.
        const item: Item = {
          clause: raw.clause,
          code: raw.code,
          text: raw.text,
          points: raw.points,
          alsoClauses: raw.alsoClauses,
          evidence: raw.evidence,
          askApplicable: raw.askApplicable,
          group: raw.group,
          note: raw.note,
          scoring: raw.scoring,
          max: itemMax(raw),
          sectionId: section.id,
          subsectionId: sub.id,
          index: items.length,
          sectionIndex: s,
          subsectionIndex,
        };
        items.push(item);
        byClause.set(item.clause, item);
        for (const also of raw.alsoClauses ?? []) byClause.set(also.clause, item);
      }
      subsectionIndex += 1;
      return { ...sub, max: sub.items.reduce((sum, i) => sum + itemMax(i), 0) };
    });
    const { subsections: _s, items: _i, ...rest } = section;
    return { ...rest, subsections, max: subsections.reduce((sum, u) => sum + u.max, 0) };
  });
  const lowest = file.levels?.[0]?.min;
  const passMarkOrLowest = file.kind === "points" ? (file.passMark ?? lowest ?? null) : null;
  return { ...file, sections, items, byClause, passMarkOrLowest };
}
