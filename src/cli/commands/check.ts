import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../../findings/language";
import { checkHtml } from "../../review/checkHtml";
import { checkCsv, checkJson } from "../../review/checkReport";
import { parseExpected, type Expected } from "../../review/expect";
import { parseLimit, withLeftOutLimit } from "../../review/leftOutCheck";
import { CAUSE_WORDS, causeOf, mainReason, summaryLine, worstFirst } from "../../review/mainReason";
import { noticeFileName, noticeHtml, noticeOf } from "../../review/notice";
import { notChecked, settled, unreadable, VERDICT_EN, VERDICT_ORDER, type FileCheck } from "../../review/verdict";
import { rolesOf } from "../../scheme/roles";
import { localMinute } from "../../scoring/dates";
import { checkFiles } from "../checkPool";
import { checkZip, isZipGiven, resolveEvidence } from "../evidence";
import { shownName, writeNew } from "../files";
import type { CHECK } from "../commandLine";
import { lang, timeoutMs, UsageError, type Io } from "../io";
import { loadScheme, loadSchemes, schemeIds } from "../schemeFiles";
import { submittedFiles } from "../submitted";
import { defaultJobs } from "../warmWorkers";
import type { Parsed } from "../options";

/** One file's line: what it is, its result, and why it got its verdict, in words. */
function line(r: FileCheck, l: Lang): string {
  const file = shownName(r.file);
  const reason = mainReason(r, l);
  if (r.verdict === "无法读取" || r.verdict === "未检查") return `  ${file}  ${l === "en" ? `${VERDICT_EN[r.verdict]}: ` : `${r.verdict}：`}${reason ?? ""}`;
  const level = r.claimedLevel !== null && r.claimedLevel !== r.level ? `${r.claimedLevel} → ${r.level ?? "-"}` : (r.level ?? "-");
  const label = CAUSE_WORDS[causeOf(r).cause];
  const lo = r.leftOut;
  const leftOut = lo === null || lo.count === 0 ? "" : l === "en" ? `  left out ${lo.count} (${lo.points} pts)` : `  删减 ${lo.count} 项 ${lo.points} 分`;
  const why = [label !== null ? `[${label[l]}]` : null, reason].filter((x) => x !== null).join(" ");
  return `  ${file}  ${r.scheme ?? "-"}/${r.role ?? "-"}  ${r.organisation ?? ""}  ${level}  ${r.total?.toFixed(2) ?? "-"}${leftOut}${why !== "" ? `  ${why}` : ""}`;
}

/** The files a workbook names as evidence, under its line: from its folder, the first ten, then how many more. */
function evidenceLine(r: FileCheck, l: Lang): string[] {
  const files = r.evidenceFiles;
  if (files === undefined) return [];
  const names = files.slice(0, 10).map((f) => shownName(path.relative(path.dirname(r.file), f)));
  const more = files.length - names.length;
  return l === "en"
    ? [`    evidence, ${files.length} file${files.length === 1 ? "" : "s"} (checked: there, not empty, what the extension says, unless SS204/SS205 says otherwise): ${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}`]
    : [`    证明材料 ${files.length} 个（已核对存在、非空、内容与扩展名相符，不符的见 SS204/SS205）：${names.join("、")}${more > 0 ? ` 等，另有 ${more} 个` : ""}`];
}

/** `--expect scheme[/role]`: a scheme that exists and, when given, one of its forms. */
function expectedOf(text: string | undefined): Expected | undefined {
  if (text === undefined) return undefined;
  const expected = parseExpected(text);
  if (expected === null) throw new UsageError(`--expect takes <scheme>[/<role>] such as gbt27922-2011-self/self, not "${text}"`);
  const scheme = loadScheme(expected.scheme);
  if (scheme === undefined) throw new UsageError(`--expect: unknown scheme "${expected.scheme}"; known: ${schemeIds().join(", ")}`);
  if (expected.role !== undefined && !rolesOf(scheme).includes(expected.role)) throw new UsageError(`--expect: scheme ${scheme.id} has the forms ${rolesOf(scheme).join(", ")}, not "${expected.role}"`);
  return expected;
}

/** One notice per file that does not pass, into `dir`; two files of the same name get (2), (3) … */
function writeNotices(dir: string, results: readonly FileCheck[], l: Lang, date: string, force: boolean): number {
  mkdirSync(dir, { recursive: true });
  const taken = new Set<string>();
  let written = 0;
  for (const r of results) {
    const scheme = r.scheme !== null ? loadScheme(r.scheme) : undefined;
    const notice = noticeOf(r, { lang: l, date, ...(scheme !== undefined ? { schemeTitle: l === "en" ? scheme.titleEn : scheme.title } : {}) });
    if (notice === null) continue;
    const name = noticeFileName(r.file, l);
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = name.replace(/\.html$/, ` (${n}).html`);
    taken.add(unique);
    writeNew(path.join(dir, unique), noticeHtml(notice), force);
    written++;
  }
  return written;
}

/** `starscore check`: reviewers check a folder of submitted workbooks. */
export async function checkCommand({ values, positionals }: Parsed<typeof CHECK.options>, io: Io): Promise<number> {
  const l = lang(values.lang);
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  const timeout = timeoutMs(values.timeout);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs takes a whole number of workers (1–256), not "${values.jobs}"`);
  const limit = values["max-left-out"] === undefined ? null : parseLimit(values["max-left-out"]);
  if (limit === null && values["max-left-out"] !== undefined) throw new UsageError(`--max-left-out takes a share of the full marks such as 10%, not "${values["max-left-out"]}"`);
  const expected = expectedOf(values.expect);
  // A .zip given is a submission of its own, checked as the folder it holds (issue 22); the rest are walked.
  const zips = positionals.filter(isZipGiven);
  const walkedPaths = positionals.filter((p) => !zips.includes(p));
  const submitted = walkedPaths.length > 0 ? submittedFiles(walkedPaths) : [];
  if (zips.length === 0 && submitted.every((s) => s.notChecked !== undefined)) {
    throw new UsageError(`no workbooks under ${positionals.join(", ")}${submitted.length > 0 ? ` (${submitted.length} other files)` : ""}`);
  }
  const files = submitted.filter((s) => s.refused === undefined && s.notChecked === undefined).map((s) => s.file);

  const tty = process.stderr.isTTY === true;
  const checked = await checkFiles(files, {
    jobs,
    timeoutMs: timeout,
    lang: l,
    ...(expected !== undefined ? { expected } : {}),
    onResult: (_r, done, total) => {
      if (!tty) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
    },
  });

  // Entries the walk could not read are results too, in the walk's order.
  const byFile = new Map(checked.map((r) => [r.file, r]));
  const walked = submitted.map((s) => (s.refused !== undefined ? unreadable(s.file, s.refused) : s.notChecked !== undefined ? notChecked(s.file, s.notChecked) : (byFile.get(s.file) as FileCheck)));
  // Every file accounted for once: the files each workbook's evidence names go under it (issues 19, 22).
  const all = [...resolveEvidence(walkedPaths, walked, l), ...zips.flatMap((z) => checkZip(z, loadSchemes(), l, expected))];
  // Paths as the reviewer typed them: relative to where they ran the command.
  const results = all.map((r) => {
    const here = (f: string) => path.relative(process.cwd(), f) || f;
    const shown = { ...r, file: here(r.file), ...(r.evidenceFiles !== undefined ? { evidenceFiles: r.evidenceFiles.map(here) } : {}) };
    return limit === null ? shown : withLeftOutLimit(shown, limit, l);
  });
  const out: string[] = [];
  const sorted = worstFirst(results);
  for (const verdict of VERDICT_ORDER) {
    const group = sorted.filter((r) => r.verdict === verdict);
    if (group.length === 0) continue;
    out.push(`${l === "en" ? VERDICT_EN[verdict] : verdict} (${group.length})`);
    for (const r of group) out.push(line(r, l), ...evidenceLine(r, l));
  }
  const force = values.force === true;
  const now = localMinute(new Date());
  if (values.notices !== undefined) {
    const n = writeNotices(values.notices, results, l, now.slice(0, 10), force);
    out.push(l === "en" ? `${n} notice${n === 1 ? "" : "s"} of corrections in ${values.notices}` : `补正通知 ${n} 份，在 ${values.notices}`);
  }
  out.push(summaryLine(results, l));
  io.out(out.join("\n"));
  if (values.json !== undefined) writeNew(values.json, checkJson(results), force);
  if (values.csv !== undefined) writeNew(values.csv, checkCsv(results, l), force);
  if (values.html !== undefined) writeNew(values.html, checkHtml(results, { generated: now, lang: l, ...(expected !== undefined ? { expected } : {}) }), force);
  return results.every((r) => settled(r.verdict)) ? 0 : 1;
}
