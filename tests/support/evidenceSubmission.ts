import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Scheme } from "../../src/scheme/load";
import type { Assessment, Entry } from "../../src/scoring/assessment";
import { entryWrites } from "../../src/sheets/fill";
import { planSheet } from "../../src/sheets/plan";
import type { SheetPlan } from "../../src/sheets/types";
import { workbookFromPlan, xlsxBuffer } from "../../src/xlsx/write";

/**
 * A submission as an applicant hands it in (issue 22): the self-assessment workbook and, beside it, a folder of
 * evidence files its material lines name — by text (`证明材料/5.1.1.1-1.pdf`, some typed as Windows users do:
 * backslashes, upper case) and, for 5.1.2.2, by an Excel hyperlink on the line. Every file carries the magic bytes
 * of its kind. `edit` changes the entries or the files before they are written.
 */

export const MAGIC = {
  pdf: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "latin1"),
  jpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
} as const;

export interface Submission {
  /** The workbook's entries, by clause; each material's file is `证明材料/<clause>-<k>.pdf`. */
  assessment: Assessment;
  /** Files to write, by path from the submission's root; null removes one. */
  files: Map<string, Buffer | null>;
  /** The cell whose line is a hyperlink, and its target. */
  link: { clause: string; target: string; text: string } | null;
}

/** The clause whose material line is a hyperlink to a picture. */
export const LINKED_CLAUSE = "5.1.2.2";

export function evidenceSubmission(scheme: Scheme): Submission {
  const entries: Record<string, Entry> = {};
  const files = new Map<string, Buffer | null>();
  for (const item of scheme.items) {
    const names = (item.evidence ?? []).map((_m, k) => `证明材料/${item.clause}-${k + 1}.pdf`);
    for (const n of names) files.set(n, MAGIC.pdf);
    // As Windows users type a path: a backslash and upper case on a few; the file on disk is as listed.
    const typed = names.map((n, k) => (item.clause.endsWith(".1") && k === 0 ? n.replace("/", "\\").toUpperCase() : n));
    entries[item.clause] = { conclusion: "符合", score: item.max, evidence: typed };
  }
  // 5.1.2.2: the line shows a document's name; its hyperlink leads to a photo of the certificate.
  entries[LINKED_CLAUSE] = { ...entries[LINKED_CLAUSE], evidence: ["售后服务管理师证书（见链接）"] };
  files.delete(`证明材料/${LINKED_CLAUSE}-1.pdf`);
  files.set("证明材料/管理师证书.jpg", MAGIC.jpg);
  files.set("证明材料/说明.txt", Buffer.from("提交说明\n"));
  return {
    assessment: { scheme: scheme.id, role: "self", header: { 组织名称: "华东示例电器有限公司", 评估时间: "2026-05-20" }, entries },
    files,
    link: { clause: LINKED_CLAUSE, target: "证明材料/管理师证书.jpg", text: "售后服务管理师证书（见链接）" },
  };
}

/** The evidence cell of a clause's material line `k` (from 0). */
export function materialCell(plan: SheetPlan, clause: string, k: number): string {
  const row = plan.layout.items.find((i) => i.clause === clause)?.row ?? 0;
  return `${plan.layout.entryColumns.evidence}${row + k}`;
}

/** Writes the submission into `dir`: 自评估表.xlsx and its files. */
export async function writeSubmission(scheme: Scheme, s: Submission, dir: string): Promise<void> {
  const plan = planSheet(scheme, "self");
  const wb = await workbookFromPlan(plan, entryWrites(plan, s.assessment));
  if (s.link !== null) {
    const sheet = wb.getWorksheet(plan.sheetName);
    if (sheet === undefined) throw new Error("no sheet");
    sheet.getCell(materialCell(plan, s.link.clause, 0)).value = { text: s.link.text, hyperlink: s.link.target };
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "自评估表.xlsx"), await xlsxBuffer(wb));
  for (const [name, bytes] of s.files) {
    if (bytes === null) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
}
