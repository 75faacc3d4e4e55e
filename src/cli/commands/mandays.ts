import type { Lang } from "../../findings/language";
import type { Scheme } from "../../scheme/load";
import { calculateManDays, ManDayInputError, type AuditKind, type ManDayResult } from "../../scoring/mandays";
import type { MANDAYS } from "../commandLine";
import { lang, schemeById, UsageError, type Io } from "../io";
import type { Parsed } from "../options";
import { renderTable } from "../table";

const AUDIT_NAME: Record<AuditKind, { zh: string; en: string }> = {
  initial: { zh: "初次认证", en: "initial certification" },
  surveillance: { zh: "监督", en: "surveillance" },
  recertification: { zh: "再认证", en: "recertification" },
};

function list(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(/[,，、\s]+/).filter((c) => c !== "");
}

function number(value: string, option: string): number {
  const n = Number(value.trim());
  if (value.trim() === "" || !Number.isFinite(n)) throw new UsageError(`${option} takes a number, not "${value}"`);
  return n;
}

const fmt = (n: number | null): string => (n === null ? "-" : String(n));

/** The small table `starscore mandays` prints. */
export function renderManDays(scheme: Scheme, r: ManDayResult, l: Lang): string {
  const zh = l === "zh";
  const lines = [
    zh ? `审核/审查人日 · ${AUDIT_NAME[r.audit].zh}（${scheme.id}）` : `Audit man-days · ${AUDIT_NAME[r.audit].en} (${scheme.id})`,
    zh
      ? `有效人数 ${r.staff}${r.band === null ? "（超出附件1）" : `（${r.band.min}-${r.band.max}）`}`
      : `Effective headcount ${r.staff}${r.band === null ? " (beyond the table)" : ` (${r.band.min}-${r.band.max})`}`,
    "",
  ];
  const codes = (fs: { code: string }[]) => (fs.length === 0 ? "" : zh ? `（${fs.map((f) => f.code).join("、")}）` : ` (${fs.map((f) => f.code).join(", ")})`);
  const rows: string[][] = [
    [zh ? "项目" : "Item", zh ? "人日" : "Man-days"],
    [zh ? "附件1 基础人日" : "Table value", fmt(r.tableValue)],
    [(zh ? "增加" : "Increase") + codes(r.increaseFactors), r.increase === 0 ? "0" : `+${r.increase}`],
    [(zh ? "减少" : "Reduction") + codes(r.reductionFactors) + (r.reductionLimit === null ? "" : zh ? ` 上限 ${r.reductionLimit}` : ` cap ${r.reductionLimit}`), r.reduction === 0 ? "0" : `−${r.reduction}`],
    [zh ? "合计" : "Total", fmt(r.total)],
    [zh ? "现场不少于" : "On-site at least", fmt(r.onSiteMin)],
    [zh ? "非现场不超过" : "Off-site at most", fmt(r.offSiteMax)],
  ];
  lines.push(renderTable(rows, ["l", "r"]));
  if (r.notes.length > 0) lines.push("", ...r.notes.map((n) => `* ${zh ? n.zh : n.en}`));
  if (r.basis.length > 0) lines.push("", ...r.basis.map((n) => (zh ? n.zh : n.en)));
  return lines.join("\n");
}

/** `starscore mandays --staff N …`: audit man-days from the scheme's 附件1 table. */
export function mandaysCommand({ values }: Parsed<typeof MANDAYS.options>, io: Io): number {
  const l = lang(values.lang);
  if (values.staff === undefined) throw new Error("the declaration requires --staff");
  const staff = number(values.staff, "--staff");
  const audit = (values.audit ?? "initial") as AuditKind;
  if (values.reduce !== undefined && values["reduce-count"] !== undefined) throw new UsageError("give --reduce (factor codes) or --reduce-count (a number), not both");
  const scheme = schemeById(values.scheme ?? "cct-sc03-12");
  const table = scheme.certification?.mandays;
  if (table === undefined) throw new UsageError(`scheme ${scheme.id} has no man-day table (certification.mandays)`);
  let result: ManDayResult;
  try {
    result = calculateManDays(table, {
      staff,
      audit,
      increases: list(values.increase),
      reductions: values["reduce-count"] !== undefined ? number(values["reduce-count"], "--reduce-count") : list(values.reduce),
    });
  } catch (e) {
    if (e instanceof ManDayInputError) throw new UsageError(e.message);
    throw e;
  }
  if (values.json === true) {
    const { increaseFactors, reductionFactors, notes, basis, ...rest } = result;
    io.out(
      JSON.stringify(
        {
          scheme: scheme.id,
          ...rest,
          increases: increaseFactors.map((f) => ({ code: f.code, label: l === "en" ? f.en : f.zh, step: f.step })),
          reductions: reductionFactors.map((f) => ({ code: f.code, label: l === "en" ? f.en : f.zh, step: f.step })),
          notes: notes.map((n) => ({ code: n.code, message: l === "en" ? n.en : n.zh })),
          basis: basis.map((n) => ({ code: n.code, message: l === "en" ? n.en : n.zh })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(renderManDays(scheme, result, l));
  }
  return 0;
}
