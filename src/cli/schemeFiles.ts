import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseScheme, type Scheme } from "../scheme/load";

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

let cache: Map<string, Scheme> | undefined;
const single = new Map<string, Scheme | undefined>();

/**
 * One scheme by id, read and validated on first use; undefined when there is no such scheme. A worker checking
 * a folder of one scheme's files then parses one YAML file instead of all of them (YAML parsing is most of a
 * worker's start-up). The id comes from a submitted file, so it must be a plain file name.
 */
export function loadScheme(id: string): Scheme | undefined {
  if (cache !== undefined) return cache.get(id);
  if (single.has(id)) return single.get(id);
  const dir = schemesDir();
  const file = path.join(dir, `${id}.yaml`);
  const scheme = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) && existsSync(file) ? parseScheme(readFileSync(file, "utf8"), path.join("schemes", `${id}.yaml`)) : undefined;
  single.set(id, scheme);
  return scheme;
}

/** Every scheme file, validated; a broken file throws SchemeError naming it. */
export function loadSchemes(dir: string = schemesDir()): Map<string, Scheme> {
  if (cache !== undefined && dir === schemesDir()) return cache;
  const schemes = new Map<string, Scheme>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const file = path.join("schemes", name);
    const scheme = parseScheme(readFileSync(path.join(dir, name), "utf8"), file);
    if (`${scheme.id}.yaml` !== name) throw new Error(`${file}: id "${scheme.id}" does not match the file name`);
    schemes.set(scheme.id, scheme);
  }
  if (dir === schemesDir()) cache = schemes;
  return schemes;
}
