import type { Lang } from "../findings/language";
import type { Unplaced } from "./fill";

/**
 * What an assessment gave that a laid-out sheet (`sheet`, its name) does not hold as given, in words: what it is,
 * and what became of it. The CLI's `new --from` prints it in both languages, the pane's re-layout in its own.
 */
export function unplacedText(u: Unplaced, sheet: string, lang: Lang): string {
  const zh = lang === "zh";
  switch (u.kind) {
    case "header":
      return zh ? `表头字段“${u.field}”在${sheet}上没有单元格，未写入` : `header field "${u.field}": the form has no cell for it, not written`;
    case "team":
      return zh ? `审查组成员：表中行数不够，其余 ${u.count} 人未写入` : `audit team: ${u.count} member(s) beyond the table's rows, not written`;
    case "entry":
      return zh ? `条款 ${u.clause}：方案中没有此条款，未写入` : `clause ${u.clause}: not in the scheme, not written`;
    case "deductions":
      return zh ? `特别扣分项：表中行数不够，其余 ${u.count} 项未写入` : `special deductions: ${u.count} beyond the block's rows, not written`;
    case "bonus":
      return zh ? `特别加分项：${sheet}没有此栏，未写入` : "bonus: the form has no cell for it, not written";
    case "remarks":
      return zh ? `优势/改进方向：${sheet}没有此栏，未写入` : "strengths and improvements: the form has no cells for them, not written";
    case "samples": {
      if (zh) {
        const record = `样本记录（样本数 ${u.checked ?? "未填"}，不符合数 ${u.nonconforming ?? "未填"}）`;
        return `条款 ${u.clause}：${sheet}此行没有样本数、不符合数单元格，${record}${u.remark ? "已写入现场评审记录，不计分" : "未写入"}`;
      }
      const record = `the sample record (checked ${u.checked ?? "blank"}, nonconforming ${u.nonconforming ?? "blank"})`;
      return `clause ${u.clause}: the form has no sample cells on this row; ${record} ${u.remark ? "was written into its remark and does not count" : "was not written"}`;
    }
  }
}
