import type { Scheme } from "../scheme/load";
import type { Level } from "../scheme/schema";
import type { ItemStatus, ScoreCard } from "../scoring/card";

/**
 * Self-assessment against audit (自评与审查对比): per clause, what the organisation gave itself and what the
 * auditor gave, the gap, the section totals and both levels. Pure: two ScoreCards and their schemes in.
 *
 * Clauses are matched by id. A form row that carries further clauses (the self form's row 5.1.1.2 also
 * carries 5.1.1.3) is matched through any of its ids, so rows that share a clause are compared as one;
 * 0-point rows are left out (they cannot differ). Where the two schemes give the same clause different
 * points (self form 5.1.2.1: 1, CCT 评分表: 2), points cannot be compared: the shares of the maximum
 * (earned ÷ applicable maximum) are, and the row says so (`byShare`). Gaps are self − audit, in points of
 * the audit scheme (for a share row: the share gap × the audit row's maximum), so rows sort on one scale.
 */

export interface Side {
  /** Points earned on the applicable part (0 when nothing applies). */
  earned: number;
  /** The row's points in this scheme. */
  max: number;
  /** Points of the part that applies. */
  applicableMax: number;
  /** earned ÷ applicableMax; null when nothing applies. */
  share: number | null;
  /** na when nothing applies; missing / invalid when an entry is; else scored. */
  status: ItemStatus;
}

export type RowKind = "both" | "na-self" | "na-audit" | "na-both";

export interface CompareRow {
  /** The clause ids of the rows compared (usually one). */
  clauses: string[];
  /** Further clause ids the compared rows carry (the self form's row 5.1.1.2 also carries 5.1.1.3). */
  alsoClauses: string[];
  /** The audit scheme's dimension code(s), where it has them. */
  codes: string[];
  /** The requirement as the audit scheme words it. */
  text: string;
  self: Side;
  audit: Side;
  kind: RowKind;
  /** The two schemes give the clause different points: compared as shares of the maximum. */
  byShare: boolean;
  /** self − audit in points of the audit scheme; null unless both sides apply. */
  gap: number | null;
  /** self share − audit share (−1 … 1); null unless both sides apply. */
  shareGap: number | null;
}

export interface OnlyRow {
  clauses: string[];
  text: string;
  side: Side;
}

export interface GroupCompare {
  id: string;
  title: string;
  titleEn: string | null;
  self: Side | null;
  audit: Side | null;
  byShare: boolean;
  gap: number | null;
  shareGap: number | null;
}

export interface CardSummary {
  schemeId: string;
  title: string;
  total: number;
  fullMarks: number;
  graded: boolean;
  passed: boolean;
  level: Level | null;
}

export interface Comparison {
  self: CardSummary;
  audit: CardSummary;
  /** Clauses in both schemes, by the largest absolute gap first; then rows not applicable on one side, then on both. */
  rows: CompareRow[];
  onlySelf: OnlyRow[];
  onlyAudit: OnlyRow[];
  /** 0-point clauses, left out of the comparison. */
  zeroPoint: string[];
  sections: GroupCompare[];
  /** The totals: in points when both schemes have the same full marks, else as shares (byShare). */
  totals: { byShare: boolean; gap: number | null; shareGap: number | null };
}

interface Unit {
  side: "self" | "audit";
  clauses: string[];
  code: string | undefined;
  text: string;
  order: number;
  max: number;
  earned: number;
  applicable: boolean;
  status: ItemStatus;
}

function units(scheme: Scheme, card: ScoreCard, side: "self" | "audit"): Unit[] {
  if (card.schemeId !== scheme.id) throw new RangeError(`the ${side} ScoreCard is for ${card.schemeId}, not ${scheme.id}`);
  return scheme.items.map((item) => {
    const score = card.items[item.index];
    return {
      side,
      clauses: [item.clause, ...(item.alsoClauses ?? []).map((a) => a.clause)],
      code: item.code,
      text: item.text,
      order: item.index,
      max: item.max,
      earned: score?.earned ?? 0,
      applicable: score?.applicable ?? true,
      status: score?.status ?? "missing",
    };
  });
}

/** What a side is summed from: rows of a scheme, or the ScoreCard's items (which have the same fields). */
type Part = Pick<Unit, "max" | "earned" | "applicable" | "status">;

function sideOf(list: readonly Part[]): Side {
  let earned = 0;
  let max = 0;
  let applicableMax = 0;
  let status: ItemStatus = "na";
  for (const u of list) {
    max += u.max;
    if (!u.applicable) continue;
    earned += u.earned;
    applicableMax += u.max;
    if (u.status === "invalid" || (u.status === "missing" && status !== "invalid") || status === "na") status = u.status;
  }
  return { earned, max, applicableMax, share: applicableMax > 0 ? earned / applicableMax : null, status };
}

function gaps(self: Side, audit: Side): { byShare: boolean; gap: number | null; shareGap: number | null } {
  const byShare = self.applicableMax !== audit.applicableMax || self.max !== audit.max;
  if (self.share === null || audit.share === null) return { byShare, gap: null, shareGap: null };
  const shareGap = self.share - audit.share;
  return { byShare, gap: byShare ? shareGap * audit.applicableMax : self.earned - audit.earned, shareGap };
}

function summary(scheme: Scheme, card: ScoreCard): CardSummary {
  if (card.total === null) throw new RangeError(`scheme ${scheme.id} is a checklist: only points schemes can be compared`);
  return { schemeId: scheme.id, title: scheme.title, total: card.total, fullMarks: card.fullMarks ?? 0, graded: card.graded, passed: card.passed, level: card.level };
}

/** Compares a self-assessment with an audit (any two points schemes; clauses matched by id). */
export function compareCards(selfScheme: Scheme, selfCard: ScoreCard, auditScheme: Scheme, auditCard: ScoreCard): Comparison {
  const self = summary(selfScheme, selfCard);
  const audit = summary(auditScheme, auditCard);
  const all = [...units(selfScheme, selfCard, "self"), ...units(auditScheme, auditCard, "audit")];
  const zeroPoint = new Set<string>();
  const live = all.filter((u) => {
    if (u.max > 0) return true;
    for (const c of u.clauses) zeroPoint.add(c);
    return false;
  });

  // Rows that share a clause id are one comparison: a union-find over the live rows of both schemes.
  const parent = live.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const byClause = new Map<string, number>();
  live.forEach((u, i) => {
    for (const c of u.clauses) {
      const other = byClause.get(c);
      if (other === undefined) byClause.set(c, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, Unit[]>();
  live.forEach((u, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list === undefined) groups.set(root, [u]);
    else list.push(u);
  });
  for (const u of live) for (const c of u.clauses) zeroPoint.delete(c);

  const rows: (CompareRow & { order: number })[] = [];
  const onlySelf: (OnlyRow & { order: number })[] = [];
  const onlyAudit: (OnlyRow & { order: number })[] = [];
  for (const list of groups.values()) {
    const s = list.filter((u) => u.side === "self");
    const a = list.filter((u) => u.side === "audit");
    const clauses = [...new Set((a.length > 0 ? a : s).map((u) => u.clauses[0] as string))];
    const text = (a.length > 0 ? a : s).map((u) => u.text).join(" ");
    if (a.length === 0 || s.length === 0) {
      const only = { clauses, text, side: sideOf(list), order: Math.min(...list.map((u) => u.order)) };
      (a.length === 0 ? onlySelf : onlyAudit).push(only);
      continue;
    }
    const selfSide = sideOf(s);
    const auditSide = sideOf(a);
    const kind: RowKind =
      selfSide.share === null && auditSide.share === null ? "na-both" : selfSide.share === null ? "na-self" : auditSide.share === null ? "na-audit" : "both";
    rows.push({
      clauses,
      alsoClauses: [...new Set(list.flatMap((u) => u.clauses))].filter((id) => !clauses.includes(id)),
      codes: a.map((u) => u.code).filter((c): c is string => c !== undefined),
      text,
      self: selfSide,
      audit: auditSide,
      kind,
      ...gaps(selfSide, auditSide),
      order: Math.min(...a.map((u) => u.order)),
    });
  }
  const KIND_ORDER: Record<RowKind, number> = { both: 0, "na-self": 1, "na-audit": 1, "na-both": 2 };
  // Gaps equal to 1e-9 count as equal (0.1 + 0.2 is not 0.3): then the audit scheme's order decides.
  const byGap = (x: CompareRow, y: CompareRow): number => {
    const d = Math.abs(y.gap ?? 0) - Math.abs(x.gap ?? 0);
    return Math.abs(d) < 1e-9 ? 0 : d;
  };
  rows.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || byGap(x, y) || x.order - y.order);
  const byOrder = (x: { order: number }, y: { order: number }) => x.order - y.order;

  // Sections matched by id, in the audit scheme's order, then the self scheme's others.
  const groupSide = (card: ScoreCard, id: string): Side | null => {
    const g = card.sections.find((x) => x.id === id);
    if (g === undefined) return null;
    const status = sideOf(card.items.filter((i) => i.sectionId === id)).status;
    return { earned: g.earned, max: g.max, applicableMax: g.applicableMax, share: g.applicableMax > 0 ? g.earned / g.applicableMax : null, status };
  };
  const ids = [...auditScheme.sections.map((s) => s.id), ...selfScheme.sections.map((s) => s.id).filter((id) => !auditScheme.sections.some((s) => s.id === id))];
  const sections: GroupCompare[] = ids.map((id) => {
    const s = groupSide(selfCard, id);
    const a = groupSide(auditCard, id);
    const section = auditScheme.sections.find((x) => x.id === id) ?? selfScheme.sections.find((x) => x.id === id);
    const g = s !== null && a !== null ? gaps(s, a) : { byShare: false, gap: null, shareGap: null };
    return { id, title: section?.title ?? id, titleEn: section?.titleEn ?? null, self: s, audit: a, ...g };
  });

  const sameMarks = self.fullMarks === audit.fullMarks;
  const shareGap = self.fullMarks > 0 && audit.fullMarks > 0 ? self.total / self.fullMarks - audit.total / audit.fullMarks : null;
  const totals = { byShare: !sameMarks, gap: sameMarks ? self.total - audit.total : shareGap === null ? null : shareGap * audit.fullMarks, shareGap };

  const strip = <T extends { order: number }>({ order: _o, ...rest }: T): Omit<T, "order"> => rest;
  return {
    self,
    audit,
    rows: rows.map(strip),
    onlySelf: onlySelf.sort(byOrder).map(strip),
    onlyAudit: onlyAudit.sort(byOrder).map(strip),
    zeroPoint: [...zeroPoint],
    sections,
    totals,
  };
}
