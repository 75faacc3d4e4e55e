import { form } from "../findings/phrases";
import type { MaterialsSource } from "../report/materials";
import { submittedFile, type SubmittedFile } from "../review/evidenceFiles";
import { isSubmission } from "../review/submissions";
import type { Scheme } from "../scheme/load";
import type { Role } from "../scheme/roles";
import type { Assessment } from "../scoring/assessment";
import { scoreAssessment } from "../scoring/scoreAssessment";
import { scoreXlsx, workbookReferences, type SchemeSource, type ScoredWorkbook } from "./scoreWorkbook";
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

const EXPECTED = { zh: "应为申请方的自评估表", en: "expected the applicant's self-assessment" };

/** A file given as the self-assessment that is another form: what it is, and what was expected. */
function notSelf(name: string, scheme: Scheme, role: Role): NoSelfAssessment {
  return new NoSelfAssessment(
    `${name}：是${form(scheme.id, role, "zh")}《${scheme.title}》，不是自评估表；${EXPECTED.zh} / ` +
      `${name} is ${form(scheme.id, role, "en")}, "${scheme.titleEn}", not a self-assessment; ${EXPECTED.en}`,
  );
}

/** The materials source of a self-assessment workbook found at `path` in the submission `root`. */
function fromWorkbook(root: string, path: string, scored: ScoredWorkbook, files: readonly SubmittedFile[] | null): MaterialsSource {
  return {
    scheme: scored.scheme,
    assessment: scored.assessment,
    card: scored.card,
    source: `${root}/${path}`,
    references: workbookReferences(scored),
    submission: files === null ? null : { root, workbook: path, files },
  };
}

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
  return fromWorkbook(root, one.w.path, one.scored, files);
}

/**
 * The workbook the reviewer named as the self-assessment (`name`, as given), its evidence resolved against `files`
 * of its folder `root` (null: not known). A workbook that cannot be read, or is another form, is a NoSelfAssessment
 * naming that file, what it is, and what was expected.
 */
export function selfFromWorkbook(name: string, bytes: Uint8Array, root: string, files: readonly SubmittedFile[] | null, schemes: SchemeSource): MaterialsSource {
  let scored: ScoredWorkbook;
  try {
    scored = scoreXlsx(bytes, schemes, name);
  } catch (e) {
    if (!(e instanceof WorkbookError || e instanceof ZipError)) throw e;
    throw new NoSelfAssessment(`${name}：无法作为 StarScore 工作簿读取（${e.message}）；${EXPECTED.zh} / ${name} cannot be read as a StarScore workbook (${e.message}); ${EXPECTED.en}`);
  }
  if (scored.assessment.role !== "self") throw notSelf(name, scored.scheme, scored.assessment.role);
  return { ...fromWorkbook(root, baseName(name), scored, files), source: name };
}

/**
 * A self-assessment given as assessment JSON (what `starscore export` writes and `new --from` takes): its file names
 * come from the entries' text, and are not checked against any files (state 已列明), as there is no submission.
 */
export function selfFromAssessment(name: string, assessment: Assessment, schemes: SchemeSource): MaterialsSource {
  const scheme = schemes.get(assessment.scheme);
  if (scheme === undefined) throw new NoSelfAssessment(`${name}：方案 ${assessment.scheme} 不在本 StarScore 中 / ${name}: scheme ${assessment.scheme} is not one this StarScore has`);
  if (assessment.role !== "self") throw notSelf(name, scheme, assessment.role);
  return { scheme, assessment, card: scoreAssessment(scheme, assessment), source: name, references: null, submission: null };
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
