import type { Scheme } from "../../src/scheme/load";
import type { Assessment, Entry } from "../../src/scoring/assessment";

/**
 * Audit assessments full of sample records (CCT 附件2 评分要求 1), for the workbook agreement: shares that are no
 * short decimal (1 of 3, 2 of 7, 4 of 9), records that cannot be used (more nonconforming than checked, none
 * checked, text, a fraction, half a record) beside a typed percentage, a percentage that disagrees with its
 * record, full-width counts, and a record on a row that does not apply. Each item takes the next kind in turn.
 */
const KINDS: Entry[] = [
  { samples: { checked: 3, nonconforming: 1 } },
  { percent: 71.43, samples: { checked: 7, nonconforming: 2 } },
  { samples: { checked: 9, nonconforming: 4 } },
  { percent: 50, samples: { checked: 5, nonconforming: 6 } },
  { percent: 80, samples: { checked: 0, nonconforming: 0 } },
  { percent: 60, samples: { checked: "十", nonconforming: 1 } },
  { percent: 70, samples: { checked: 2.5, nonconforming: 1 } },
  { percent: 90, samples: { checked: 10 } },
  { percent: 40, samples: { checked: 10, nonconforming: 2 } },
  { percent: "不适用", reason: "本企业不涉及", samples: { checked: 6, nonconforming: 1 } },
  { samples: { checked: "１２", nonconforming: "5" } },
  { percent: 100 },
  { percent: 95.5 },
];

export function sampleCases(scheme: Scheme): Assessment[] {
  return [0, 4, 9].map((shift) => ({
    scheme: scheme.id,
    schemeVersion: scheme.version,
    role: "audit",
    header: { 组织名称: `抽样示例 ${shift}`, "GB/T 27922 证书编号": "CCT-SC-2024-0001" },
    entries: Object.fromEntries(scheme.items.map((item, i) => [item.clause, KINDS[(i + shift) % KINDS.length] as Entry])),
  }));
}
