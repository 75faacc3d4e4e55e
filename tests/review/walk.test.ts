import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileCheck } from "../../src/review/verdict";
import { main } from "../../src/cli/main";
import { honestWorkbook } from "../support/honest";

/**
 * Files and folders a reviewer is sent (issue 11, findings 2, 5 and 7): the walk never stops on a bad entry, only
 * regular files are read, and the time limit is a sane number of seconds, for `check` and for `score`.
 */
let dir = "";
let honest = "";
let run = { code: -1, out: "", err: "", results: [] as FileCheck[] };

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "starscore-walk-"));
  const folder = path.join(dir, "submitted");
  mkdirSync(folder);
  honest = path.join(folder, "honest.xlsx");
  writeFileSync(honest, await honestWorkbook());
  // A name in GBK, as unzipping a Windows zip on Linux leaves it (测试.xlsx).
  writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from(".xlsx")]), "x");
  // A FIFO and a device named like workbooks: never opened for reading, never waited on.
  spawnSync("mkfifo", [path.join(folder, "fifo.xlsx")]);
  symlinkSync("/dev/zero", path.join(folder, "zero.xlsx"));
  // A link to itself (ELOOP) and a link back up to the folder (followed once, then reported).
  symlinkSync("self.xlsx", path.join(folder, "self.xlsx"));
  symlinkSync(folder, path.join(folder, "back-up"));
  // A linked folder elsewhere: followed.
  const elsewhere = path.join(dir, "elsewhere");
  mkdirSync(elsewhere);
  writeFileSync(path.join(elsewhere, "linked.xlsx"), readFileSync(honest));
  symlinkSync(elsewhere, path.join(folder, "linked-folder"));
  // A file larger than the cap (sparse: no disk used), refused before it is read.
  writeFileSync(path.join(folder, "huge.xlsx"), "");
  truncateSync(path.join(folder, "huge.xlsx"), 2 * 1024 ** 3);
  // A name with a newline.
  writeFileSync(path.join(folder, "two\nlines.xlsx"), readFileSync(honest));
  // A folder without read permission (root reads it anyway, so only a normal user sees EACCES).
  mkdirSync(path.join(folder, "locked"));
  writeFileSync(path.join(folder, "locked", "inside.xlsx"), "x");
  chmodSync(path.join(folder, "locked"), 0o000);
  // A path longer than PATH_MAX: 25 folders of 200 characters, made one level at a time.
  spawnSync("sh", ["-c", `cd "${folder}" && for i in $(seq 25); do mkdir ${"d".repeat(200)} && cd ${"d".repeat(200)} || exit 1; done; echo x > deep.xlsx`]);

  const json = path.join(dir, "report.json");
  const r = await cli(["check", folder, "--json", json, "--jobs", "2"]);
  run = { ...r, results: JSON.parse(readFileSync(json, "utf8")) as FileCheck[] };
}, 120_000);
afterAll(() => {
  chmodSync(path.join(dir, "submitted", "locked"), 0o755);
  // rm walks a path too long for one system call, which Node's rmSync does not.
  spawnSync("rm", ["-rf", dir]);
});

const result = (name: RegExp) => run.results.filter((r) => name.test(r.file));

describe("the folder walk", () => {
  it("finishes with a report (exit 1, not an internal error) however bad the entries", () => {
    expect([run.code, run.err]).toEqual([1, ""]);
    expect(run.out.trim().split("\n").pop()).toMatch(/^共 [0-9]+ 个文件/);
  });

  it("checks the honest file, the linked folder's file and the newline-named one", () => {
    expect(result(/honest\.xlsx$|linked\.xlsx$|lines\.xlsx$/).map((r) => r.verdict)).toEqual(["通过", "通过", "通过"]);
  });

  it("reports a GBK name, a FIFO, a device, a file of 2 GB, a link loop, a folder seen twice and a path too long, each with its reason", () => {
    const reasons = run.results.filter((r) => r.verdict === "无法读取").map((r) => r.reason ?? "");
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/UTF-8/),
        expect.stringMatching(/FIFO/),
        expect.stringMatching(/设备/),
        expect.stringMatching(/文件过大/),
        expect.stringMatching(/链接循环/),
        expect.stringMatching(/已检查过/),
        expect.stringMatching(/路径过长/),
      ]),
    );
    if (process.getuid?.() !== 0) expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/没有读取权限/)]));
  });

  it("shows a name with a newline escaped, on one line", () => {
    expect(run.out).toContain("two\\nlines.xlsx");
    expect(run.out).not.toContain("two\nlines");
  });
});

describe("--timeout", () => {
  it.each(["2147484", "Infinity", "0", "-1", "abc", ""])("refuses %j as a usage error, in one line", async (t) => {
    const r = await cli(["check", honest, "--timeout", t]);
    expect([r.code, r.err.trim().split("\n").length, r.err]).toEqual([2, 1, expect.stringMatching(/--timeout/)]);
  });

  it("limits score too: a workbook read past its limit is a one-line error, exit 2", async () => {
    const r = await cli(["score", honest, "--timeout", "0.001"]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/超时.*timed out\n$/)]);
    expect((await cli(["score", honest, "--timeout", "Infinity"])).code).toBe(2);
  });

  it("score refuses a FIFO at once", async () => {
    const r = await cli(["score", path.join(dir, "submitted", "fifo.xlsx")]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/FIFO/)]);
  });
});
