import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

/**
 * `npm install` must work on a fresh machine from the npm registry alone: every package the code imports is
 * declared (not reached through some tool's dependencies, which a dropped tool takes along), and no package in
 * the lock runs an install step that could compile or download.
 */
const ROOT = path.join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { hasInstallScript?: boolean; version?: string }> };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "node_modules" || name === "fixtures" ? [] : sources(p);
    return /\.(ts|tsx|js)$/.test(name) ? [p] : [];
  });
}

/** The package a bare import names: "@scope/name" or "name". */
const packageOf = (specifier: string): string => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

describe("package.json and package-lock.json", () => {
  it("declare every package the code imports", () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const files = [...["src", "tests", "bench", "scripts", "bin"].flatMap((d) => sources(path.join(ROOT, d))), ...["webpack.config.js", "eslint.config.js", "jest.config.js"].map((f) => path.join(ROOT, f))];
    const missing = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:^|\s)(?:import|export)\s[^"'`;]*?from\s+["']([^"'./][^"']*)["']|(?:require|import)\(\s*["']([^"'./][^"']*)["']\s*\)/gm)) {
        const name = packageOf((m[1] ?? m[2]) as string);
        if (name.startsWith("node:") || builtinModules.includes(name) || declared.has(name)) continue;
        // A module that declares its own types (bench/support/*.d.ts) is still a package to install.
        missing.add(`${name} (${path.relative(ROOT, file)})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("hold no package that builds or downloads at install time", () => {
    // esbuild's postinstall only checks its platform binary (an optional package from the registry);
    // @parcel/watcher's install runs node-gyp only when npm_config_build_from_source=true.
    const KNOWN = new Set(["node_modules/esbuild", "node_modules/@parcel/watcher"]);
    const withScripts = Object.entries(lock.packages).filter(([p, v]) => v.hasInstallScript === true && !KNOWN.has(p)).map(([p]) => p);
    expect(withScripts).toEqual([]);
    expect(Object.keys(lock.packages).filter((p) => /(^|\/)(keytar|node-gyp|prebuild-install)$/.test(p))).toEqual([]);
  });
});
