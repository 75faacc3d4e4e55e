import { finding, type Finding } from "../findings/finding";
import type { Lang } from "../findings/language";
import { entryCellFindings } from "../review/entryCells";
import { fileReferences } from "../review/evidenceFiles";
import { expectationFindings, type Expected } from "../review/expect";
import { tamperFindings, type SheetSnapshot } from "../review/tamper";
import { fileCheck, unreadable, type FileCheck } from "../review/verdict";
import { leftOutFacts } from "../review/leftOutCheck";
import type { Scheme } from "../scheme/load";
import { resultName } from "../scoring/levels";
import { decodeMeta, LAYOUT_VERSION, layoutVersion, META_SHEET } from "../sheets/meta";
import { planSheet } from "../sheets/plan";
import { laidOutSheets, metaRecord } from "./read";
import type { ReadAhead } from "./readAhead";
import { openWorkbook, WorkbookError, type SavedSheet, type SavedWorkbook } from "./saved";
import { scoreForm, type SchemeSource } from "./scoreWorkbook";

/** What a worksheet shows a reviewer: saved values, formulas, hidden rows and columns, validation. */
function snapshot(sheet: SavedSheet, name: string): SheetSnapshot {
  return { name, read: sheet.read, formula: sheet.formula, hiddenRows: sheet.hiddenRows(), hiddenColumns: sheet.hiddenColumns(), validations: sheet.validations() };
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

const NO_FACTS = { scheme: null, role: null, organisation: null, claimedLevel: null, level: null, total: null, sheetTotal: null, passed: null };

function checkWorkbook(file: string, wb: SavedWorkbook, schemes: SchemeSource, lang: Lang, expected: Expected | undefined): FileCheck {
  const metaSheet = wb.sheet(META_SHEET);
  if (metaSheet === undefined) {
    const looksLaidOut = wb.sheets.some((ws) => String(ws.read("A2") ?? "").includes(STARSCORE_MARK));
    if (!looksLaidOut) return unreadable(file, "不是 StarScore 生成的工作簿 / not made by StarScore");
    return fileCheck(file, NO_FACTS, [finding("SS801", {})], lang);
  }
  let laid;
  try {
    laid = laidOutSheets(wb);
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    const reason = decodeMeta(metaRecord(metaSheet, 2));
    return fileCheck(file, NO_FACTS, [finding("SS802", {}, { reason: reason.ok ? e.message : reason.reason })], lang);
  }
  const first = laid[0];
  if (first === undefined) return unreadable(file, "没有 StarScore 工作表 / no StarScore sheet");
  const recorded = first.meta.layout;
  // What the file says it is, against what the reviewer expects: first, as it decides what is done with the file.
  const unexpected = expectationFindings(expected, { scheme: recorded.schemeId, role: recorded.role });
  const scheme = schemes.get(recorded.schemeId);
  if (scheme === undefined) {
    return fileCheck(file, { ...NO_FACTS, scheme: recorded.schemeId, role: recorded.role }, [...unexpected, finding("SS803", {}, { scheme: recorded.schemeId })], lang);
  }
  // An older layout cannot be rebuilt to compare with: not tampered, not checked either — laid out again, it can be.
  const version = layoutVersion(first.meta);
  if (version < LAYOUT_VERSION) {
    return fileCheck(file, { ...NO_FACTS, scheme: scheme.id, role: recorded.role }, [finding("SS805", {}, { version, current: LAYOUT_VERSION })], lang);
  }
  // Read entries through the scheme's own layout, not the file's record of it.
  const plan = planOf(scheme, recorded.role);
  // The sheet a reviewer sees is the one scored; any other that looks like the form is named in a finding. The
  // version the file claims is compared with the scheme (SS703); everything else comes from the plan.
  const { form, ...scored } = scoreForm(wb, first, scheme, { ...plan.layout, schemeVersion: recorded.schemeVersion });
  const snap = snapshot(form.sheet, form.name);
  const leftOut = leftOutFacts(scheme, scored.card);
  const entries = entryCellFindings(plan.layout, form.sheet, wb, form.name);
  const findings: Finding[] = [...unexpected, ...scored.card.findings, ...leftOut.findings, ...tamperFindings(plan, recorded, snap), ...entries];
  const header = scored.assessment.header ?? {};
  const references = fileReferences(scheme, scored.assessment, plan.layout, form.name, form.sheet.hyperlinks());
  const checked = fileCheck(
    file,
    {
      scheme: scheme.id,
      role: recorded.role,
      organisation: typeof header["组织名称"] === "string" ? header["组织名称"] : null,
      claimedLevel: scored.card.claimedLevel?.name ?? (typeof header["申报级别"] === "string" ? header["申报级别"] : null),
      level: resultName(scored.card, scheme, "zh"),
      total: scored.card.total,
      sheetTotal: scored.sheetTotal,
      passed: scored.card.passed,
      leftOut: leftOut.facts,
    },
    findings,
    lang,
  );
  return references.length > 0 ? { ...checked, references } : checked;
}

/**
 * Checks one submitted file's bytes end to end; never throws: a file that cannot be read is a result too. `name`
 * is what the report calls the file (its path in the CLI, its name in the browser). Pure and synchronous: the same
 * code checks a file in the CLI's worker threads, in a browser and in the pane. `expected`: the scheme and form the
 * reviewer asked for (`check --expect`); a file of another is SS806. `ahead`: its parts read on another thread
 * (readAhead.ts), each used only when it is what this file's bytes declare.
 */
export function checkBytes(name: string, bytes: Uint8Array, schemes: SchemeSource, lang: Lang = "zh", expected?: Expected, ahead?: ReadAhead): FileCheck {
  try {
    return checkWorkbook(name, openWorkbook(bytes, undefined, name, ahead), schemes, lang, expected);
  } catch (e) {
    // Parts are unpacked as they are read, so a damaged or oversized part surfaces here.
    if (e instanceof WorkbookError) return unreadable(name, e.message);
    throw e;
  }
}
