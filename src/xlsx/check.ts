import { readFile } from "node:fs/promises";
import type ExcelJS from "exceljs";
import { finding, type Finding, type Lang } from "../checks/finding";
import { tamperFindings, type SheetSnapshot } from "../checks/tamper";
import { fileCheck, unreadable, type FileCheck } from "../checks/verdict";
import type { Scheme } from "../scheme/load";
import { levelLabel } from "../scoring/levels";
import { decodeMeta, META_SHEET } from "../sheets/meta";
import { planSheet } from "../sheets/plan";
import { scoreSheet } from "../sheets/score";
import { CHECK_IGNORES, cellFormula, laidOutSheets, loadWorkbook, readCell, WorkbookError } from "./read";
import { sniffXlsx } from "./sniff";

/** What a worksheet shows a reviewer: saved values, formulas, hidden rows and columns. */
function snapshot(sheet: ExcelJS.Worksheet, name: string): SheetSnapshot {
  const hiddenRows = new Set<number>();
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.hidden) hiddenRows.add(n);
  });
  const hiddenColumns = new Set<string>();
  for (let c = 1; c <= Math.max(sheet.columnCount, 12); c++) if (sheet.getColumn(c).hidden) hiddenColumns.add(sheet.getColumn(c).letter);
  return { name, read: (a) => readCell(sheet.getCell(a)), formula: (a) => cellFormula(sheet.getCell(a)), hiddenRows, hiddenColumns };
}

const STARSCORE_MARK = "StarScore 星级评分";

/** Plans are pure and the same for every file of a scheme and role: make each once per worker. */
const plans = new Map<string, ReturnType<typeof planSheet>>();
function planOf(scheme: Scheme, role: Parameters<typeof planSheet>[1]): ReturnType<typeof planSheet> {
  const key = `${scheme.id}@${scheme.version}/${role}`;
  let plan = plans.get(key);
  if (plan === undefined) plans.set(key, (plan = planSheet(scheme, role)));
  return plan;
}

/** Checks one submitted file end to end; never throws: a file that cannot be read is a result too. */
export async function checkFile(file: string, schemes: ReadonlyMap<string, Scheme>, lang: Lang = "zh"): Promise<FileCheck> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return unreadable(file, `无法打开文件 / cannot open (${code ?? String(e)})`);
  }
  const sniff = sniffXlsx(bytes);
  if (!sniff.ok) return unreadable(file, sniff.reason);
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes, CHECK_IGNORES);
  } catch (e) {
    return unreadable(file, `无法解析 / cannot parse (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
  }
  const looksLaidOut = wb.worksheets.some((ws) => String(readCell(ws.getCell("A2")) ?? "").includes(STARSCORE_MARK));
  const metaSheet = wb.getWorksheet(META_SHEET);
  if (metaSheet === undefined) {
    if (!looksLaidOut) return unreadable(file, "不是 StarScore 生成的工作簿 / not made by StarScore");
    return fileCheck(file, { scheme: null, role: null, organisation: null, claimedLevel: null, level: null, total: null, sheetTotal: null, passed: null }, [finding("SS801", {})], lang);
  }
  let laid;
  try {
    laid = laidOutSheets(wb);
  } catch (e) {
    const reason = decodeMeta(readCell(metaSheet.getCell("B2")));
    return fileCheck(file, { scheme: null, role: null, organisation: null, claimedLevel: null, level: null, total: null, sheetTotal: null, passed: null }, [finding("SS802", {}, { reason: reason.ok ? (e instanceof WorkbookError ? e.message : String(e)) : reason.reason })], lang);
  }
  const first = laid[0];
  if (first === undefined) return unreadable(file, "没有 StarScore 工作表 / no StarScore sheet");
  const recorded = first.meta.layout;
  const scheme = schemes.get(recorded.schemeId);
  if (scheme === undefined) {
    return fileCheck(file, { scheme: recorded.schemeId, role: recorded.role, organisation: null, claimedLevel: null, level: null, total: null, sheetTotal: null, passed: null }, [finding("SS803", {}, { scheme: recorded.schemeId })], lang);
  }
  // Read entries through the scheme's own layout, not the file's record of it.
  const plan = planOf(scheme, recorded.role);
  const snap = snapshot(first.sheet, first.name);
  // The version the file claims is compared with the scheme (SS703); everything else comes from the plan.
  const scored = scoreSheet(scheme, { ...plan.layout, schemeVersion: recorded.schemeVersion }, snap.read, first.name);
  const findings: Finding[] = [...scored.card.findings, ...tamperFindings(plan, recorded, snap)];
  const header = scored.assessment.header ?? {};
  return fileCheck(
    file,
    {
      scheme: scheme.id,
      role: recorded.role,
      organisation: typeof header["组织名称"] === "string" ? header["组织名称"] : null,
      claimedLevel: scored.card.claimedLevel?.name ?? (typeof header["申报级别"] === "string" ? header["申报级别"] : null),
      level: levelLabel(scheme, scored.card),
      total: scored.card.total,
      sheetTotal: scored.sheetTotal,
      passed: scored.card.passed,
    },
    findings,
    lang,
  );
}
