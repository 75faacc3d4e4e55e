import { readFileSync } from "node:fs";
import path from "node:path";
import { loadSchemes } from "../../src/cli/schemeFiles";
import { renderReportHtml } from "../../src/report/html";
import { buildReport } from "../../src/report/model";
import { radarPolygon, radarSvg, wrapLabel } from "../../src/report/radar";
import { parseAssessment, type Assessment } from "../../src/scoring/assessment";
import { excelRound } from "../../src/scoring/round";
import { scoreAssessment } from "../../src/scoring/scoreAssessment";
import { generateAssessment } from "../support/generate";
import { miniScheme } from "../support/miniScheme";

const schemes = loadSchemes();
const POINTS = [...schemes.values()].filter((s) => s.kind === "points").map((s) => s.id);
const example = (name: string): Assessment => {
  const file = path.join(__dirname, "..", "..", "examples", name);
  return parseAssessment(readFileSync(file, "utf8"), file);
};
const two = (n: number) => excelRound(n, 2).toFixed(2);

function report(a: Assessment, lang: "zh" | "en" = "zh") {
  const scheme = schemes.get(a.scheme);
  if (scheme === undefined) throw new Error(a.scheme);
  const card = scoreAssessment(scheme, a);
  const model = buildReport(scheme, a, card, lang);
  return { scheme, card, model, html: renderReportHtml(model, lang) };
}

describe("the report's numbers are the ScoreCard's, for every points scheme", () => {
  const cases = POINTS.flatMap((id) => [1, 2, 3].map((seed) => [id, seed] as const));
  it.each(cases)("%s, seed %d", (id, seed) => {
    const scheme = schemes.get(id);
    if (scheme === undefined) throw new Error(id);
    const a = generateAssessment(scheme, seed, { role: id === "gbt27922-2011-self" ? "self" : "audit", naShare: 0.1 });
    const { card, model, html } = report(a);

    // The model.
    expect(model.total).toBe(card.total);
    expect(model.raw).toBe(card.raw);
    expect(model.applicableMax).toBe(card.applicableMax);
    expect(model.sections.map((s) => [s.id, s.earned, s.applicableMax, s.max])).toEqual(card.sections.map((s) => [s.id, s.earned, s.applicableMax, s.max]));
    expect(model.sections.flatMap((s) => s.subsections.map((u) => [u.id, u.earned, u.applicableMax]))).toEqual(card.subsections.map((u) => [u.id, u.earned, u.applicableMax]));
    expect(model.special.deductionPoints).toBe(card.deductionPoints);
    expect(model.special.bonus?.points ?? 0).toBe(card.bonus);
    expect(model.passed).toBe(card.passed);
    expect(model.levels.filter((l) => l.current).map((l) => l.name)).toEqual(card.level === null ? [] : [card.level.name]);

    // The HTML: the total (cover and results), every section's sentence, every item row and subtotal.
    const totals = [...html.matchAll(/data-total>([^<]+)</g)].map((m) => m[1]);
    expect(totals).toEqual([two(card.total ?? NaN), two(card.total ?? NaN)]);
    const lines = [...html.matchAll(/<p class="section-line" data-section="([^"]+)">(?:本部分满分([\d.]+)分(?:（[^）]*）)?，实际得分 ([\d.]+) 分)/g)];
    expect(lines.map((m) => [m[1], Number(m[2]), m[3]])).toEqual(card.sections.map((s) => [s.id, s.max, two(s.earned)]));
    const rows = [...html.matchAll(/<tr class="[^"]*" data-clause="([^"]+)">.*?<td class="ctr pct[^"]*">([^<]*)<\/td><td class="num earned">([^<]*)<\/td><\/tr>/gs)];
    expect(rows.map((m) => [m[1], m[3]])).toEqual(card.items.map((i) => [i.clause, i.applicable ? two(i.earned) : "—"]));
    for (const m of rows) {
      const item = card.items.find((i) => i.clause === m[1]);
      if (item !== undefined && !item.applicable) expect(m[2]).toBe("不涉及");
    }
    const subtotals = [...html.matchAll(/<tr class="subtotal" data-subsection="([^"]+)">.*?<td class="num">([^<]*)<\/td><\/tr>/g)];
    expect(subtotals.map((m) => [m[1], m[2]])).toEqual(card.subsections.map((u) => [u.id, u.applicableMax > 0 ? two(u.earned) : "—"]));
    // The radar has one axis per subsection (all schemes here have 3–20).
    expect((html.match(/<text class="label"/g) ?? []).length).toBe(card.subsections.length);
  });
});

describe("the maturity audit example, as the template lays it out", () => {
  const { html, model } = report(example("maturity-audit.json"));

  it("基本信息 from the header, numbered as the template numbers it", () => {
    for (const [k, v] of [["1.1 受审查方名称", "华东示例电器有限公司"], ["1.2 项目编号", "SC-2026-0318"], ["1.9 审查范围", "家用电器的生产和销售所涉及的售后服务成熟度（销售的技术支持、配送安装、维修服务、退换货、投诉处理）"], ["1.12 申报级别", "十星级"]]) {
      expect(html).toContain(`<tr><th>${k}：</th><td><span class="v">${v}</span></td></tr>`);
    }
  });

  it("the section sentences with the N/A rescaling, hand-worked (tests/cli/score.test.ts)", () => {
    expect(html).toContain("本部分满分73分，实际得分 66.50 分。");
    expect(html).toContain("本部分满分39分（不涉及 4 项共 5 分，适用满分 34 分），实际得分 33.70 分。");
    expect(html).toContain("本部分满分38分，实际得分 36.45 分。");
    expect(html).toContain("不涉及 4 项（共 5 分）：原始得分 136.65 ÷ 适用满分 145 × 150 = 141.36。");
    expect(html).toMatch(/<tr class="cont na" data-clause="5\.2\.5\.4">.*?<td class="ctr pct">不涉及<\/td><td class="num earned">—<\/td><\/tr>/);
    expect(html).toContain(`<td class="stitle">组织架构 (4+8分)</td>`);
  });

  it("特别项, the level marked, remarks and the conclusion", () => {
    expect(html).toContain("无特别扣分项，也没有特别加分项。");
    expect(html).toMatch(/<tr class="current"><td class="ctr">i\)<\/td><td>达到 140 分以上（含 140 分）<\/td><td>十星级<\/td>.*?◀ 总分 141\.36 分/);
    expect(html).toContain(`<div class="remark">售后服务体系运行规范，维修响应及时，顾客口碑良好。</div>`);
    expect(html).toContain(`<div class="remark">加强服务标准化工作，完善网站在线服务功能。</div>`);
    expect(html).toContain(`<span class="box">☑</span>现场审查通过，推荐注册十星级售后服务成熟度认证证书`);
    expect(html).toContain(`<span class="off"><span class="box">☐</span>不通过</span>`);
    expect(model.radar?.by).toBe("subsection");
    // 5.2.6 废弃商品回收: all not applicable, shown as such on the radar.
    expect(model.radar?.axes.find((x) => x.id === "5.2.6")?.share).toBeNull();
    expect(html).toMatch(/废弃商品回收<\/tspan><tspan[^>]*class="na"[^>]*>不涉及<\/tspan>/);
  });

  it("is one self-contained file: no script, nothing fetched", () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=/i);
    expect(html.match(/<svg /g)?.length).toBe(1);
    expect(html).toContain("thead { display: table-header-group; }");
    expect(html).toContain(".part + .part { break-before: page; }");
  });

  it("speaks English with lang en", () => {
    const en = report(example("maturity-audit.json"), "en").html;
    expect(en).toContain("Full marks for this part: 73; earned: 66.50.");
    expect(en).toContain("On-site audit passed; recommended for registration: 10-star after-sales service maturity certificate");
  });
});

describe("special items and a fail", () => {
  it("lists the deductions with reasons and the bonus (CCT example)", () => {
    const { html, card } = report(example("cct-audit.json"));
    expect(card.deductionCount).toBe(1);
    expect(html).toContain(`<tr><td class="ctr">1</td><td class="ctr">5.2.4.3</td><td>维修记录未如实提供给顾客</td><td class="num">−1</td></tr>`);
    expect(html).toContain("特别加分项：+1 分，建立全国 24 小时上门服务网络，高于行业水平。");
  });

  it("不通过 below the pass mark, and 不予评级 with 5 deductions", () => {
    const scheme = miniScheme();
    const entries = Object.fromEntries(scheme.items.map((i) => [i.clause, { percent: 60 }]));
    const low = scoreAssessment(scheme, { scheme: "mini", role: "audit", entries });
    const lowHtml = renderReportHtml(buildReport(scheme, { scheme: "mini", role: "audit", entries }, low));
    expect(low.total).toBe(60);
    expect(lowHtml).toContain(`<span class="on"><span class="box">☑</span>不通过</span> <span class="reason">（总分 60.00 分，低于 70 分）</span>`);
    expect(lowHtml).toMatch(/<tr class="fail current">.*?◀ 总分 60\.00 分/);

    const five = { scheme: "mini", role: "audit" as const, entries: Object.fromEntries(scheme.items.map((i) => [i.clause, { percent: 100 }])), deductions: [1, 2, 3, 4, 5].map((n) => ({ reason: `问题 ${n}` })) };
    const html = renderReportHtml(buildReport(scheme, five, scoreAssessment(scheme, five)));
    expect(html).toContain("特别扣分项 5 项，达到 5 项，不予评级。");
    expect(html).toContain("（特别扣分项 5 项，达到 5 项不予评级）");
  });

  it("a self-assessment: 自评估 wording, no remarks blocks, the claimed level against the result", () => {
    const { html, card } = report(example("self-assessment.json"));
    expect(card.total).toBe(89.29);
    // SS501 (the claim above the result) is an error: the report is a draft until it is resolved.
    expect(html).toContain("<h1>服务认证自评估报告（草稿）</h1>");
    expect(html).not.toContain("服务系统的优势");
    expect(html).toContain(`<span class="box">☑</span>自评估达到三星级`);
    expect(html).toContain("申报级别：四星级；自评结果：三星级。 <strong>申报级别高于评定结果。</strong>");
  });

  it("a checklist has no report", () => {
    const a = example("service-checklist.json");
    const scheme = schemes.get(a.scheme);
    if (scheme === undefined) throw new Error(a.scheme);
    expect(() => buildReport(scheme, a, scoreAssessment(scheme, a))).toThrow(RangeError);
  });
});

describe("the radar's axes", () => {
  it("subsections when there are 3–20, else the parts, else none", () => {
    const mini = miniScheme();
    const full = (scheme: typeof mini): Assessment => ({ scheme: scheme.id, role: "audit", entries: Object.fromEntries(scheme.items.map((i) => [i.clause, { percent: 100 }])) });
    const radarOf = (scheme: typeof mini) => buildReport(scheme, full(scheme), scoreAssessment(scheme, full(scheme))).radar;
    // mini: 1.1, 1.2 and part 2 (no subsections) → 3 axes.
    expect(radarOf(mini)?.axes.map((a) => a.id)).toEqual(["1.1", "1.2", "2"]);
    // 21 subsections in 3 parts → by part.
    const sub = (p: number, u: number) => ({ id: `${p}.${u}`, title: `小类 ${p}.${u}`, items: [{ clause: `${p}.${u}.1`, text: "x", points: 1 }] });
    const many = miniScheme({
      fullMarks: 21,
      sections: [1, 2, 3].map((p) => ({ id: String(p), title: `部分 ${p}`, subsections: Array.from({ length: 7 }, (_, u) => sub(p, u + 1)) })),
      levels: [{ name: "达标级", nameEn: "Qualified", min: 10, stars: 0 }],
      passMark: 10,
    });
    expect(radarOf(many)).toEqual({ by: "section", axes: [1, 2, 3].map((p) => ({ id: String(p), title: `部分 ${p}`, share: 1 })) });
    // 21 subsections in 21 parts → none; the report says so.
    const flat = miniScheme({
      fullMarks: 21,
      sections: Array.from({ length: 21 }, (_, p) => ({ id: String(p + 1), title: `部分 ${p + 1}`, items: [{ clause: `${p + 1}.1`, text: "x", points: 1 }] })),
      levels: [{ name: "达标级", nameEn: "Qualified", min: 10, stars: 0 }],
      passMark: 10,
    });
    expect(radarOf(flat)).toBeNull();
    const html = renderReportHtml(buildReport(flat, full(flat), scoreAssessment(flat, full(flat))));
    expect(html).toContain("本方案的分项数不适合绘制雷达图。");
    expect(html).not.toContain("<svg");
  });
});

describe("escaping: user text stays text", () => {
  it("an organisation called <script>…, remarks with markup, reasons with quotes", () => {
    const a = example("cct-audit.json");
    a.header = { ...a.header, 组织名称: `<script>alert("x")</script> & 公司`, 项目编号: `'><b>` };
    a.remarks = { strengths: `<img src=x onerror=alert(1)>`, improvements: "第一行\n第二行 <br>" };
    a.deductions = [{ clause: "5.2.4.3", reason: `"><svg onload=alert(1)>` }];
    const { html } = report(a);
    expect(html).not.toMatch(/<script|<img|<svg onload|<b>|<br>/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 公司");
    expect(html).toContain(`<title>服务认证审查报告 — &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 公司</title>`);
    expect(html).toContain("&#39;&gt;&lt;b&gt;");
    expect(html).toContain(`<div class="remark">&lt;img src=x onerror=alert(1)&gt;</div>`);
    expect(html).toContain(`<div class="remark">第一行\n第二行 &lt;br&gt;</div>`);
    expect(html).toContain("&quot;&gt;&lt;svg onload=alert(1)&gt;");
  });

  it("scheme texts on the radar are escaped too", () => {
    const svg = radarSvg(
      [
        { label: "A<B", value: 1 },
        { label: "C&D", value: 0.5 },
        { label: `"E"`, value: null },
      ],
      { naLabel: "不涉及", title: "<t>" },
    );
    expect(svg).toContain("A&lt;B");
    expect(svg).toContain("C&amp;D");
    expect(svg).toContain("&quot;E&quot;");
    expect(svg).toContain(`aria-label="&lt;t&gt;"`);
    expect(svg).not.toContain("A<B");
  });
});

describe("the radar chart's geometry", () => {
  // Centre (340, 300), radius 200; axes clockwise from the top: up, right, down, left.
  it("4 axes at 100 / 50 / 0 / 100 %", () => {
    expect(radarPolygon([1, 0.5, 0, 1])).toEqual([
      { x: 340, y: 100 },
      { x: 440, y: 300 },
      { x: 340, y: 300 },
      { x: 140, y: 300 },
    ]);
    const svg = radarSvg(
      ["甲", "乙", "丙", "丁"].map((label, i) => ({ label, value: [1, 0.5, 0, 1][i] ?? null })),
      { naLabel: "不涉及", title: "t" },
    );
    expect(svg).toContain(`<polygon class="shares" points="340,100 440,300 340,300 140,300"`);
    // The outer ring passes through the four axis ends.
    expect(svg).toContain(`<polygon class="ring" points="340,100 540,300 340,500 140,300" fill="none" stroke="#c9ced6" stroke-width="1.2"/>`);
    expect(svg).toMatch(/<text class="label" text-anchor="middle"[^>]*><tspan x="340" y="[\d.]+">甲<\/tspan><tspan[^>]*>100%<\/tspan>/);
    expect(svg).toMatch(/<text class="label" text-anchor="start"[^>]*><tspan x="556" y="[\d.]+">乙<\/tspan><tspan[^>]*>50%<\/tspan>/);
    expect(svg).toMatch(/<text class="label" text-anchor="end"[^>]*><tspan x="124" y="[\d.]+">丁<\/tspan>/);
  });

  it("3 axes: an equilateral triangle; values are clamped to 0 … 1", () => {
    // sin 30° = 0.5, cos 30° = 0.8660…: (340 ± 173.21, 300 + 100)
    expect(radarPolygon([1, 1, 1.7])).toEqual([
      { x: 340, y: 100 },
      { x: 513.21, y: 400 },
      { x: 166.79, y: 400 },
    ]);
    expect(radarPolygon([-1, 0, 0])).toEqual([
      { x: 340, y: 300 },
      { x: 340, y: 300 },
      { x: 340, y: 300 },
    ]);
  });

  it("a not-applicable axis gets no corner, a dashed axis and its label", () => {
    expect(radarPolygon([1, null, 1, 1])).toEqual([
      { x: 340, y: 100 },
      { x: 340, y: 500 },
      { x: 140, y: 300 },
    ]);
    const svg = radarSvg(
      [
        { label: "a", value: 1 },
        { label: "b", value: null },
        { label: "c", value: 1 },
      ],
      { naLabel: "不涉及", title: "t" },
    );
    expect(svg.match(/stroke-dasharray/g)?.length).toBe(1);
    expect(svg).toContain(`class="na"`);
    expect(svg).toContain(">不涉及</tspan>");
    expect(svg.match(/<circle class="dot"/g)?.length).toBe(2);
  });

  it("3 to 20 axes; fewer or more is refused", () => {
    for (const n of [3, 7, 16, 20]) {
      const svg = radarSvg(Array.from({ length: n }, (_, i) => ({ label: `分项${i + 1}`, value: i / n })), { naLabel: "不涉及", title: "t" });
      expect(svg.match(/<text class="label"/g)?.length).toBe(n);
      expect(svg.match(/<line class="axis"/g)?.length).toBe(n);
    }
    expect(() => radarSvg([{ label: "a", value: 1 }, { label: "b", value: 1 }], { naLabel: "", title: "" })).toThrow(RangeError);
    expect(() => radarSvg(Array.from({ length: 21 }, () => ({ label: "a", value: 1 })), { naLabel: "", title: "" })).toThrow(RangeError);
  });

  it("long labels wrap into balanced lines", () => {
    expect(wrapLabel("组织架构", 12)).toEqual(["组织架构"]);
    expect(wrapLabel("废弃商品回收", 10)).toEqual(["废弃商", "品回收"]);
    expect(wrapLabel("售后服务体系完善程度要求", 12)).toEqual(["售后服务体系", "完善程度要求"]);
  });
});
