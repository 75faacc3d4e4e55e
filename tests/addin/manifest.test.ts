import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * The manifest checked offline (`npm run validate`; no online validation service):
 * well-formed, elements in the schema's order, every resource id defined, every icon present at its size,
 * every URL https on one origin.
 */
const ROOT = path.join(__dirname, "..", "..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true });

type Node = Record<string, unknown>;
const tagOf = (n: Node) => Object.keys(n).find((k) => k !== ":@" && k !== "#text" && k !== "#comment");
const children = (n: Node): Node[] => (n[tagOf(n) as string] as Node[]) ?? [];

/** The OfficeApp elements of a TaskPaneApp in the order the 1.1 schema requires them. */
const ORDER = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];

describe("manifest.xml", () => {
  const doc = parser.parse(xml) as Node[];
  const app = doc.find((n) => tagOf(n) === "OfficeApp") as Node;

  it("is well-formed XML of a TaskPaneApp for Excel with ReadWriteDocument", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect((app[":@"] as Record<string, string>)["@xsi:type"]).toBe("TaskPaneApp");
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(xml).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(xml).toMatch(/<Override Locale="en-US"/);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
  });

  it("has its top-level elements in the schema's order", () => {
    const tags = children(app).map(tagOf).filter((t): t is string => t !== undefined);
    const positions = tags.map((t) => ORDER.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("defines every resource id it references", () => {
    const referenced = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect([...referenced].filter((id) => !defined.has(id))).toEqual([]);
    expect(referenced.size).toBeGreaterThan(5);
  });

  it("names icons that exist as PNGs of their stated size", () => {
    const icons = [...xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="https:\/\/localhost:3000\/(assets\/[^"]+)"/g)];
    expect(icons.map((m) => m[1])).toEqual(["16", "32", "80"]);
    for (const [, size, file] of icons) {
      const png = readFileSync(path.join(ROOT, file as string));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
    for (const [, file] of xml.matchAll(/"https:\/\/localhost:3000\/(assets\/[^"]+)"/g)) expect(existsSync(path.join(ROOT, file as string))).toBe(true);
  });

  it("uses https URLs on one origin, the dev server's", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)<\/AppDomain>|<SourceLocation[^>]*DefaultValue="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? m[3]) as string[];
    expect(urls.length).toBeGreaterThan(8);
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(["https://localhost:3000"]));
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
  });
});
