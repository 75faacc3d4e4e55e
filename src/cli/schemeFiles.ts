import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compileScheme, type Scheme } from "../scheme/compile";
import type { SchemeFile } from "../scheme/schema";

/** The `schemes/` folder of this package, found by walking up from the running file (src/ or dist/src/). */
export function schemesDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, "schemes");
    if (existsSync(candidate) && existsSync(path.join(dir, "package.json"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find the schemes/ folder of StarScore");
    dir = parent;
  }
}

/**
 * Where `npm run build:cli` leaves each scheme it validated (dist/compiled-schemes/<id>.json, beside the code
 * that validated it). Parsing the YAML and validating it with zod is most of a command's start-up; a scheme
 * whose file has the same content as at build time is taken from here instead. Run from src/ (tests, tsx)
 * the folder does not exist and every scheme is validated.
 */
export const COMPILED_DIR = path.join(__dirname, "..", "..", "compiled-schemes");

/** A scheme as validated at build time, with the hash of the file text it came from. */
interface Compiled {
  sha256: string;
  file: SchemeFile;
}

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

function readCompiled(compiledDir: string, id: string): Compiled | undefined {
  try {
    return JSON.parse(readFileSync(path.join(compiledDir, `${id}.json`), "utf8")) as Compiled;
  } catch {
    return undefined;
  }
}

/** The validator, loaded only when a scheme file is new or changed: the YAML parser and zod cost ~80 ms to load. */
function schemeLoader(): typeof import("../scheme/load") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load, on purpose
  return require("../scheme/load") as typeof import("../scheme/load");
}

/** One scheme file's content as validated data: from the build's copy when the text is unchanged, else validated now. */
function schemeFile(dir: string, name: string, compiledDir: string): SchemeFile {
  const text = readFileSync(path.join(dir, name), "utf8");
  const compiled = readCompiled(compiledDir, name.replace(/\.yaml$/, ""));
  if (compiled !== undefined && compiled.sha256 === sha256(text)) return compiled.file;
  return schemeLoader().parseSchemeFile(text, path.join("schemes", name));
}

/** A scheme file's id must be its file name: a submitted file names its scheme by id, and the id finds the file. */
function named(file: SchemeFile, name: string): SchemeFile {
  if (`${file.id}.yaml` !== name) throw new Error(`${path.join("schemes", name)}: id "${file.id}" does not match the file name`);
  return file;
}

function fromFile(dir: string, name: string, compiledDir: string): Scheme {
  return compileScheme(named(schemeFile(dir, name, compiledDir), name));
}

/** Validates every scheme file of `dir` and writes what the CLI then reads unchanged files from (the build's step). */
export function writeCompiledSchemes(dir: string = schemesDir(), compiledDir: string = COMPILED_DIR): string[] {
  mkdirSync(compiledDir, { recursive: true });
  const names = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
  for (const name of names) {
    const text = readFileSync(path.join(dir, name), "utf8");
    const file = named(schemeLoader().parseSchemeFile(text, path.join("schemes", name)), name);
    const compiled: Compiled = { sha256: sha256(text), file };
    writeFileSync(path.join(compiledDir, `${file.id}.json`), JSON.stringify(compiled));
  }
  return names;
}

let cache: Map<string, Scheme> | undefined;
const single = new Map<string, Scheme | undefined>();

/**
 * One scheme by id, read and validated on first use; undefined when there is no such scheme. A command or a
 * worker that needs one scheme then reads one file instead of all of them. The id may come from a submitted
 * file, so it must be a plain file name.
 */
export function loadScheme(id: string): Scheme | undefined {
  if (cache !== undefined) return cache.get(id);
  if (single.has(id)) return single.get(id);
  const dir = schemesDir();
  const scheme = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) && existsSync(path.join(dir, `${id}.yaml`)) ? fromFile(dir, `${id}.yaml`, COMPILED_DIR) : undefined;
  single.set(id, scheme);
  return scheme;
}

/** The ids of the scheme files, without reading them. */
export function schemeIds(dir: string = schemesDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => f.replace(/\.yaml$/, ""));
}

/** Every scheme file, validated (unless unchanged since the build validated it); a broken file throws SchemeError naming it. */
export function loadSchemes(dir: string = schemesDir(), compiledDir: string = COMPILED_DIR): Map<string, Scheme> {
  const own = dir === schemesDir() && compiledDir === COMPILED_DIR;
  if (cache !== undefined && own) return cache;
  const schemes = new Map<string, Scheme>();
  for (const id of schemeIds(dir)) schemes.set(id, fromFile(dir, `${id}.yaml`, compiledDir));
  if (own) cache = schemes;
  return schemes;
}
