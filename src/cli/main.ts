import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { describe, sortFindings, type Lang } from "../checks/finding";
import { SchemeError, type Scheme } from "../scheme/load";
import { AssessmentError, parseAssessment, type Assessment } from "../scoring/assessment";
import { RoleMismatchError, scoreAssessment, type ScoreCard } from "../scoring/score";
import { scoreCardJson } from "../scoring/summary";
import { loadSchemes } from "./schemeFiles";
import { renderTable } from "./table";

/** Input that cannot be used at all: exit code 2 with a one-line message. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const nodeIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

const HELP = `starscore — 星级评分 StarScore

用法 Usage:
  starscore schemes [--json]                         列出方案 / list the schemes
  starscore score <assessment.json> [--json] [--lang en]
                                                     计算总分、级别与问题 / score an assessment

退出码 Exit codes: 0 无错误 no errors · 1 有错误 error findings · 2 输入无法使用 unusable input`;

function lang(value: unknown): Lang {
  if (value === undefined || value === "zh") return "zh";
  if (value === "en") return "en";
  throw new UsageError(`--lang takes zh or en, not "${String(value)}"`);
}

function schemeById(id: string): Scheme {
  const scheme = loadSchemes().get(id);
  if (scheme === undefined) {
    throw new UsageError(`unknown scheme "${id}"; known: ${[...loadSchemes().keys()].join(", ")}`);
  }
  return scheme;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? String(e)})`);
  }
}

function stars(n: number): string {
  return n > 0 ? "★".repeat(n) : "";
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, "");
}

/** The readable table `starscore score` prints. */
export function renderScoreCard(scheme: Scheme, card: ScoreCard, assessment: Assessment, l: Lang): string {
  const zh = l === "zh";
  const header = assessment.header ?? {};
  const lines: string[] = [];
  const roleName = { self: zh ? "自评估" : "self-assessment", audit: zh ? "审查评分" : "audit", checklist: zh ? "检查表" : "checklist" }[card.role];
  lines.push(`${zh ? scheme.title : scheme.titleEn} · ${roleName}`);
  const org = header["组织名称"];
  if (org !== undefined && org !== null && String(org).trim() !== "") lines.push(`${zh ? "组织名称" : "Organisation"}: ${String(org)}`);
  lines.push("");

  if (card.checklist !== null) {
    const c = card.checklist;
    lines.push(
      renderTable(
        [
          [zh ? "符合" : "Conform", String(c.conform)],
          [zh ? "不符合" : "Not conform", String(c.nonconform)],
          [zh ? "不适用" : "Not applicable", String(c.notApplicable)],
          [zh ? "未填写" : "Missing", String(c.missing)],
        ],
        ["l", "r"],
      ),
    );
    lines.push("", `${zh ? "结果" : "Result"}: ${card.passed ? (zh ? "全部符合" : "all conform") : zh ? "未全部符合" : "not all conform"}`);
  } else {
    const rows: string[][] = [[zh ? "部分" : "Section", zh ? "得分" : "Earned", zh ? "满分" : "Max", zh ? "适用满分" : "Applicable"]];
    scheme.sections.forEach((s, i) => {
      const g = card.sections[i];
      if (g === undefined) return;
      rows.push([`${s.id} ${zh ? s.title : (s.titleEn ?? s.title)}`, g.earned.toFixed(2), formatNumber(g.max), formatNumber(g.applicableMax)]);
    });
    rows.push([zh ? "合计（原始）" : "Sum (raw)", card.raw.toFixed(2), formatNumber(card.fullMarks ?? 0), formatNumber(card.applicableMax)]);
    lines.push(renderTable(rows, ["l", "r", "r", "r"]));
    lines.push("");
    if (card.notApplicableCount > 0) {
      lines.push(
        zh
          ? `不适用 ${card.notApplicableCount} 项：折算 ${card.raw.toFixed(2)} ÷ ${formatNumber(card.applicableMax)} × ${formatNumber(card.fullMarks ?? 0)} = ${card.rescaled.toFixed(2)}`
          : `${card.notApplicableCount} not applicable: rescaled ${card.raw.toFixed(2)} ÷ ${formatNumber(card.applicableMax)} × ${formatNumber(card.fullMarks ?? 0)} = ${card.rescaled.toFixed(2)}`,
      );
    }
    if (scheme.special !== undefined) {
      lines.push(
        zh
          ? `特别扣分项 ${card.deductionCount} 项（−${formatNumber(card.deductionPoints)}），特别加分 +${formatNumber(card.bonus)}`
          : `Special deductions ${card.deductionCount} (−${formatNumber(card.deductionPoints)}), bonus +${formatNumber(card.bonus)}`,
      );
    }
    const levelName = card.level === null ? (card.graded ? (scheme.failName ?? (zh ? "未达级别" : "no level")) : zh ? "不予评级" : "not graded") : zh ? card.level.name : card.level.nameEn;
    lines.push(
      `${zh ? "总分" : "Total"}: ${card.total?.toFixed(2) ?? "-"} / ${formatNumber(card.fullMarks ?? 0)}   ${zh ? "级别" : "Level"}: ${levelName} ${stars(card.level?.stars ?? 0)}   ${card.passed ? (zh ? "通过" : "PASS") : zh ? "不通过" : "FAIL"}`,
    );
    if (card.claimedLevel !== null) lines.push(`${zh ? "申报级别" : "Claimed"}: ${zh ? card.claimedLevel.name : card.claimedLevel.nameEn}`);
  }

  const findings = sortFindings(card.findings);
  lines.push("");
  if (findings.length === 0) {
    lines.push(zh ? "未发现问题。" : "No findings.");
  } else {
    const errors = findings.filter((f) => f.severity === "error").length;
    lines.push(zh ? `发现 ${findings.length} 项（错误 ${errors}，警告 ${findings.length - errors}）：` : `${findings.length} findings (${errors} errors, ${findings.length - errors} warnings):`);
    const sev = { error: zh ? "错误" : "error", warning: zh ? "警告" : "warning", info: zh ? "提示" : "info" };
    for (const f of findings) lines.push(`  ${sev[f.severity]} ${f.code} ${describe(f, l)}`);
  }
  return lines.join("\n");
}

function commandSchemes(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" }, lang: { type: "string" } }, allowPositionals: false });
  const l = lang(values.lang);
  const schemes = [...loadSchemes().values()];
  if (values.json === true) {
    io.out(
      JSON.stringify(
        schemes.map((s) => ({
          id: s.id,
          version: s.version,
          kind: s.kind,
          title: s.title,
          titleEn: s.titleEn,
          fullMarks: s.fullMarks ?? null,
          items: s.items.length,
          levels: (s.levels ?? []).map((lv) => ({ name: lv.name, nameEn: lv.nameEn, min: lv.min, stars: lv.stars })),
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  const rows = [[l === "zh" ? "方案" : "Scheme", l === "zh" ? "名称" : "Title", l === "zh" ? "满分" : "Marks", l === "zh" ? "条目" : "Items", l === "zh" ? "级别" : "Levels"]];
  for (const s of schemes) {
    rows.push([
      s.id,
      l === "zh" ? s.title : s.titleEn,
      s.fullMarks === undefined ? "-" : String(s.fullMarks),
      String(s.items.length),
      (s.levels ?? []).map((lv) => `${lv.min} ${l === "zh" ? lv.name : lv.nameEn}`).join(" · ") || (l === "zh" ? "符合/不符合" : "conform / not conform"),
    ]);
  }
  io.out(renderTable(rows, ["l", "l", "r", "r", "l"]));
  return 0;
}

function commandScore(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, options: { json: { type: "boolean" }, lang: { type: "string" } }, allowPositionals: true });
  const l = lang(values.lang);
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError("usage: starscore score <assessment.json> [--json] [--lang en]");
  const assessment = parseAssessment(readText(file), file);
  const scheme = schemeById(assessment.scheme);
  const card = scoreAssessment(scheme, assessment);
  if (values.json === true) {
    io.out(JSON.stringify(scoreCardJson(card, assessment.header ?? {}, l), null, 2));
  } else {
    io.out(renderScoreCard(scheme, card, assessment, l));
  }
  return card.findings.some((f) => f.severity === "error") ? 1 : 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  schemes: commandSchemes,
  score: commandScore,
};

/** Runs the CLI; returns the exit code. Every failure becomes a one-line message, never a stack trace. */
export async function main(argv: string[], io: Io = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    io.err(`starscore: unknown command "${command}" (try starscore --help)`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof AssessmentError || e instanceof SchemeError || e instanceof RoleMismatchError) {
      // One line, however many problems: the first ones are enough to act on.
      io.err(`starscore: ${e.message.split("\n").join("; ")}`);
      return 2;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") === true) {
      io.err(`starscore: ${e.message}`);
      return 2;
    }
    io.err(`starscore: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
