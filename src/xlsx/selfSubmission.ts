import type { MaterialsSource } from "../report/materials";
import { submittedFile, type SubmittedFile } from "../review/evidenceFiles";
import { isSubmission } from "../review/submissions";
import { scoreXlsx, workbookReferences, type SchemeSource } from "./scoreWorkbook";
import { WorkbookError } from "./saved";
import { openSubmissionZip } from "./submissionZip";
import { ZipError } from "./zip";

/**
 * The applicant's self-assessment for an audit report's 证明材料清单 (issue 22 item 4), found in what the reviewer
 * gives: the workbook itself, or the submission (a folder's files or a .zip) it was handed in with. Its evidence is
 * resolved against the submission's files as `check` resolves it. Browser-safe: the CLI and the workbench's worker
 * give the bytes.
 */

/** A workbook of the submission: its path from the submission's root and its bytes. */
export interface SubmissionWorkbook {
  path: string;
  bytes: Uint8Array;
}

/** Why no self-assessment can be taken from what was given: a sentence for the reviewer, in both languages. */
export class NoSelfAssessment extends Error {
  override name = "NoSelfAssessment";
}

const baseName = (p: string) => p.split("/").pop() ?? p;

/**
 * The self-assessment among a submission's workbooks: the one StarScore self-assessment form (workbooks that are not
 * StarScore forms, and other forms, are passed over). None, or more than one, is a NoSelfAssessment: a reviewer
 * must know which workbook the materials come from. `root` names the submission (a folder, a .zip); `files` are all
 * its files, to resolve the evidence against (null: not known).
 */
export function selfFromSubmission(root: string, workbooks: readonly SubmissionWorkbook[], files: readonly SubmittedFile[] | null, schemes: SchemeSource): MaterialsSource {
  const found = workbooks.flatMap((w) => {
    if (!isSubmission(baseName(w.path))) return [];
    try {
      const scored = scoreXlsx(w.bytes, schemes);
      return scored.assessment.role === "self" ? [{ w, scored }] : [];
    } catch (e) {
      if (e instanceof WorkbookError || e instanceof ZipError) return [];
      throw e;
    }
  });
  const [one, ...more] = found;
  if (one === undefined) throw new NoSelfAssessment(`${root}: 没有 StarScore 自评估表 / no StarScore self-assessment in it`);
  if (more.length > 0) {
    throw new NoSelfAssessment(`${root}: 有 ${found.length} 份自评估表（${found.map((f) => f.w.path).join("、")}），请指定其中一份 / ${found.length} self-assessments in it; give one`);
  }
  const { w, scored } = one;
  return {
    scheme: scored.scheme,
    assessment: scored.assessment,
    card: scored.card,
    source: `${root}/${w.path}`,
    references: workbookReferences(scored),
    submission: files === null ? null : { root, workbook: w.path, files },
  };
}

/** A submission handed in as a .zip: its files and workbooks through the reader's zip code and caps. */
export function selfFromZip(name: string, bytes: Uint8Array, schemes: SchemeSource): MaterialsSource {
  let opened;
  try {
    opened = openSubmissionZip(bytes);
  } catch (e) {
    if (e instanceof ZipError) throw new NoSelfAssessment(`${name}: ${e.message}`);
    throw e;
  }
  return selfFromSubmission(name, opened.files, opened.files.map((f) => submittedFile(f.path, f.bytes)), schemes);
}
