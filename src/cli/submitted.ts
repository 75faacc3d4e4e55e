import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { namedLikeWorkbook, walkOrder, walkStep } from "../review/submissions";
import { cannotOpen, unreadableFolder } from "../review/refusals";
import { UsageError } from "./io";

/** A file to check, or an entry of a folder that cannot be checked, with the reason (a line of the report). */
export interface Submitted {
  file: string;
  refused?: string;
}

const reasonOf = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = { EACCES: "没有读取权限 / permission denied", ENAMETOOLONG: "路径过长 / path too long", ELOOP: "链接循环 / symbolic link loop" };
  return (code !== undefined ? why[code] : undefined) ?? cannotOpen(code ?? String(e));
};

/**
 * Every submission below the given folders (review/submissions.ts says which names are), and the files given by
 * name, sorted. The walk never stops on a bad entry: a folder it may not read, a name that is not UTF-8 (a GBK name
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
        if (namedLikeWorkbook(name) || !name.includes(".")) found.push({ file: child, refused: "文件名不是 UTF-8 编码（可能是 GBK），请改名 / the name is not UTF-8 (GBK?); rename it" });
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
          // A broken link named like a workbook is a submission that cannot be opened.
          if (namedLikeWorkbook(name)) found.push({ file: p, refused: reasonOf(e) });
          return;
        }
      }
    } catch (e) {
      found.push({ file: p, refused: reasonOf(e) });
      return;
    }
    const step = walkStep(name, stat.isDirectory());
    if (step === "walk") folder(p);
    else if (step === "check") found.push({ file: p });
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
