// sax ships no types; only what bench/xml-compare.ts uses of it.
declare module "sax" {
  interface QualifiedAttribute {
    name: string;
    prefix: string;
    local: string;
    value: string;
  }
  interface QualifiedTag {
    uri: string;
    local: string;
    attributes: Record<string, QualifiedAttribute>;
  }
  interface SAXParser {
    onerror: (e: Error) => void;
    onopentag: (tag: QualifiedTag) => void;
    ontext: (t: string) => void;
    oncdata: (t: string) => void;
    ondoctype: (d: string) => void;
    resume(): SAXParser;
    write(s: string): SAXParser;
    close(): SAXParser;
  }
  const sax: { parser(strict: boolean, options: { xmlns: boolean }): SAXParser };
  export default sax;
  export type { QualifiedTag };
}
