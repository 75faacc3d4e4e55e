import { finding, type Finding } from "../findings/finding";
import type { Scheme } from "../scheme/load";
import type { Assessment } from "../scoring/assessment";
import { materialEntries } from "../scoring/materials";
import { qualified } from "../sheets/address";
import type { SheetLayout } from "../sheets/types";
import { checkedFinding, VERDICT_ORDER, verdictOf, type FileCheck } from "./verdict";
import type { Lang } from "../findings/language";

/**
 * The files a submission's evidence names, resolved against the files handed in (issue 22). Pure: the CLI's folder
 * walk, a zip's entries and a browser's folder drop list the files; this decides what is named, what is there, what
 * is empty or not what its name says, and which workbook each named file is accounted for under.
 *
 * Names compare as Windows compares them, since most submissions are made on Windows: case-insensitive, either
 * slash, Unicode NFC (a name typed on a Mac is NFD), `.` and `..` resolved; a name that climbs out of the
 * submission, or an absolute path (`D:\资料\…`, `/Users/…`), points at the applicant's own disk and is not there.
 */

/** Bytes read from the start of each file handed in: enough for every signature `contentOf` sniffs. */
export const HEAD_BYTES = 1024;
/** Files listed from one submission: far more than any submission holds, so a wrong folder cannot run on. */
export const MAX_LISTED_FILES = 20_000;

/** One file handed in: its path from the submission's root (`证明材料/客户清单.pdf`), size, and its first bytes. */
export interface SubmittedFile {
  path: string;
  size: number;
  /** At least the first 1,024 bytes (a PDF's header may start anywhere in them), or the whole file when shorter. */
  head: Uint8Array;
}

/** A file whose whole bytes are at hand (a zip's entry) as a listing holds it: its size and first bytes. */
export const submittedFile = (path: string, bytes: Uint8Array): SubmittedFile => ({ path, size: bytes.length, head: bytes.subarray(0, HEAD_BYTES) });

/** An evidence line that names a file: by its text, or by an Excel hyperlink in its cell. */
export interface FileReference {
  clause: string;
  /** Which material (from 0) the line is. */
  line: number;
  material: string;
  /** The file's name as written, relative to the workbook's folder. */
  name: string;
  /** `自评估表!G12`, where known. */
  cell?: string;
}

/** Extensions an evidence file is likely to carry; text ending so names a file, other text names a document. */
const FILE_NAME = /\.(pdf|ofd|jpe?g|png|gif|bmp|tiff?|webp|heic|docx?|xlsx|xlsm|xls|pptx?|wps|et|dps|csv|txt|zip|rar|7z|mp4|mov)$/i;

/** What a link or text points at that is no file of the submission: a web page, a mail address. */
const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|#)/i;

/** The names of files an evidence line writes: each part (split at ；, ; and line breaks) that ends in a file's extension. */
export function fileNamesIn(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|；|;/)
    .map((s) => s.trim().replace(/^[《“"'「]+|[》”"'」]+$/g, ""))
    .filter((s) => s !== "" && FILE_NAME.test(s) && !NOT_A_FILE.test(s));
}

/**
 * The file references of a laid-out sheet's evidence: for each item, each material's line that names files in its
 * text, or holds a hyperlink to one (`links`: cell address → the link's target, as the sheet's relationships give it).
 */
export function fileReferences(scheme: Scheme, assessment: Assessment, layout: SheetLayout, sheet: string, links: ReadonlyMap<string, string>): FileReference[] {
  const column = layout.entryColumns.evidence;
  if (column === undefined) return [];
  const out: FileReference[] = [];
  for (const { clause, row, lastRow } of layout.items) {
    const item = scheme.byClause.get(clause);
    if (item === undefined) continue;
    const required = item.evidence ?? [];
    const lines = materialEntries(assessment.entries[clause]?.evidence ?? null, Math.max(1, (lastRow ?? row) - row + 1));
    lines.forEach((text, line) => {
      const address = `${column}${row + line}`;
      const link = links.get(address);
      const names = link !== undefined && !NOT_A_FILE.test(link) ? [decodeLink(link)] : fileNamesIn(text);
      for (const name of names) out.push({ clause, line, material: required[line] ?? "", name, cell: qualified(sheet, address) });
    });
  }
  return out;
}

/** A hyperlink's target as a file name: `file:///` dropped, %-escapes decoded (Excel writes 客户清单 as %E5%AE%A2…). */
function decodeLink(target: string): string {
  const plain = target.replace(/^file:\/{2,3}/i, "");
  try {
    return decodeURIComponent(plain);
  } catch {
    return plain;
  }
}

/**
 * A path's key as Windows compares names: NFC, case folded, `\` as `/`, `.` and empty segments dropped, `..`
 * resolved; null when it climbs above the root or is absolute (a drive letter, a leading slash, a UNC share).
 */
export function pathKey(path: string): string | null {
  return safePath(path.normalize("NFC"))?.toLowerCase() ?? null;
}

/**
 * A path inside a submission (a folder, or a zip's entries), `.` and empty segments dropped and `..` resolved; null
 * when it would lead outside: an absolute path, a drive letter, a `..` above the top. Backslashes (which some Windows
 * tools write) are folder separators. `pathKey` is this, compared as Windows compares names.
 */
export function safePath(name: string): string | null {
  const p = name.replace(/\\/g, "/");
  if (p.startsWith("/") || /^[a-z]:/i.test(p)) return null;
  const parts: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.length === 0 ? null : parts.join("/");
}

/** The folder of a path from the submission's root (`a/b/表.xlsx` → `a/b`), "" at the root. */
function folderOf(path: string): string {
  const p = path.replace(/\\/g, "/");
  const at = p.lastIndexOf("/");
  return at < 0 ? "" : p.slice(0, at);
}

/** What a file's first bytes say it is, as a reviewer would name it. */
export type Content = "pdf" | "jpeg" | "png" | "gif" | "bmp" | "tiff" | "webp" | "zip" | "ole2" | "rar" | "7z" | "text" | "unknown";

const starts = (head: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => head[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Reads a file's kind from its magic bytes (the PDF header may follow up to 1,024 bytes of anything, as readers allow). */
export function contentOf(head: Uint8Array): Content {
  const pdf = ascii("%PDF-");
  for (let i = 0; i + pdf.length <= Math.min(head.length, 1024); i++) if (starts(head, pdf, i)) return "pdf";
  if (starts(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(head, ascii("GIF87a")) || starts(head, ascii("GIF89a"))) return "gif";
  if (starts(head, ascii("BM"))) return "bmp";
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (starts(head, ascii("RIFF")) && starts(head, ascii("WEBP"), 8)) return "webp";
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole2";
  if (starts(head, ascii("Rar!"))) return "rar";
  if (starts(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return "7z";
  if (head.length > 0 && head.subarray(0, 512).every((b) => b === 9 || b === 10 || b === 13 || b >= 32)) return "text";
  return "unknown";
}

/** What each extension's content must be; extensions not listed (heic, mp4, …) are not sniffed. */
const EXPECTED: Record<string, readonly Content[]> = {
  pdf: ["pdf"],
  jpg: ["jpeg"],
  jpeg: ["jpeg"],
  png: ["png"],
  gif: ["gif"],
  bmp: ["bmp"],
  tif: ["tiff"],
  tiff: ["tiff"],
  webp: ["webp"],
  // Office 2007 and later, and OFD, are zip packages; Office 97–2003 (and WPS's own formats) are OLE2.
  docx: ["zip"],
  xlsx: ["zip"],
  xlsm: ["zip"],
  pptx: ["zip"],
  ofd: ["zip"],
  zip: ["zip"],
  doc: ["ole2"],
  xls: ["ole2"],
  ppt: ["ole2"],
  wps: ["ole2", "zip"],
  et: ["ole2", "zip"],
  dps: ["ole2", "zip"],
  rar: ["rar"],
  "7z": ["7z"],
};

const extensionOf = (name: string): string => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";

/** What the reviewer is told a file is by its extension and by its content: `PDF`, `ZIP/Office` … */
export const CONTENT_WORDS: Record<Content, string> = {
  pdf: "PDF",
  jpeg: "JPEG 图片",
  png: "PNG 图片",
  gif: "GIF 图片",
  bmp: "BMP 图片",
  tiff: "TIFF 图片",
  webp: "WebP 图片",
  zip: "ZIP 压缩包（含 Office 2007 及以后的文档）",
  ole2: "Office 97–2003 文档",
  rar: "RAR 压缩包",
  "7z": "7z 压缩包",
  text: "文本",
  unknown: "无法识别的内容",
};

/** The resolution of one workbook's references: findings at their cells, and the keys of the files it names. */
export interface Resolved {
  findings: Finding[];
  named: Set<string>;
}

/**
 * Resolves a workbook's file references against the submission: `workbook` is the workbook's own path from the
 * submission's root, so names are relative to its folder. A name not there is SS203; there but empty, SS204; there
 * but not what its extension says, SS205. Each finding names the file as written and the clause, at the line's cell.
 */
export function resolveReferences(workbook: string, references: readonly FileReference[], files: readonly SubmittedFile[]): Resolved {
  const byKey = new Map<string, SubmittedFile>();
  for (const f of files) {
    const key = pathKey(f.path);
    if (key !== null && !byKey.has(key)) byKey.set(key, f);
  }
  const base = folderOf(workbook);
  const findings: Finding[] = [];
  const named = new Set<string>();
  for (const ref of references) {
    const absolute = /^[a-z]:|^[\\/]/i.test(ref.name);
    const key = absolute ? null : pathKey(base === "" ? ref.name : `${base}/${ref.name}`);
    const file = key === null ? undefined : byKey.get(key);
    const location = { clause: ref.clause, field: "evidence", line: ref.line, ...(ref.cell !== undefined ? { cell: ref.cell } : {}) };
    if (key === null || file === undefined) {
      findings.push(finding("SS203", location, { file: ref.name, material: ref.material, outside: key === null }));
      continue;
    }
    named.add(key);
    if (file.size === 0) {
      findings.push(finding("SS204", location, { file: ref.name, material: ref.material }));
      continue;
    }
    const expected = EXPECTED[extensionOf(file.path)];
    const found = contentOf(file.head);
    if (expected !== undefined && !expected.includes(found)) {
      findings.push(finding("SS205", location, { file: ref.name, material: ref.material, extension: extensionOf(file.path), found: CONTENT_WORDS[found] }));
    }
  }
  return { findings, named };
}

/** One entry of a submission as the walk found it: the submission's root, its path from there, and its result. */
export interface HandedIn {
  /** The folder or .zip handed in (any text that tells submissions apart). */
  root: string;
  /** The entry's path from the root (`申请/证明材料/a.pdf`). */
  path: string;
  result: FileCheck;
}

/**
 * Every file handed in accounted for once (issues 19, 22). Each workbook's evidence is resolved against the files of
 * its root (`listings`; SS203–SS205 join its findings); a file the check did not read (未检查: a PDF, a picture) that
 * a workbook names is no line of its own but one of that workbook's `evidenceFiles` (the first workbook naming it,
 * in the walk's order); every other entry stays as it is — a workbook with its verdict, a spreadsheet of another
 * kind with its reason, a file no form names as 未检查. The results keep the walk's order.
 */
export function accountFor(entries: readonly HandedIn[], listings: ReadonlyMap<string, readonly SubmittedFile[]>, lang: Lang): FileCheck[] {
  const owner = new Map<string, number>(); // root + key → the index of the workbook that names it first
  const own = (root: string, key: string) => `${root}\u0000${key}`;
  const results = entries.map((e, i) => {
    const refs = e.result.references;
    if (refs === undefined) return e.result;
    const resolved = resolveReferences(e.path, refs, listings.get(e.root) ?? []);
    for (const key of resolved.named) if (!owner.has(own(e.root, key))) owner.set(own(e.root, key), i);
    return withEvidenceFiles(e.result, resolved.findings, lang);
  });
  const under = new Map<number, string[]>();
  const kept: number[] = [];
  entries.forEach((e, i) => {
    const key = e.result.verdict === "未检查" ? pathKey(e.path) : null;
    const by = key === null ? undefined : owner.get(own(e.root, key));
    if (by === undefined) kept.push(i);
    else under.set(by, [...(under.get(by) ?? []), e.result.file]);
  });
  return kept.map((i) => {
    const files = under.get(i);
    const r = results[i] as FileCheck;
    return files === undefined ? r : { ...r, evidenceFiles: files };
  });
}

/**
 * A file's check with its evidence files resolved: the findings added where they belong (errors first), the counts
 * and the verdict updated — a named file missing, empty or not what it says makes the file 需补正 at least.
 */
export function withEvidenceFiles(result: FileCheck, findings: readonly Finding[], lang: Lang): FileCheck {
  if (findings.length === 0 || result.verdict === "无法读取") return result;
  const added = findings.map((f) => checkedFinding(f, lang));
  const rank = (s: string) => (s === "error" ? 0 : 1);
  const all = [...result.findings, ...added].map((f, i) => ({ f, i })).sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i).map(({ f }) => f);
  const worse = [result.verdict, verdictOf(findings)].sort((a, b) => VERDICT_ORDER.indexOf(a) - VERDICT_ORDER.indexOf(b))[0] ?? result.verdict;
  return {
    ...result,
    verdict: worse,
    counts: {
      ...result.counts,
      evidence: result.counts.evidence + findings.filter((f) => f.kind === "evidence").length,
      errors: result.counts.errors + findings.filter((f) => f.severity === "error" && f.kind !== "tamper").length,
    },
    findings: all,
  };
}
