import { inflateAhead } from "../../src/xlsx/inflateAhead";
import { DEFAULT_LIMITS } from "../../src/xlsx/sniff";
import { inflateEntry, zipEntries } from "../../src/xlsx/zip";
import { zip } from "../support/zip";

const SHEET = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>95</v></c></row></sheetData></worksheet>');
const RAISED = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>99</v></c></row></sheetData></worksheet>');
const budget = () => ({ left: Infinity });

describe("parts inflated ahead (check's main thread, for its worker)", () => {
  const file = zip([
    { name: "xl/worksheets/sheet1.xml", data: SHEET, deflate: true },
    { name: "_rels/.rels", data: Buffer.from("<Relationships/>"), deflate: true },
    { name: "xl/media/image1.png", data: Buffer.alloc(2000, 7), deflate: true },
    { name: "xl/lying.xml", data: SHEET, deflate: true, declaredSize: 10 },
  ]);

  it("inflates the XML and relationship parts a check reads, not pictures, and leaves out a part that lies", () => {
    const ahead = inflateAhead(file, DEFAULT_LIMITS);
    expect([...ahead.keys()]).toEqual(["xl/worksheets/sheet1.xml", "_rels/.rels"]);
    expect(Buffer.from(ahead.get("xl/worksheets/sheet1.xml") as Uint8Array).equals(SHEET)).toBe(true);
  });

  it("answers nothing for bytes that are not a zip", () => {
    expect(inflateAhead(Buffer.from("not a zip at all"), DEFAULT_LIMITS).size).toBe(0);
  });

  it("is taken for a part only when it has the size and CRC-32 the reader's own bytes declare", () => {
    const [sheet] = zipEntries(file, 10);
    if (sheet === undefined) throw new Error("no entry");
    const ahead = inflateAhead(file, DEFAULT_LIMITS).get(sheet.name);
    expect(inflateEntry(file, sheet, 1 << 20, budget(), ahead)).toBe(ahead);
    // Another read of the file that gave other content (raised entries, same length): the reader's bytes count.
    expect(RAISED.length).toBe(SHEET.length);
    const read = inflateEntry(file, sheet, 1 << 20, budget(), new Uint8Array(RAISED));
    expect(Buffer.from(read).equals(SHEET)).toBe(true);
  });

  it("changes nothing about what a damaged part is: the reader still refuses it", () => {
    const cut = zip([{ name: "xl/worksheets/sheet1.xml", data: SHEET, deflate: true, crc: 1234 }]);
    const [sheet] = zipEntries(cut, 10);
    if (sheet === undefined) throw new Error("no entry");
    expect(() => inflateEntry(cut, sheet, 1 << 20, budget(), new Uint8Array(SHEET))).toThrow(/CRC-32 mismatch/);
  });
});
