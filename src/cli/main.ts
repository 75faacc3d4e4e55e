import { SchemeError } from "../scheme/load";
import { AssessmentError } from "../scoring/assessment";
import { RoleMismatchError } from "../scheme/roles";
import { WorkbookError } from "../xlsx/saved";
import { compareCommand } from "./commands/compare";
import { exportCommand } from "./commands/export";
import { newCommand } from "./commands/new";
import { checkCommand } from "./commands/check";
import { domainsCommand } from "./commands/domains";
import { mandaysCommand } from "./commands/mandays";
import { reportCommand } from "./commands/report";
import { schemesCommand } from "./commands/schemes";
import { scoreCommand } from "./commands/score";
import { UsageError, type Command, type Io } from "./io";

export { UsageError, type Io } from "./io";

const nodeIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

const HELP = `starscore — 星级评分 StarScore

用法 Usage:
  starscore schemes [--json]                         列出方案 / list the schemes
  starscore score <assessment.json|file.xlsx> [--json] [--lang en]
                                                     计算总分、级别与问题 / score an assessment or a workbook
      [--certified <level> [--audit surveillance|recertification]]
                                                     监督/再认证结论 / surveillance or recertification decision
  starscore new --scheme <id> --role self|audit|checklist [--from a.json] [-o file.xlsx] [--force]
                                                     生成工作簿 / lay out a workbook (pre-filled with --from)
  starscore export <file.xlsx> [-o a.json] [--force]  导出条目 / write a workbook's entries as assessment JSON
  starscore check <folder|files…> [--json out.json] [--csv out.csv] [--html out.html] [--jobs N] [--timeout s]
                                                     检查提交的工作簿 / check submitted workbooks
  starscore mandays --staff N [--audit initial|surveillance|recertification]
      [--increase a,b] [--reduce 1,5 | --reduce-count N] [--scheme id] [--json] [--lang en]
                                                     审核/审查人日 / audit man-days (附件1)
  starscore domains [code] [--scheme id] [--json] [--lang en]
                                                     服务领域 / service domains (附件3)
  starscore report <scored.xlsx|assessment.json> [-o report.html] [--force] [--pdf report.pdf] [--lang en]
                                                     审查报告 / the audit report (HTML; PDF by Chromium)
  starscore compare <self.xlsx|.json> <audit.xlsx|.json> [--json] [--lang en]
                                                     自评与审查对比 / self-assessment against audit, clause by clause

退出码 Exit codes: 0 无错误 no errors · 1 有错误 error findings · 2 输入无法使用 unusable input`;

/** Each command lives in its own file under commands/; add new ones here. */
const COMMANDS: Record<string, Command> = {
  domains: domainsCommand,
  mandays: mandaysCommand,
  schemes: schemesCommand,
  score: scoreCommand,
  new: newCommand,
  check: checkCommand,
  export: exportCommand,
  report: reportCommand,
  compare: compareCommand,
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
    if (e instanceof UsageError || e instanceof AssessmentError || e instanceof SchemeError || e instanceof RoleMismatchError || e instanceof WorkbookError) {
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
