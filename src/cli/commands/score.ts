import { describe, sortFindings } from "../../findings/finding";
import type { Lang } from "../../findings/language";
import type { Scheme } from "../../scheme/load";
import type { Assessment } from "../../scoring/assessment";
import type { ScoreCard } from "../../scoring/card";
import { resultName } from "../../scoring/levels";
import { scoreCardJson } from "../../scoring/cardJson";
import type { SCORE } from "../commandLine";
import { lang, timeoutMs, type Io } from "../io";
import type { Parsed } from "../options";
import { readScored } from "../scoredFile";
import { certificationDecision } from "../surveillance";
import { renderTable } from "../table";

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
  const project = header["项目编号"];
  if (project !== undefined && project !== null && String(project).trim() !== "") lines.push(`${zh ? "项目编号" : "Project no."}: ${String(project)}`);
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
    lines.push("", `${zh ? "结果" : "Result"}: ${resultName(card, scheme, l)}`);
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
    // While entries are missing the level says 未填完（n 项未填） and there is no pass or fail yet.
    const levelName = resultName(card, scheme, l);
    const verdict = card.unfilled > 0 ? "" : `   ${card.passed ? (zh ? "通过" : "PASS") : zh ? "不通过" : "FAIL"}`;
    lines.push(`${zh ? "总分" : "Total"}: ${card.total?.toFixed(2) ?? "-"} / ${formatNumber(card.fullMarks ?? 0)}   ${zh ? "级别" : "Level"}: ${levelName} ${stars(card.level?.stars ?? 0)}${verdict}`);
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

/** `starscore score <assessment.json|file.xlsx> [--json] [--lang en] [--certified <level> [--audit surveillance|recertification]]`. */
export async function scoreCommand({ values, positionals: [file] }: Parsed<typeof SCORE.options>, io: Io): Promise<number> {
  const l = lang(values.lang);
  if (file === undefined) throw new Error("the declaration asks for one file");
  const { scheme, assessment, card, workbook } = await readScored(file, timeoutMs(values.timeout));
  const decision = certificationDecision(scheme, card, values.certified, values.audit, l);
  if (values.json === true) {
    // The header and the audit team as the file gives them, so what a report prints can be checked from the JSON too.
    const given = { header: assessment.header ?? {}, team: assessment.team ?? [] };
    io.out(JSON.stringify({ ...scoreCardJson(card, assessment.header ?? {}, l), ...given, ...(workbook ?? {}), ...decision?.json }, null, 2));
  } else {
    io.out(renderScoreCard(scheme, card, assessment, l) + (decision?.text ?? ""));
    if (workbook !== null) {
      const saved = workbook.sheetTotal === null ? (l === "zh" ? "未计算" : "never computed") : workbook.sheetTotal.toFixed(2);
      io.out(l === "zh" ? `工作表 ${workbook.sheet}：工作簿保存的总分 ${saved}` : `Sheet ${workbook.sheet}: total saved in the workbook ${saved}`);
    }
  }
  return card.findings.some((f) => f.severity === "error") ? 1 : 0;
}
