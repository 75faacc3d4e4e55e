import { lstatSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { checkCsv, checkHtml } from "../../review/checkReport";
import { VERDICT_EN, VERDICT_ORDER, type FileCheck } from "../../review/verdict";
import { checkFiles } from "../checkPool";
import { writeNew } from "../files";
import type { CHECK } from "../commandLine";
import { lang, UsageError, type Io } from "../io";
import type { Parsed } from "../options";

/** Every .xlsx below the given folders (and the files given by name), sorted; broken links included, Excel's lock files not. */
export function submittedFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    let stat;
    try {
      stat = lstatSync(p);
    } catch {
      throw new UsageError(`${p}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        const child = path.join(p, name);
        const s = lstatSync(child);
        if (s.isDirectory() && !/\.xls[xm]$/i.test(name)) walk(child);
        // "~$name.xlsx" is the owner file Excel keeps beside a workbook that is open, not a submission.
        else if (/\.xls[xm]$/i.test(name) && !name.startsWith("~$")) found.push(child);
      }
    } else {
      found.push(p);
    }
  };
  for (const p of paths) walk(p);
  return found;
}

function line(r: FileCheck, en: boolean): string {
  if (r.verdict === "无法读取") return `  ${r.file}  ${en ? "unreadable: " : "无法读取："}${r.reason ?? ""}`;
  const first = r.findings.find((f) => f.severity === "error") ?? r.findings[0];
  const level = r.claimedLevel !== null && r.claimedLevel !== r.level ? `${r.claimedLevel} → ${r.level ?? "-"}` : (r.level ?? "-");
  const counts = en
    ? `missing ${r.counts.missing}, evidence ${r.counts.evidence}, errors ${r.counts.errors}, altered ${r.counts.tamper}`
    : `未填写 ${r.counts.missing}，缺材料 ${r.counts.evidence}，错误 ${r.counts.errors}，改动 ${r.counts.tamper}`;
  return `  ${r.file}  ${r.scheme ?? "-"}/${r.role ?? "-"}  ${r.organisation ?? ""}  ${level}  ${r.total?.toFixed(2) ?? "-"}  ${counts}${first !== undefined ? `  ${first.code} ${first.cell ?? ""}` : ""}`;
}

/** `starscore check`: reviewers check a folder of submitted workbooks. */
export async function checkCommand({ values, positionals }: Parsed<typeof CHECK.options>, io: Io): Promise<number> {
  const l = lang(values.lang);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  const timeout = values.timeout === undefined ? 20 : Number(values.timeout);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of workers, not "${values.jobs}"`);
  if (!(timeout > 0)) throw new UsageError(`--timeout takes seconds, not "${values.timeout}"`);
  const files = submittedFiles(positionals);
  if (files.length === 0) throw new UsageError(`no .xlsx files under ${positionals.join(", ")}`);

  const tty = process.stderr.isTTY === true;
  const checked = await checkFiles(files, {
    jobs,
    timeoutMs: timeout * 1000,
    lang: l,
    onResult: (_r, done, total) => {
      if (!tty) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
    },
  });

  // Paths as the reviewer typed them: relative to where they ran the command.
  const results = checked.map((r) => ({ ...r, file: path.relative(process.cwd(), r.file) || r.file }));
  const en = l === "en";
  const out: string[] = [];
  for (const verdict of VERDICT_ORDER) {
    const group = results.filter((r) => r.verdict === verdict);
    if (group.length === 0) continue;
    out.push(`${en ? VERDICT_EN[verdict] : verdict} (${group.length})`);
    for (const r of group) out.push(line(r, en));
  }
  const count = (v: (typeof VERDICT_ORDER)[number]) => results.filter((r) => r.verdict === v).length;
  out.push(
    en
      ? `${results.length} files: ${VERDICT_ORDER.map((v) => `${VERDICT_EN[v]} ${count(v)}`).join(", ")}`
      : `共 ${results.length} 个文件：${VERDICT_ORDER.map((v) => `${v} ${count(v)}`).join("，")}`,
  );
  io.out(out.join("\n"));
  const force = values.force === true;
  if (values.json !== undefined) writeNew(values.json, `${JSON.stringify(results, null, 2)}\n`, force);
  if (values.csv !== undefined) writeNew(values.csv, checkCsv(results), force);
  if (values.html !== undefined) writeNew(values.html, checkHtml(results, new Date().toISOString().slice(0, 16).replace("T", " ")), force);
  return results.every((r) => r.verdict === "通过") ? 0 : 1;
}
