import { crc32 as zlibCrc32 } from "node:zlib";
import { crc32 } from "../../src/xlsx/crc32";

describe("crc32, as zip headers hold it", () => {
  it("gives the check value of CRC-32/ISO-HDLC and of the empty input", () => {
    expect([crc32(new TextEncoder().encode("123456789")), crc32(new Uint8Array(0))]).toEqual([0xcbf43926, 0]);
  });

  it("agrees with zlib's at every length around the 8-byte steps, and over a view into a larger buffer", () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 256);
    const lengths = Array.from({ length: 40 }, (_, n) => n).concat([255, 256, 257, 299]);
    expect(lengths.map((n) => crc32(bytes.subarray(0, n)))).toEqual(lengths.map((n) => zlibCrc32(bytes.subarray(0, n))));
    expect(crc32(bytes.subarray(3, 203))).toBe(zlibCrc32(bytes.subarray(3, 203)));
  });
});
