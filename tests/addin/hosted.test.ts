import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { rolesOf } from "../../src/scheme/roles";
import { run } from "../support/cli";

/**
 * The hosted build, run as an organisation would run it (`npm run build -- --env url=… --env id=…`, here into a
 * temporary folder instead of dist-web/): the manifest must send Excel nowhere but the hosting location, and
 * everything it names must be in the folder that gets hosted.
 */
const ROOT = path.join(__dirname, "..", "..");
const URL_BASE = "https://addins.example.org/starscore/";
const ID = "3f1c9a52-7d0e-4b8a-9c61-2e5d4f7a8b90";

describe("npm run build -- --env url=… --env id=…", () => {
  const out = mkdtempSync(path.join(tmpdir(), "starscore-hosted-"));
  let manifest = "";

  beforeAll(() => {
    // Through webpack-cli exactly as `npm run build` calls it; --output-path keeps the developer's dist-web/ alone.
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `url=${URL_BASE.slice(0, -1)}`, "--env", `id=${ID}`, "--output-path", out], { cwd: ROOT, stdio: "pipe" });
    manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("writes a well-formed manifest with the organisation's own add-in id", () => {
    expect(XMLValidator.validate(manifest)).toBe(true);
    expect(manifest).toContain(`<Id>${ID}</Id>`);
    expect(manifest).not.toContain(readFileSync(path.join(ROOT, "manifest.xml"), "utf8").match(/<Id>([^<]+)<\/Id>/)?.[1]);
  });

  it("names no location but the hosting one (the AppDomain is its origin)", () => {
    // Namespaces (xmlns) are names of schemas, not places Excel goes to.
    const urls = [...manifest.replace(/xmlns(?::\w+)?="[^"]*"/g, "").matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith(URL_BASE) && u !== new URL(URL_BASE).origin)).toEqual([]);
    expect([...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual(["https://addins.example.org"]);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${URL_BASE}taskpane.html"/>`);
    expect(manifest).not.toMatch(/localhost/);
  });

  it("names only files that are in the build, and the pages load their scripts from beside them", () => {
    const files = [...manifest.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1] as string).filter((u) => u.startsWith(URL_BASE));
    expect(new Set(files.map((u) => u.slice(URL_BASE.length)))).toEqual(new Set(["taskpane.html", "commands.html", "help.html", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]));
    for (const f of files) expect(existsSync(path.join(out, f.slice(URL_BASE.length)))).toBe(true);
    for (const page of ["taskpane.html", "commands.html"]) {
      const scripts = [...readFileSync(path.join(out, page), "utf8").matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1] as string);
      const own = scripts.filter((s) => !s.startsWith("https://appsforoffice."));
      expect(own.length).toBe(1);
      for (const s of own) {
        expect(s).not.toMatch(/^(\/|https?:)/);
        expect(existsSync(path.join(out, s))).toBe(true);
      }
    }
  });

  it("opens the workbench at the location's root: index.html, its script beside it, nothing from elsewhere", () => {
    const page = readFileSync(path.join(out, "index.html"), "utf8");
    const scripts = [...page.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1] as string);
    expect(scripts.length).toBe(1);
    for (const s of scripts) {
      expect(s).not.toMatch(/^(\/|https?:)/);
      expect(existsSync(path.join(out, s))).toBe(true);
    }
    // No office.js, no address outside the page's own: the workbench is used outside Office, offline once loaded.
    expect(page).not.toMatch(/https?:\/\//);
    expect(/http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(page)?.[1]).toMatch(/^default-src 'self'; script-src 'self';/);
  });

  it("has every scheme × role as a blank form that scores as its scheme and role, every entry reported as not filled", async () => {
    const schemes = [...loadSchemes().values()];
    expect(readdirSync(path.join(out, "forms")).sort()).toEqual(schemes.flatMap((s) => rolesOf(s).map((r) => `${s.id}-${r}.xlsx`)).sort());
    for (const scheme of schemes) {
      for (const role of rolesOf(scheme)) {
        const r = await run("score", path.join(out, "forms", `${scheme.id}-${role}.xlsx`), "--json");
        const card = JSON.parse(r.out) as { scheme: string; role: string; total: number | null; findings: { code: string; clause: string | null }[] };
        expect([scheme.id, role, r.code, card.scheme, card.role, card.total]).toEqual([scheme.id, role, 1, scheme.id, role, scheme.kind === "points" ? 0 : null]);
        // Every item that takes an entry is reported not filled (SS101), and nothing else is said of any clause.
        const notFilled = new Set(card.findings.filter((f) => f.code === "SS101").map((f) => f.clause));
        expect([scheme.id, role, scheme.items.filter((i) => (i.max > 0 || role === "checklist") && !notFilled.has(i.clause)).map((i) => i.clause)]).toEqual([scheme.id, role, []]);
        expect([scheme.id, role, card.findings.filter((f) => f.code !== "SS101" && f.clause !== null)]).toEqual([scheme.id, role, []]);
      }
    }
  }, 60_000);

  it("README's nginx and IIS examples send the pane's own Content-Security-Policy", () => {
    const meta = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(readFileSync(path.join(out, "taskpane.html"), "utf8"))?.[1];
    const section = readFileSync(path.join(ROOT, "README.md"), "utf8").split("## Deploy for your organisation")[1]?.split("\n## ")[0] ?? "";
    const headers = [...section.matchAll(/Content-Security-Policy"? (?:value=)?"([^"]+)"/g)].map((m) => m[1]);
    expect(meta).toBeDefined();
    expect(headers).toEqual([meta, meta]);
  });
});

describe("the manifest for a host: refused when it cannot work", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { hostedManifest } = require("../../scripts/hosted-manifest.js") as { hostedManifest: (xml: string, url: string, id?: string) => string };
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  it.each([
    ["http://addins.example.org/", undefined, /must be https/],
    ["addins.example.org", undefined, /takes an https URL/],
    ["https://addins.example.org/?v=2", undefined, /without \?query/],
    ["https://addins.example.org/", "not-a-guid", /takes a GUID/],
  ])("%s (id %s)", (url, id, message) => {
    expect(() => hostedManifest(xml, url, id)).toThrow(message);
  });
});
