import { COMMANDS } from "./commandLine";
import type { Io } from "./io";
import { commandHelp, usage, wantsHelp } from "./options";

export { UsageError, type Io } from "./io";

const nodeIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** `starscore --help`: every command's usage line and what it does, generated from the declarations. */
function help(): string {
  return [
    "starscore — 星级评分 StarScore",
    "",
    "用法 Usage:",
    ...COMMANDS.flatMap(({ spec }) => [`  ${usage(spec).replace(/^usage: /, "")}`, `      ${spec.summary}`]),
    "",
    "每个命令的全部选项 / every option of a command: starscore <command> --help",
    "退出码 Exit codes: 0 无错误 no errors · 1 有错误 error findings · 2 输入无法使用 unusable input",
  ].join("\n");
}

/**
 * Input that cannot be used: exit 2 with one line. Recognised by name, because each class lives in a module
 * loaded only by the commands that can throw it (importing them all here would load the whole engine).
 */
const UNUSABLE_INPUT = new Set(["UsageError", "AssessmentError", "SchemeError", "RoleMismatchError", "WorkbookError"]);

/** Runs the CLI; returns the exit code. Every failure becomes a one-line message, never a stack trace. */
export async function main(argv: string[], io: Io = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (command === undefined) {
    io.err(`starscore: unknown command "${name}" (try starscore --help)`);
    return 2;
  }
  if (wantsHelp(rest)) {
    io.out(commandHelp(command.spec));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof Error && UNUSABLE_INPUT.has(e.name)) {
      // One line, however many problems: the first ones are enough to act on.
      io.err(`starscore: ${e.message.split("\n").join("; ")}`);
      return 2;
    }
    io.err(`starscore: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
