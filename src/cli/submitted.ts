import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { folderEntry, namedLikeWorkbook, walkOrder } from "../review/submissions";
import { cannotOpen, unreadableFolder } from "../review/refusals";
import { UsageError } from "./io";

/**
 * A file to check; an entry of a folder that cannot be checked, with the reason (无法读取); or a file the check
 * does not read (a PDF, a picture), with what it is (未检查). Each is a line of the report.
 */
export interface Submitted {
  file: string;
  refused?: string;
  notChecked?: string;
}

const reasonOf = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = { EACCES: "没有读取权限 / permission denied", ENAMETOOLONG: "路径过长 / path too long", ELOOP: "链接循环 / symbolic link loop" };
  return (code !== undefined ? why[code] : undefined) ?? cannotOpen(code ?? String(e));
};

/**
 * Every file below the given folders — the spreadsheets to read, and every other file as not checked
 * (review/submissions.ts says which is which) — and the files given by name, sorted. The walk never stops on a bad entry: a folder it may not read, a name that is not UTF-8 (a GBK name
 * unzipped on Linux), a path too long, a link loop — each becomes a refused entry, and the walk goes on. A linked
 * folder is followed once (a second link to it, or a link back up, is reported).
 */
export function submittedFiles(paths: readonly string[]): Submitted[] {
  const found: Submitted[] = [];
  const visited = new Set<string>();
  const folder = (dir: string) => {
    let real: string;
    let names: Buffer[];
    try {
      real = realpathSync(dir);
      names = readdirSync(dir, { encoding: "buffer" });
    } catch (e) {
      found.push({ file: dir, refused: unreadableFolder(reasonOf(e)) });
      return;
    }
    if (visited.has(real)) {
      found.push({ file: dir, refused: "文件夹已检查过（链接指向同一文件夹）/ folder already checked through another link" });
      return;
    }
    visited.add(real);
    const decoded = names.map((raw) => ({ raw, name: raw.toString("utf8") })).sort((a, b) => walkOrder(a.name, b.name));
    for (const { raw, name } of decoded) {
      const child = path.join(dir, name);
      if (!Buffer.from(name, "utf8").equals(raw)) {
        const why = "文件名不是 UTF-8 编码（可能是 GBK），请改名 / the name is not UTF-8 (GBK?); rename it";
        found.push(folderEntry(name).action === "read" || !name.includes(".") ? { file: child, refused: why } : { file: child, notChecked: why });
        continue;
      }
      entry(child, name);
    }
  };
  const entry = (p: string, name: string) => {
    let stat;
    try {
      stat = lstatSync(p);
      if (stat.isSymbolicLink()) {
        try {
          stat = statSync(p);
        } catch (e) {
          // A broken link named like a workbook is a submission that cannot be opened; any other is listed too.
          found.push(namedLikeWorkbook(name) ? { file: p, refused: reasonOf(e) } : { file: p, notChecked: `链接无法打开 / a link that cannot be opened: ${reasonOf(e)}` });
          return;
        }
      }
    } catch (e) {
      found.push({ file: p, refused: reasonOf(e) });
      return;
    }
    const rule = folderEntry(name, stat.isDirectory());
    if (rule.action === "walk") folder(p);
    else if (rule.action === "read") found.push({ file: p });
    else found.push(rule.action === "refuse" ? { file: p, refused: rule.reason } : { file: p, notChecked: rule.reason });
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`${p}: no such file or folder`);
      found.push({ file: p, refused: reasonOf(e) });
      continue;
    }
    if (stat.isDirectory()) folder(p);
    else found.push({ file: p });
  }
  return found;
}
