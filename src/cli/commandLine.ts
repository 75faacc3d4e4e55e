import { AUDIT_KINDS } from "../scoring/mandays";
import type { Io } from "./io";
import { FORCE, JSON_OUTPUT, LANG, parseCommand, type CommandSpec, type Option, type Options, type Parsed } from "./options";

/**
 * Every command of the CLI: what it takes, declared once (the parser, `--help` and the usage errors read these),
 * and its module, loaded only when the command runs, so that `starscore schemes` does not load exceljs.
 * A new command is one entry here and one file in commands/.
 */

/** --scheme for the commands that read CCT-SC03-12's own tables (man-days, domains, the cycle) unless told otherwise. */
const CCT_SCHEME = { type: "string", value: "<id>", help: "方案编号（默认 cct-sc03-12）/ the scheme id (default cct-sc03-12)" } as const satisfies Option;

export const SCHEMES = {
  name: "schemes",
  positionals: { min: 0, max: 0 },
  summary: "列出方案：编号、名称、满分、条目数、级别 / list the schemes: id, title, full marks, items, levels",
  options: { json: JSON_OUTPUT, lang: LANG },
} as const satisfies CommandSpec;

export const SCORE = {
  name: "score",
  args: "<assessment.json|file.xlsx>",
  positionals: { min: 1, max: 1 },
  summary: "计算总分、级别与问题（工作簿定位到单元格）/ score an assessment or a workbook: total, level, findings",
  options: {
    json: JSON_OUTPUT,
    lang: LANG,
    certified: { type: "string", value: "<level>", help: "已获证级别：给出监督/再认证结论 / the certified level: also the surveillance or recertification decision" },
    audit: { type: "string", choices: ["surveillance", "recertification"], help: "与 --certified 同用：审核类型（默认监督）/ with --certified: the kind of audit (default surveillance)" },
    timeout: { type: "string", value: "seconds", help: "读取工作簿的时限（默认 20 秒）/ the time limit for reading a workbook (default 20 s)" },
  },
} as const satisfies CommandSpec;

export const NEW = {
  name: "new",
  positionals: { min: 0, max: 0 },
  summary: "生成工作簿（--from 预填）/ lay out a scheme as a workbook (pre-filled with --from)",
  options: {
    scheme: { type: "string", value: "<id>", help: "方案编号（starscore schemes；有 --from 时可省）/ the scheme id (see starscore schemes; taken from --from if left out)" },
    role: { type: "string", choices: ["self", "audit", "checklist"], help: "表格：自评估、审查评分或检查表 / the form: self-assessment, audit or checklist" },
    from: { type: "string", value: "a.json", help: "用评估 JSON 预填 / pre-fill from an assessment JSON" },
    output: { type: "string", short: "o", value: "file.xlsx", help: "输出文件（默认 <方案>-<角色>.xlsx）/ the workbook to write (default <scheme>-<role>.xlsx)" },
    force: FORCE,
  },
} as const satisfies CommandSpec;

export const EXPORT = {
  name: "export",
  args: "<file.xlsx>",
  positionals: { min: 1, max: 1 },
  summary: "导出工作簿条目为评估 JSON / write a workbook's entries as assessment JSON",
  options: {
    output: { type: "string", short: "o", value: "a.json", help: "输出文件（默认打印）/ the file to write (default: print)" },
    force: FORCE,
  },
} as const satisfies CommandSpec;

export const CHECK = {
  name: "check",
  args: "<folder|files…>",
  positionals: { min: 1, max: Infinity },
  summary: "检查提交的工作簿，逐个给出结论 / check submitted workbooks, a verdict for each",
  options: {
    json: { type: "string", value: "out.json", help: "结果写为 JSON / write the results as JSON" },
    csv: { type: "string", value: "out.csv", help: "结果写为 CSV / write the results as CSV" },
    html: { type: "string", value: "out.html", help: "结果写为 HTML（横向 A4 可打印）/ write the results as HTML (prints on A4 landscape)" },
    notices: { type: "string", value: "<folder>", help: "为每个需补正、不一致或无法读取的文件写一份补正通知（HTML，--lang 的语言）/ write a notice of corrections for each file that does not pass (HTML, in the --lang language)" },
    expect: { type: "string", value: "<scheme>[/<role>]", help: "要求提交的方案及表格；其他方案或表格的工作簿为需补正（SS806）/ the scheme and form expected; a workbook of another is 需补正 (SS806)" },
    jobs: { type: "string", value: "N", help: "并行工作线程数（默认比 CPU 数少一个，至少一个）/ workers in parallel (default: one fewer than the CPUs, at least one)" },
    timeout: { type: "string", value: "seconds", help: "单个文件的时限（默认 20 秒）/ the time limit per file (default 20 s)" },
    "max-left-out": { type: "string", value: "10%", help: "删减分值占满分的上限，超过者标出（默认不设）/ flag a file whose left-out points exceed this share of the full marks (no default)" },
    force: FORCE,
    lang: LANG,
  },
} as const satisfies CommandSpec;

export const MANDAYS = {
  name: "mandays",
  positionals: { min: 0, max: 0 },
  summary: "审核/审查人日（附件1）/ audit man-days from the scheme's table (附件1)",
  options: {
    staff: { type: "string", value: "N", required: true, help: "有效人数 / the effective headcount" },
    audit: { type: "string", choices: AUDIT_KINDS, help: "审核类型（默认初次认证）/ the kind of audit (default initial)" },
    increase: { type: "string", value: "a,b", help: "增加人日的因素代码 / codes of the factors that add time" },
    reduce: { type: "string", value: "1,5", help: "减少人日的因素代码 / codes of the factors that reduce time" },
    "reduce-count": { type: "string", value: "N", help: "减少因素的个数（代替 --reduce）/ the number of reducing factors (instead of --reduce)" },
    scheme: CCT_SCHEME,
    json: JSON_OUTPUT,
    lang: LANG,
  },
} as const satisfies CommandSpec;

export const DOMAINS = {
  name: "domains",
  args: "[code]",
  positionals: { min: 0, max: 1 },
  summary: "服务领域（附件3）及本规则覆盖的领域；给出代码则只看该代码 / the service domains (附件3); with a code, that code",
  options: {
    scheme: CCT_SCHEME,
    json: JSON_OUTPUT,
    lang: LANG,
  },
} as const satisfies CommandSpec;

export const REPORT = {
  name: "report",
  args: "<scored.xlsx|assessment.json>",
  positionals: { min: 1, max: 1 },
  summary: "审查报告：一个 HTML 文件，--pdf 另出 A4 PDF / the audit report: one HTML file, and an A4 PDF with --pdf",
  options: {
    output: { type: "string", short: "o", value: "report.html", help: "HTML 文件（默认 <输入名>-report.html）/ the HTML file (default <input>-report.html)" },
    force: FORCE,
    pdf: { type: "string", value: "report.pdf", help: "另出 PDF（需要 Chromium）/ also a PDF (needs Chromium)" },
    self: {
      type: "string",
      value: "self.xlsx|.json|folder|.zip",
      help: "申请方的自评估表（工作簿或评估 JSON）或其提交（文件夹、.zip），用于附录证明材料清单 / the applicant's self-assessment (workbook or assessment JSON), or the submission (folder, .zip) holding it, for the appendix's evidence list",
    },
    lang: LANG,
  },
} as const satisfies CommandSpec;

export const COMPARE = {
  name: "compare",
  args: "<self.xlsx|.json> <audit.xlsx|.json>",
  positionals: { min: 2, max: 2 },
  summary: "自评与审查逐条对比，差值大者在前 / self-assessment against audit, clause by clause, largest gap first",
  options: { json: JSON_OUTPUT, lang: LANG },
} as const satisfies CommandSpec;

export const CYCLE = {
  name: "cycle",
  positionals: { min: 0, max: 0 },
  summary: "证书周期：有效期、每次监督审核的期限、再认证，逾期或缺失的审核、证书到期 / the certificate cycle: expiry, surveillance deadlines, recertification, late or missing audits, expiry",
  options: {
    issued: { type: "string", value: "YYYY-MM-DD", required: true, help: "证书签发日期 / the certificate's date" },
    audits: { type: "string", value: "YYYY-MM-DD,…", help: "已进行的审核日期；再认证申请期内的审核计为再认证 / the dates of the audits held; one in the recertification window counts as the recertification" },
    recertified: {
      type: "string",
      value: "YYYY-MM-DD|none",
      help: "再认证审核的日期，或 none（尚未再认证）；默认取再认证申请期内的审核 / the recertification audit's date, or none (not held yet); default: the audit in the recertification window",
    },
    today: { type: "string", value: "YYYY-MM-DD", help: "按此日判断缺失（默认今天）/ judge missing audits as of this day (default today)" },
    scheme: CCT_SCHEME,
    json: JSON_OUTPUT,
    lang: LANG,
  },
} as const satisfies CommandSpec;

/** A command's code: the parsed arguments in, the exit code out. */
export type Run<O extends Options> = (parsed: Parsed<O>, io: Io) => number | Promise<number>;

export interface Command {
  spec: CommandSpec;
  /** Parses the arguments by the declaration (a usage error before anything is loaded), then loads and runs. */
  run: (args: string[], io: Io) => Promise<number>;
}

function command<O extends Options>(spec: CommandSpec<O>, load: (parsed: Parsed<O>) => Promise<Run<O>>): Command {
  return {
    spec,
    run: async (args, io) => {
      const parsed = parseCommand(spec, args);
      return (await load(parsed))(parsed, io);
    },
  };
}

/** In the order `starscore --help` lists them. */
export const COMMANDS: readonly Command[] = [
  command(SCHEMES, async () => (await import("./commands/schemes")).schemesCommand),
  command(SCORE, async () => (await import("./commands/score")).scoreCommand),
  command(NEW, async () => (await import("./commands/new")).newCommand),
  command(EXPORT, async () => (await import("./commands/export")).exportCommand),
  command(CHECK, async ({ values, positionals }) => {
    // The workers start loading the reader while this thread loads the command (cli/warmWorkers.ts).
    const warm = await import("./warmWorkers");
    warm.warmCheckWorkers(values.jobs, positionals);
    const check = (await import("./commands/check")).checkCommand;
    return async (parsed, io) => {
      try {
        return await check(parsed, io);
      } finally {
        warm.dropWarmWorkers();
      }
    };
  }),
  command(MANDAYS, async () => (await import("./commands/mandays")).mandaysCommand),
  command(DOMAINS, async () => (await import("./commands/domains")).domainsCommand),
  command(REPORT, async () => (await import("./commands/report")).reportCommand),
  command(COMPARE, async () => (await import("./commands/compare")).compareCommand),
  command(CYCLE, async () => (await import("./commands/cycle")).cycleCommand),
];
