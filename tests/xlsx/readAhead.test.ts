import { openPackage } from "../../src/xlsx/package";
import { readAhead } from "../../src/xlsx/readAhead";
import { DEFAULT_LIMITS } from "../../src/xlsx/sniff";
import type { DecodedPart } from "../../src/xlsx/xml";
import { zipEntries } from "../../src/xlsx/zip";
import { zip } from "../support/zip";

const SHEET = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>95</v></c></row></sheetData></worksheet>');
const RAISED = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>99</v></c></row></sheetData></worksheet>');
const NAME = "xl/worksheets/sheet1.xml";

/** A package's part as the reader reads it, with parts read ahead. */
const readPart = (file: Buffer, ahead: ReturnType<typeof readAhead>) => openPackage(file, zipEntries(file, 10), DEFAULT_LIMITS, ahead).text(NAME);

describe("parts read ahead (check's main thread, for its worker)", () => {
  const file = zip([
    { name: NAME, data: SHEET, deflate: true },
    { name: "_rels/.rels", data: Buffer.from("<Relationships/>"), deflate: true },
    { name: "xl/media/image1.png", data: Buffer.alloc(2000, 7), deflate: true },
    { name: "xl/lying.xml", data: SHEET, deflate: true, declaredSize: 10 },
  ]);

  it("reads the XML and relationship parts a check reads, not pictures, and leaves out a part that lies", () => {
    const ahead = readAhead(file, DEFAULT_LIMITS);
    expect([...ahead.keys()]).toEqual([NAME, "_rels/.rels"]);
    expect(ahead.get(NAME)?.text.pieces.join("")).toBe(SHEET.toString());
    // Scanned where it was read, so the worker only tokenizes it.
    expect(ahead.get(NAME)?.text.scans).toEqual([{ plain: true, breaks: false, amps: false }]);
  });

  it("answers nothing for bytes that are not a zip", () => {
    expect(readAhead(Buffer.from("not a zip at all"), DEFAULT_LIMITS).size).toBe(0);
  });

  it("is taken for a part only when the reader's own bytes declare the size and CRC-32 it was read from", () => {
    const ahead = readAhead(file, DEFAULT_LIMITS);
    expect(readPart(file, ahead)).toBe(ahead.get(NAME)?.text);
    // Another read of the file that found other content (raised entries): the reader's own bytes count.
    const other = readAhead(zip([{ name: NAME, data: RAISED, deflate: true }]), DEFAULT_LIMITS);
    expect(RAISED.length).toBe(SHEET.length);
    expect((readPart(file, other) as DecodedPart).pieces).toEqual([SHEET.toString()]);
  });

  it("changes nothing about what a damaged part is: the reader still refuses it", () => {
    const ahead = readAhead(file, DEFAULT_LIMITS);
    const misnamed = zip([{ name: NAME, localName: "xl/worksheets/sheet9.xml", data: SHEET, deflate: true }]);
    expect(() => readPart(misnamed, ahead)).toThrow(/local header names another part/);
  });
});
