import { availableParallelism } from "node:os";
import path from "node:path";
import { checkCsv, checkHtml } from "../../review/checkReport";
import { parseLimit, withLeftOutLimit } from "../../review/leftOutCheck";
import { notChecked, settled, unreadable, VERDICT_EN, VERDICT_ORDER, type FileCheck } from "../../review/verdict";
import { checkFiles } from "../checkPool";
import { shownName, writeNew } from "../files";
import type { CHECK } from "../commandLine";
import { lang, timeoutMs, UsageError, type Io } from "../io";
import { submittedFiles } from "../submitted";
import type { Parsed } from "../options";

function line(r: FileCheck, en: boolean): string {
  const file = shownName(r.file);
  if (r.verdict === "无法读取" || r.verdict === "未检查") return `  ${file}  ${en ? `${VERDICT_EN[r.verdict]}: ` : `${r.verdict}：`}${r.reason ?? ""}`;
  const first = r.findings.find((f) => f.severity === "error") ?? r.findings[0];
  const level = r.claimedLevel !== null && r.claimedLevel !== r.level ? `${r.claimedLevel} → ${r.level ?? "-"}` : (r.level ?? "-");
  const counts = en
    ? `missing ${r.counts.missing}, evidence ${r.counts.evidence}, errors ${r.counts.errors}, altered ${r.counts.tamper}`
    : `未填写 ${r.counts.missing}，缺材料 ${r.counts.evidence}，错误 ${r.counts.errors}，改动 ${r.counts.tamper}`;
  const lo = r.leftOut;
  const leftOut = lo === null || lo.count === 0 ? "" : en ? `, left out ${lo.count} (${lo.points} pts)` : `，删减 ${lo.count} 项 ${lo.points} 分`;
  return `  ${file}  ${r.scheme ?? "-"}/${r.role ?? "-"}  ${r.organisation ?? ""}  ${level}  ${r.total?.toFixed(2) ?? "-"}  ${counts}${leftOut}${first !== undefined ? `  ${first.code} ${first.cell ?? ""}` : ""}`;
}

/** `starscore check`: reviewers check a folder of submitted workbooks. */
export async function checkCommand({ values, positionals }: Parsed<typeof CHECK.options>, io: Io): Promise<number> {
  const l = lang(values.lang);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  const timeout = timeoutMs(values.timeout);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs takes a whole number of workers (1–256), not "${values.jobs}"`);
  const limit = values["max-left-out"] === undefined ? null : parseLimit(values["max-left-out"]);
  if (limit === null && values["max-left-out"] !== undefined) throw new UsageError(`--max-left-out takes a share of the full marks such as 10%, not "${values["max-left-out"]}"`);
  const submitted = submittedFiles(positionals);
  if (submitted.every((s) => s.notChecked !== undefined)) {
    throw new UsageError(`no workbooks under ${positionals.join(", ")}${submitted.length > 0 ? ` (${submitted.length} other files)` : ""}`);
  }
  const files = submitted.filter((s) => s.refused === undefined && s.notChecked === undefined).map((s) => s.file);

  const tty = process.stderr.isTTY === true;
  const checked = await checkFiles(files, {
    jobs,
    timeoutMs: timeout,
    lang: l,
    onResult: (_r, done, total) => {
      if (!tty) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`);
    },
  });

  // Entries the walk could not read are results too, in the walk's order.
  const byFile = new Map(checked.map((r) => [r.file, r]));
  const all = submitted.map((s) => (s.refused !== undefined ? unreadable(s.file, s.refused) : s.notChecked !== undefined ? notChecked(s.file, s.notChecked) : (byFile.get(s.file) as FileCheck)));
  // Paths as the reviewer typed them: relative to where they ran the command.
  const results = all.map((r) => {
    const shown = { ...r, file: path.relative(process.cwd(), r.file) || r.file };
    return limit === null ? shown : withLeftOutLimit(shown, limit, l);
  });
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
  return results.every((r) => settled(r.verdict)) ? 0 : 1;
}
