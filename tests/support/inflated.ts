import { validateScheme, type Scheme } from "../../src/scheme/load";
import type { SchemeFile } from "../../src/scheme/schema";
import { schemeFile } from "./schemes";

/**
 * The maturity scheme with every item repeated `times` times (clause ids 5.1.1.1a …), every sum scaled: a scheme as
 * large as a certification body could write, for the request-size limits (tests/excel/adapter.test.ts,
 * bench/pane.bench.ts).
 */
export function inflatedMaturity(times: number): Scheme {
  const { items: _items, byClause: _byClause, passMarkOrLowest: _pass, ...file } = schemeFile("maturity-jsgf-06");
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const raw: SchemeFile = {
    ...(file as unknown as SchemeFile),
    fullMarks: (file.fullMarks ?? 0) * times,
    passMark: (file.passMark ?? 0) * times,
    levels: (file.levels ?? []).map((l) => ({ ...l, min: l.min * times })),
    sections: file.sections.map((s) => ({
      id: s.id,
      title: s.title,
      max: s.max * times,
      subsections: s.subsections.map((u) => ({
        id: u.id,
        title: u.title,
        max: u.max * times,
        ...(u.maxParts !== undefined ? { maxParts: u.maxParts.map((p) => p * times) } : {}),
        items: u.items.flatMap((i) =>
          Array.from({ length: times }, (_, k) => ({ clause: `${i.clause}${letters[k]}`, text: i.text, points: i.points ?? 0, ...(i.code !== undefined ? { code: `${i.code[0]}${Number(i.code.slice(1)) * times + k}` } : {}) })),
        ),
      })),
    })),
  };
  return validateScheme(raw, "inflated.yaml");
}
