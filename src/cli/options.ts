import { parseArgs } from "node:util";
import { UsageError } from "./io";

/**
 * A command's options, declared once: node's parseArgs reads `type` and `short`; the help, the usage line and the
 * checks of `choices` and `required` are generated from the same entry.
 */
export interface Option {
  type: "string" | "boolean";
  short?: string;
  /** How the value is shown in help, e.g. "N" or "out.json"; `choices` show themselves. */
  value?: string;
  choices?: readonly string[];
  /** Shown without brackets in the usage line; refused when missing. */
  required?: boolean;
  /** 中文 / English, one line. */
  help: string;
}

export type Options = Record<string, Option>;

export interface CommandSpec<O extends Options = Options> {
  name: string;
  /** The positional arguments as the usage line shows them, e.g. "<assessment.json|file.xlsx>". */
  args?: string;
  positionals: { min: number; max: number };
  /** 中文 / English, one line. */
  summary: string;
  options: O;
}

/** The values parseArgs gives for these options: strings and booleans, each possibly absent. */
export type Values<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };

export interface Parsed<O extends Options> {
  values: Values<O>;
  positionals: string[];
}

/** `--lang`, which every command that prints words takes. */
export const LANG = { type: "string", choices: ["zh", "en"], help: "输出语言（默认中文）/ language of the output (default zh)" } as const satisfies Option;
export const FORCE = { type: "boolean", help: "覆盖已有文件 / replace a file that exists" } as const satisfies Option;
export const JSON_OUTPUT = { type: "boolean", help: "以 JSON 输出 / print JSON" } as const satisfies Option;

/** "a or b", "a, b or c". */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function placeholder(o: Option): string {
  return o.choices !== undefined ? o.choices.join("|") : (o.value ?? "value");
}

function synopsis(name: string, o: Option): string {
  const flag = o.short !== undefined ? `-${o.short}` : `--${name}`;
  return o.type === "boolean" ? flag : `${flag} ${placeholder(o)}`;
}

/** `usage: starscore <command> <args> --required x [--optional y] …`, the line a usage error prints. */
export function usage(spec: CommandSpec): string {
  const opts = Object.entries(spec.options).map(([name, o]) => (o.required === true ? synopsis(name, o) : `[${synopsis(name, o)}]`));
  return ["usage: starscore", spec.name, spec.args, ...opts].filter((x) => x !== undefined && x !== "").join(" ");
}

/** `starscore <command> --help`: the usage line, what the command does, and every option. */
export function commandHelp(spec: CommandSpec): string {
  const rows: [flag: string, text: string][] = Object.entries(spec.options).map(([name, o]) => [
    `${o.short !== undefined ? `-${o.short}, ` : ""}--${name}${o.type === "string" ? ` ${placeholder(o)}` : ""}`,
    o.help,
  ]);
  rows.push(["-h, --help", "本说明 / this help"]);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [usage(spec), "", `  ${spec.summary}`, "", "选项 Options:", ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)].join("\n");
}

/** True when the arguments ask for help rather than for the command. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

/** Parses a command's arguments by its declaration; anything it does not declare is a usage error. */
export function parseCommand<O extends Options>(spec: CommandSpec<O>, args: string[]): Parsed<O> {
  const config = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, o.short !== undefined ? { type: o.type, short: o.short } : { type: o.type }]));
  let parsed;
  try {
    parsed = parseArgs({ args, options: config, allowPositionals: spec.positionals.max > 0, strict: true });
  } catch (e) {
    // parseArgs says what is wrong ("Unknown option '--colour'"); the usage line says what is right.
    // Only its first sentence: the rest explains "--" for positionals that start with a dash.
    const message = typeof (e as { message?: unknown }).message === "string" ? (e as Error).message : String(e);
    throw new UsageError(`${message.split(/\.\s/)[0]} — ${usage(spec)}`);
  }
  const values = parsed.values as Values<O>;
  for (const [name, o] of Object.entries(spec.options)) {
    const v = values[name];
    if (o.required === true && v === undefined) throw new UsageError(usage(spec));
    if (o.choices !== undefined && typeof v === "string" && !o.choices.includes(v)) throw new UsageError(`--${name} takes ${orList(o.choices)}, not "${v}"`);
  }
  const { min, max } = spec.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) throw new UsageError(usage(spec));
  return { values, positionals: parsed.positionals };
}
