import { loadSchemes } from "../../src/cli/schemeFiles";
import type { Scheme } from "../../src/scheme/load";
import type { Assessment } from "../../src/scoring/assessment";
import { entryWrites, unplacedEntries } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import { unplacedText } from "../../src/sheets/unplacedText";

/** A sample record goes only where the form has an entry cell for it; elsewhere into the row's remark, and said. */
const schemes = loadSchemes();

describe("entryWrites: a sample record on a row without sample cells", () => {
  const cct = schemes.get("cct-sc03-12") as Scheme;
  const plan = planSheet(cct, "audit");
  const { checked, nonconforming, note } = plan.layout.entryColumns as Record<string, string>;
  const rowOf = (clause: string) => plan.layout.items.find((i) => i.clause === clause)?.row as number;
  const a: Assessment = {
    scheme: cct.id,
    role: "audit",
    entries: { "5.1.1.2": { percent: 100, samples: { checked: "１０", nonconforming: null } }, "5.1.2.1": { samples: { checked: 8, nonconforming: 2 } } },
  };
  const cells = new Map(entryWrites(plan, a).map((w) => [w.address, w.value]));

  it("CCT 5.1.1.2 (qualitative): no write into its locked sample cells; the remark quotes the counts as typed", () => {
    expect(cells.has(`${checked}${rowOf("5.1.1.2")}`)).toBe(false);
    expect(cells.has(`${nonconforming}${rowOf("5.1.1.2")}`)).toBe(false);
    expect(cells.get(`${note}${rowOf("5.1.1.2")}`)).toBe("样本记录（未计分）：样本数 10，不符合数 未填");
  });

  it("CCT 5.1.2.1 (sampled): the counts go into its sample cells, the remark stays empty", () => {
    expect([cells.get(`${checked}${rowOf("5.1.2.1")}`), cells.get(`${nonconforming}${rowOf("5.1.2.1")}`)]).toEqual([8, 2]);
    expect(cells.has(`${note}${rowOf("5.1.2.1")}`)).toBe(false);
  });

  it("unplacedEntries names the qualitative row's record, in both languages", () => {
    const [u, ...rest] = unplacedEntries(plan, a);
    expect(rest).toEqual([]);
    expect(u).toEqual({ kind: "samples", clause: "5.1.1.2", checked: "10", nonconforming: null, remark: true });
    if (u === undefined) throw new Error("none");
    expect(unplacedText(u, "评分表", "en")).toBe(
      "clause 5.1.1.2: the form has no sample cells on this row; the sample record (checked 10, nonconforming blank) was written into its remark and does not count",
    );
  });

  it("a form with no sample columns at all (the maturity 评分表) keeps a record given in a file the same way", () => {
    const maturity = schemes.get("maturity-jsgf-06") as Scheme;
    const mPlan = planSheet(maturity, "audit");
    const clause = maturity.items[0]?.clause as string;
    const given: Assessment = { scheme: maturity.id, role: "audit", entries: { [clause]: { percent: 90, note: "查阅记录", samples: { checked: 5, nonconforming: 1 } } } };
    const row = mPlan.layout.items[0]?.row as number;
    const written = new Map(entryWrites(mPlan, given).map((w) => [w.address, w.value]));
    expect(written.get(`${mPlan.layout.entryColumns.note}${row}`)).toBe("查阅记录；样本记录（未计分）：样本数 5，不符合数 1");
    expect(unplacedEntries(mPlan, given).map((u) => u.kind)).toEqual(["samples"]);
  });
});
