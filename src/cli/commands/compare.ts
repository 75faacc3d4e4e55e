import type { Lang } from "../../findings/language";
import { compareCards, type CardSummary, type Comparison, type Side } from "../../report/compare";
import { CONCLUSION_WORDS } from "../../scheme/words";
import { resultName } from "../../scoring/levels";
import { excelRound } from "../../scoring/round";
import type { COMPARE } from "../commandLine";
import { lang, UsageError, type Io } from "../io";
import type { Parsed } from "../options";
import { readScored, type ScoredFile } from "../scoredFile";
import { renderTable } from "../table";

const pts = (n: number): string => String(excelRound(n, 2));
const two = (n: number): string => excelRound(n, 2).toFixed(2);
const signed = (n: number): string => {
  const v = excelRound(n, 2);
  return `${v > 0 ? "+" : v < 0 ? "-" : "±"}${Math.abs(v).toFixed(2)}`;
};
const pct = (share: number): string => `${excelRound(share * 100, 1)}%`;
const signedPct = (share: number): string => {
  const v = excelRound(share * 100, 1);
  return `${v > 0 ? "+" : v < 0 ? "-" : "±"}${Math.abs(v)}%`;
};

function side(s: Side, byShare: boolean, l: Lang): string {
  if (s.status === "na") return CONCLUSION_WORDS.na[l];
  const mark = s.status === "missing" ? (l === "zh" ? " 未填" : " missing") : s.status === "invalid" ? (l === "zh" ? " 有误" : " invalid") : "";
  const base = `${two(s.earned)}/${pts(s.applicableMax)}`;
  return `${base}${byShare && s.share !== null ? ` ${pct(s.share)}` : ""}${mark}`;
}


function organisation(s: ScoredFile): string | null {
  const o = s.assessment.header?.["组织名称"];
  return o === undefined || o === null || String(o).trim() === "" ? null : String(o).trim();
}

/** The table `starscore compare` prints. */
export function renderComparison(c: Comparison, selfInput: ScoredFile, auditInput: ScoredFile, l: Lang): string {
  const zh = l === "zh";
  const lines: string[] = [];
  const name = (s: ScoredFile, card: CardSummary): string =>
    `${zh ? `${s.scheme.title}（${card.schemeId}）` : `${s.scheme.titleEn} (${card.schemeId})`}${organisation(s) !== null ? ` · ${organisation(s)}` : ""}`;
  lines.push(zh ? "自评与审查对比" : "Self-assessment against audit");
  lines.push(`${zh ? "自评" : "Self"}: ${name(selfInput, c.self)}`);
  lines.push(`${zh ? "审查" : "Audit"}: ${name(auditInput, c.audit)}`);
  const o1 = organisation(selfInput);
  const o2 = organisation(auditInput);
  if (o1 !== null && o2 !== null && o1 !== o2) lines.push(zh ? "注意：两份文件的组织名称不同。" : "Note: the two files name different organisations.");
  lines.push("");

  const totalGap =
    c.totals.byShare && c.totals.shareGap !== null
      ? `${signedPct(c.totals.shareGap)}${zh ? "（满分不同，按得分率）" : " (different full marks: as shares)"}`
      : c.totals.gap !== null
        ? signed(c.totals.gap)
        : "-";
  lines.push(
    zh
      ? `总分：自评 ${two(c.self.total)} / ${pts(c.self.fullMarks)}（${resultName(selfInput.card, selfInput.scheme, l)}） · 审查 ${two(c.audit.total)} / ${pts(c.audit.fullMarks)}（${resultName(auditInput.card, auditInput.scheme, l)}） · 差 ${totalGap}`
      : `Total: self ${two(c.self.total)} / ${pts(c.self.fullMarks)} (${resultName(selfInput.card, selfInput.scheme, l)}) · audit ${two(c.audit.total)} / ${pts(c.audit.fullMarks)} (${resultName(auditInput.card, auditInput.scheme, l)}) · gap ${totalGap}`,
  );
  lines.push("");
  const sectionRows = [[zh ? "部分" : "Part", zh ? "自评" : "Self", zh ? "审查" : "Audit", zh ? "差值" : "Gap"]];
  for (const s of c.sections) {
    const gap = s.gap === null ? "-" : s.byShare && s.shareGap !== null ? `${signedPct(s.shareGap)} *` : signed(s.gap);
    sectionRows.push([`${s.id} ${zh ? s.title : (s.titleEn ?? s.title)}`, s.self === null ? "-" : side(s.self, s.byShare, l), s.audit === null ? "-" : side(s.audit, s.byShare, l), gap]);
  }
  lines.push(renderTable(sectionRows, ["l", "r", "r", "r"]));
  if (c.sections.some((s) => s.byShare && s.gap !== null)) {
    lines.push(zh ? "* 适用满分不同（分值不同或不适用的条款不同），按得分率比较。" : "* Different applicable maxima (other points or other clauses not applicable): compared as shares.");
  }
  lines.push("");

  const both = c.rows.filter((r) => r.kind === "both");
  const table = [[zh ? "条款" : "Clause", zh ? "代码" : "Code", zh ? "自评" : "Self", zh ? "审查" : "Audit", zh ? "差值（自评−审查）" : "Gap (self − audit)"]];
  for (const r of both) {
    const gap = r.byShare && r.shareGap !== null && r.gap !== null ? `${signedPct(r.shareGap)} (${signed(r.gap)}) *` : signed(r.gap ?? 0);
    table.push([r.clauses.join("+"), r.codes.join("+"), side(r.self, r.byShare, l), side(r.audit, r.byShare, l), gap]);
  }
  lines.push(zh ? `共同条款 ${both.length} 项，按差值绝对值从大到小：` : `${both.length} clauses in both, largest gap first:`);
  lines.push(renderTable(table, ["l", "l", "r", "r", "r"]));

  const shareRows = c.rows.filter((r) => r.byShare && r.kind === "both");
  if (shareRows.length > 0) {
    lines.push("");
    lines.push(zh ? "* 两个方案分值不同，按得分率（得分 ÷ 适用满分）比较，括号内为按审查方案分值折合的分数：" : "* The schemes give different points: compared as shares (earned ÷ applicable maximum); in brackets, in the audit scheme's points:");
    for (const r of shareRows) {
      lines.push(
        zh
          ? `  ${r.clauses.join("+")}：自评方案 ${pts(r.self.applicableMax)} 分、审查方案 ${pts(r.audit.applicableMax)} 分；自评 ${pct(r.self.share ?? 0)}，审查 ${pct(r.audit.share ?? 0)}，差 ${signedPct(r.shareGap ?? 0).replace("%", "")} 个百分点（折合 ${signed(r.gap ?? 0)} 分）`
          : `  ${r.clauses.join("+")}: ${pts(r.self.applicableMax)} points in the self scheme, ${pts(r.audit.applicableMax)} in the audit scheme; self ${pct(r.self.share ?? 0)}, audit ${pct(r.audit.share ?? 0)}, gap ${signedPct(r.shareGap ?? 0)} (${signed(r.gap ?? 0)} points)`,
      );
    }
  }
  const oneSide = c.rows.filter((r) => r.kind === "na-self" || r.kind === "na-audit");
  if (oneSide.length > 0) {
    lines.push("");
    lines.push(zh ? "一方不适用：" : "Not applicable on one side:");
    for (const r of oneSide) lines.push(`  ${r.clauses.join("+")}  ${zh ? "自评" : "self"} ${side(r.self, false, l)}；${zh ? "审查" : "audit"} ${side(r.audit, false, l)}`);
  }
  const naBoth = c.rows.filter((r) => r.kind === "na-both");
  if (naBoth.length > 0) lines.push("", `${zh ? "双方均不适用" : "Not applicable on both sides"}: ${naBoth.map((r) => r.clauses.join("+")).join(zh ? "、" : ", ")}`);
  if (c.onlySelf.length > 0) lines.push("", `${zh ? "仅在自评方案中" : "Only in the self scheme"}: ${c.onlySelf.map((r) => `${r.clauses.join("+")} ${side(r.side, false, l)}`).join(zh ? "；" : "; ")}`);
  if (c.onlyAudit.length > 0) lines.push("", `${zh ? "仅在审查方案中" : "Only in the audit scheme"}: ${c.onlyAudit.map((r) => `${r.clauses.join("+")} ${side(r.side, false, l)}`).join(zh ? "；" : "; ")}`);
  if (c.zeroPoint.length > 0) lines.push("", `${zh ? "0 分条款，未比较" : "0-point clauses, not compared"}: ${c.zeroPoint.join(zh ? "、" : ", ")}`);
  return lines.join("\n");
}

/** The comparison as `--json` prints it: levels by name. */
export function comparisonJson(c: Comparison) {
  const card = (s: CardSummary) => ({ ...s, level: s.level?.name ?? null, levelEn: s.level?.nameEn ?? null });
  return { ...c, self: card(c.self), audit: card(c.audit) };
}

/** `starscore compare <self> <audit> [--json] [--lang en]`. */
export async function compareCommand({ values, positionals: [selfFile, auditFile] }: Parsed<typeof COMPARE.options>, io: Io): Promise<number> {
  const l = lang(values.lang);
  if (selfFile === undefined || auditFile === undefined) throw new Error("the declaration asks for two files");
  const self = await readScored(selfFile);
  const audit = await readScored(auditFile);
  for (const [f, s] of [[selfFile, self], [auditFile, audit]] as const) {
    if (s.scheme.kind !== "points") throw new UsageError(`${f}: scheme ${s.scheme.id} is a checklist; compare needs points schemes`);
  }
  const c = compareCards(self.scheme, self.card, audit.scheme, audit.card);
  if (values.json === true) io.out(JSON.stringify(comparisonJson(c), null, 2));
  else io.out(renderComparison(c, self, audit, l));
  const errors = [self, audit].map((s) => s.card.findings.filter((f) => f.severity === "error").length);
  if ((errors[0] ?? 0) + (errors[1] ?? 0) > 0) {
    io.err(
      l === "zh"
        ? `starscore: 自评有 ${errors[0]} 项错误，审查有 ${errors[1]} 项错误（用 starscore score 查看）`
        : `starscore: errors in the self-assessment ${errors[0]}, in the audit ${errors[1]} (see starscore score)`,
    );
    return 1;
  }
  return 0;
}
