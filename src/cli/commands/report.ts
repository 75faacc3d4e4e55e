import { existsSync } from "node:fs";
import path from "node:path";
import { renderReportHtml } from "../../report/html";
import type { Lang } from "../../findings/language";
import { stateWord, type MaterialState, type ReportMaterials } from "../../report/materials";
import { buildReport } from "../../report/model";
import { writeNew } from "../files";
import type { REPORT } from "../commandLine";
import { lang, UsageError, type Io } from "../io";
import type { Parsed } from "../options";
import { checkChromium, htmlToPdf } from "../pdf";
import { loadSchemes } from "../schemeFiles";
import { readScored } from "../scoredFile";
import { selfSource } from "../selfSource";

/** What the appendix holds, in one line: how many materials in each state, or why it lists none. */
function materialsLine(m: ReportMaterials, l: Lang): string {
  const zh = l === "zh";
  if (m.kind === "not-supplied") return zh ? "证明材料清单：未提供自评估表（--self）" : "evidence list: no self-assessment given (--self)";
  if (m.kind === "none-required") return zh ? `证明材料清单：方案 ${m.scheme.id} 未列出证明材料` : `evidence list: scheme ${m.scheme.id} lists no evidence`;
  const counts = (Object.entries(m.counts) as [MaterialState, number][])
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${stateWord(s, l)} ${n}`)
    .join(zh ? "，" : ", ");
  const files = m.filesFrom !== null ? (zh ? `（文件核对于 ${m.filesFrom}）` : ` (files checked in ${m.filesFrom})`) : zh ? "（文件未核对）" : " (files not checked)";
  return `${zh ? "证明材料清单：" : "evidence list: "}${counts}${files}`;
}

/**
 * `starscore report`: the audit report (服务认证审查报告) as one self-contained HTML file, and with --pdf as
 * A4 PDF printed by headless Chromium. Without -o and --pdf the HTML goes to `<input name>-report.html`;
 * with only --pdf, only the PDF is written. Nothing is overwritten without --force.
 */
export async function reportCommand({ values, positionals: [file] }: Parsed<typeof REPORT.options>, io: Io): Promise<number> {
  const l = lang(values.lang);
  if (file === undefined) throw new Error("the declaration asks for one file");
  const force = values.force === true;
  const htmlOut = values.output ?? (values.pdf === undefined ? `${path.basename(file).replace(/\.[^.]+$/, "")}-report.html` : null);
  const pdfOut = values.pdf ?? null;
  if (htmlOut !== null && pdfOut !== null && path.resolve(htmlOut) === path.resolve(pdfOut)) throw new UsageError("-o and --pdf name the same file");
  // Refuse before any work: no half-written pair of files.
  for (const out of [htmlOut, pdfOut]) if (out !== null && !force && existsSync(out)) throw new UsageError(`${out} already exists; use --force to replace it`);
  if (pdfOut !== null) checkChromium();

  const { scheme, assessment, card, workbook } = await readScored(file);
  if (scheme.kind !== "points") throw new UsageError(`${file}: scheme ${scheme.id} is a checklist; a report needs a points scheme`);
  // The appendix's 证明材料清单: the self-assessment named by --self; a self-assessment workbook's own, its files
  // resolved in its folder as `check` resolves a workbook given by name; else none (the part says so).
  const selfGiven = values.self ?? (assessment.role === "self" && workbook !== null ? file : undefined);
  const materials = selfGiven !== undefined ? selfSource(selfGiven, loadSchemes()) : undefined;
  const model = buildReport(scheme, assessment, card, l, materials);
  const html = renderReportHtml(model, l);
  const pdf = pdfOut !== null ? await htmlToPdf(html) : null;
  if (htmlOut !== null) writeNew(htmlOut, html, force);
  if (pdfOut !== null && pdf !== null) writeNew(pdfOut, pdf, force);

  const zh = l === "zh";
  const level = model.result;
  const what = [
    zh ? (model.role === "self" ? "服务认证自评估报告" : "服务认证审查报告") : model.role === "self" ? "self-assessment report" : "audit report",
    model.organisation,
    `${zh ? "总分" : "total"} ${model.total.toFixed(2)}`,
    level,
    // While entries are missing the result (未填完（n 项未填）) is all there is to say.
    card.unfilled > 0 ? null : model.passed ? (zh ? "通过" : "passed") : zh ? "不通过" : "not passed",
  ].filter((x): x is string => x !== null);
  io.out(`${[htmlOut, pdfOut].filter((x) => x !== null).join(", ")}: ${what.join(" · ")}`);
  io.out(materialsLine(model.materials, l));
  const errors = card.findings.filter((f) => f.severity === "error").length;
  if (errors > 0) {
    io.err(zh ? `starscore: 评分有 ${errors} 项错误，已列入报告；用 starscore score ${file} 查看` : `starscore: the scoring has ${errors} error${errors === 1 ? "" : "s"}, listed in the report; see starscore score ${file}`);
    return 1;
  }
  return 0;
}
