import type { Finding } from "../findings/finding";
import type { Lang } from "../findings/language";
import { fileNamesIn, resolveReferences, type FileReference, type SubmittedFile } from "../review/evidenceFiles";
import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import type { ScoreCard } from "../scoring/card";
import { cellText } from "../scoring/cellText";
import { materialLines } from "../scoring/materials";

/**
 * The report's 证明材料清单 (issue 22 item 4): per clause of the self-assessment, each material the scheme requires,
 * the applicant's entry beside it, and what became of it. The rules are not here: which material has an entry is
 * scoring/materials.ts (SS201/SS202), which text or link names a file and whether that file was handed in, empty or
 * not what its name says is review/evidenceFiles.ts (SS203–SS205). This only puts their answers side by side.
 *
 * A material's state, worst first: 未列明 (no entry), 文件缺失, 空文件, 类型不符 (a named file, checked against the
 * submission's files), 文件在 (every file it names is there), 已列明 (an entry naming a document, or files that were
 * not checked because the submission's files are not known).
 */

export type MaterialState = "未列明" | "文件缺失" | "空文件" | "类型不符" | "文件在" | "已列明";

/** The states from worst to best: a material with several files takes its worst. */
export const MATERIAL_STATES: readonly MaterialState[] = ["未列明", "文件缺失", "空文件", "类型不符", "文件在", "已列明"];

/** Each state's words and its mark in print (a problem is ✗, seen without colour), for the report's HTML and the CLI's line. */
export const STATE_WORDS: Record<MaterialState, { zh: string; en: string; mark: string }> = {
  未列明: { zh: "未列明", en: "Not named", mark: "✗" },
  文件缺失: { zh: "文件缺失", en: "File missing", mark: "✗" },
  空文件: { zh: "空文件", en: "Empty file", mark: "✗" },
  类型不符: { zh: "类型不符", en: "Wrong type", mark: "✗" },
  文件在: { zh: "文件在", en: "File present", mark: "✓" },
  已列明: { zh: "已列明", en: "Named", mark: "○" },
};

/** A state as the reader's language says it. */
export const stateWord = (s: MaterialState, lang: Lang): string => (lang === "en" ? STATE_WORDS[s].en : STATE_WORDS[s].zh);

/** The finding behind each state (已列明 and 文件在 have none). */
export const STATE_CODES: Partial<Record<MaterialState, string>> = { 未列明: "SS202", 文件缺失: "SS203", 空文件: "SS204", 类型不符: "SS205" };

const FILE_STATES: Record<string, MaterialState> = { SS203: "文件缺失", SS204: "空文件", SS205: "类型不符" };

export interface MaterialFile {
  /** The file's name as the entry or its hyperlink writes it. */
  name: string;
  /** 文件在 / 文件缺失 / 空文件 / 类型不符; 已列明 when the submission's files are not known. */
  state: MaterialState;
}

export interface ReportMaterial {
  /** The material as the scheme words it. */
  material: string;
  /** The applicant's entry as typed ("" when none). */
  entry: string;
  /** The files the entry names (by its text or a hyperlink on its cell), each with its state. */
  files: MaterialFile[];
  state: MaterialState;
  /** The entry's cell on the self form, where the workbook gave it (`自评估表!G12`). */
  cell: string | null;
}

export interface MaterialClause {
  clause: string;
  text: string;
  /** The clause does not apply (不适用/删减): its materials are listed, none is asked for. */
  notApplicable: boolean;
  materials: ReportMaterial[];
}

/** What the part shows: the list, or why there is none. */
export type ReportMaterials =
  | {
      kind: "list";
      /** The self-assessment's scheme, whose clauses and materials these are. */
      scheme: { id: string; title: string };
      /** Where the self-assessment came from, as the reviewer gave it (null: the report's own workbook). */
      source: string | null;
      /** The self-assessment's 组织名称, when it differs from the report's (a reviewer must see a mismatch). */
      otherOrganisation: string | null;
      /** Whether named files were checked against the submission's files, and against which (its folder or .zip). */
      filesFrom: string | null;
      clauses: MaterialClause[];
      /** How many materials (of clauses that apply) are in each state. */
      counts: Record<MaterialState, number>;
    }
  /** An audit report given no self-assessment: its materials are not known (never an empty list). */
  | { kind: "not-supplied" }
  /** The self-assessment's scheme lists no materials. */
  | { kind: "none-required"; scheme: { id: string; title: string }; source: string | null };

/** The self-assessment the materials are read from, and the submission's files where they are known. */
export interface MaterialsSource {
  scheme: Scheme;
  assessment: Assessment;
  /** Its ScoreCard: which clauses do not apply. */
  card: ScoreCard;
  /** The reviewer's name for where it came from (a path, a folder, a .zip); null for the report's own workbook. */
  source: string | null;
  /** The workbook's file references (with its hyperlinks); null to read file names from the entries' text alone (assessment JSON). */
  references: readonly FileReference[] | null;
  /** The submission's files and the workbook's path among them; null when they are not known. */
  submission: { root: string; workbook: string; files: readonly SubmittedFile[] } | null;
}

/** File references from the entries' text alone, where there is no sheet (and so no hyperlink). */
function textReferences(scheme: Scheme, assessment: Assessment): FileReference[] {
  return scheme.items.flatMap((item) =>
    materialLines(item, assessment.entries[item.clause]?.evidence ?? null).flatMap((l, line) => fileNamesIn(l.entry).map((name) => ({ clause: item.clause, line, material: l.material, name }))),
  );
}

const worst = (states: readonly MaterialState[]): MaterialState => MATERIAL_STATES.find((s) => states.includes(s)) ?? "已列明";

/** The 证明材料清单 of a self-assessment; `organisation` is the report's own 组织名称, to compare. */
export function materialsPart(src: MaterialsSource | null, organisation: string | null): ReportMaterials {
  if (src === null) return { kind: "not-supplied" };
  const { scheme, assessment } = src;
  const schemeRef = { id: scheme.id, title: scheme.title };
  const items = scheme.items.filter((i) => (i.evidence ?? []).length > 0);
  if (items.length === 0) return { kind: "none-required", scheme: schemeRef, source: src.source };

  const references = src.references ?? textReferences(scheme, assessment);
  const findings: Finding[] = src.submission === null ? [] : resolveReferences(src.submission.workbook, references, src.submission.files).findings;
  const stateOf = (ref: FileReference): MaterialState => {
    if (src.submission === null) return "已列明";
    const f = findings.find((x) => x.location.clause === ref.clause && x.location.line === ref.line && "file" in x.params && x.params.file === ref.name);
    return f === undefined ? "文件在" : (FILE_STATES[f.code] ?? "已列明");
  };

  const counts = Object.fromEntries(MATERIAL_STATES.map((s) => [s, 0])) as Record<MaterialState, number>;
  const clauses: MaterialClause[] = items.map((item) => {
    const entry = assessment.entries[item.clause];
    const notApplicable = src.card.items[item.index]?.status === "na";
    const materials = materialLines(item, entry?.evidence ?? null).map((l, line): ReportMaterial => {
      const refs = references.filter((r) => r.clause === item.clause && r.line === line);
      const files = refs.map((r) => ({ name: r.name, state: stateOf(r) }));
      const state = l.entry === "" && files.length === 0 ? "未列明" : worst(files.map((f) => f.state));
      if (!notApplicable) counts[state]++;
      return { material: l.material, entry: l.entry, files, state, cell: refs[0]?.cell ?? null };
    });
    return { clause: item.clause, text: item.text, notApplicable, materials };
  });
  const theirs = cellText(assessment.header?.["组织名称"]);
  return {
    kind: "list",
    scheme: schemeRef,
    source: src.source,
    otherOrganisation: theirs !== null && organisation !== null && theirs.trim() !== organisation.trim() ? theirs : null,
    filesFrom: src.submission?.root ?? null,
    clauses,
    counts,
  };
}
