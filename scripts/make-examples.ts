// Writes examples/*.json: one realistic assessment per scheme. Run: npx tsx scripts/make-examples.ts
// The files are generated, never hand-edited; the maturity audit follows a pattern simple enough to be
// worked by hand (tests/cli/score.test.ts does so).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadSchemes } from "../src/cli/schemeFiles";
import type { Assessment, Entry } from "../src/scoring/assessment";
import { scoreAssessment } from "../src/scoring/scoreAssessment";
import { generateAssessment, seeded } from "../tests/support/generate";

const schemes = loadSchemes();
const out = path.join(__dirname, "..", "examples");
mkdirSync(out, { recursive: true });
const write = (name: string, a: Assessment) => writeFileSync(path.join(out, name), `${JSON.stringify(a, null, 2)}\n`);
const scheme = (id: string) => {
  const s = schemes.get(id);
  if (s === undefined) throw new Error(`no scheme ${id}`);
  return s;
};

// Maturity audit: 90 items scored, 5.2.5.4–5.2.6.2 not applicable (a trader's maturity audit without recall
// and disposal). 5.1 at 90% but 5.1.2.2 at 100% and 5.1.5.2 at 95%; 5.2 at 100% but 5.2.4.3 at 90%;
// 5.3 at 95% but 5.3.3.2 at 100%.
const maturity = scheme("maturity-jsgf-06");
const notApplicable = new Set(["5.2.5.4", "5.2.5.5", "5.2.6.1", "5.2.6.2"]);
const special: Record<string, number> = { "5.1.2.2": 100, "5.1.5.2": 95, "5.2.4.3": 90, "5.3.3.2": 100, "5.1.1.3": 100 };
const base: Record<string, number> = { "5.1": 90, "5.2": 100, "5.3": 95 };
const entries: Record<string, Entry> = {};
for (const item of maturity.items) {
  entries[item.clause] = notApplicable.has(item.clause)
    ? { percent: "不涉及", note: "贸易型企业，不涉及召回与废弃商品回收" }
    : { percent: `${special[item.clause] ?? base[item.sectionId] ?? 100}%` };
}
// The certification body is a made-up one: a body keeps its own details in a JSON like this and pre-fills with `new --from`.
const body = { 认证机构: "示例认证有限公司", 认证机构电话: "010-5555 0100", 认证机构地址: "北京市示例区示例大街 1 号", 认证机构邮编: "100000" };
write("maturity-audit.json", {
  scheme: maturity.id,
  schemeVersion: maturity.version,
  role: "audit",
  header: {
    组织名称: "华东示例电器有限公司",
    项目编号: "SC-2026-0318",
    审查类型: "初次认证",
    申报级别: "十星级",
    "工商注册地址/邮编": "江苏省南京市示例区示例路 88 号 / 210000",
    "审查地址/邮编": "江苏省南京市示例区示例路 88 号 / 210000",
    "联系人/职务": "陈七 / 客户服务部经理",
    联系电话: "025-5555 0101",
    联系邮箱: "service@example.com",
    多场所情况: "无",
    审查范围: "家用电器的生产和销售所涉及的售后服务成熟度（销售的技术支持、配送安装、维修服务、退换货、投诉处理）",
    其他审查准则: "无",
    审查开始: "2026-06-03 上午",
    审查结束: "2026-06-05 下午",
    报告编制人: "张三",
    编制日期: "2026-06-05",
    ...body,
  },
  team: [
    { code: "A", name: "张三", role: "组长", certificate: "2026-SC-0001", speciality: "02.01.01", phone: "138 0000 0001" },
    { code: "B", name: "刘八", role: "组员", certificate: "2026-SC-0002", speciality: "02.01.01", phone: "138 0000 0002" },
  ],
  entries,
  remarks: {
    strengths: "售后服务体系运行规范，维修响应及时，顾客口碑良好。",
    improvements: "加强服务标准化工作，完善网站在线服务功能。",
  },
});

const self = generateAssessment(scheme("gbt27922-2011-self"), 27922, { role: "self", lenient: true, naShare: 0, floor: 75 });
self.entries["5.2.5.5"] = { conclusion: "不适用", evidence: "本企业为生产型企业，不涉及" };
self.header = { 组织名称: "华东示例电器有限公司", 申报级别: "四星级", 评估时间: "2026-05-20", "评估部门/人员": "售后服务部 / 李四" };
write("self-assessment.json", self);

const cct = generateAssessment(scheme("cct-sc03-12"), 312, { lenient: true, naShare: 0.03, floor: 80, specials: false });
cct.header = {
  组织名称: "南方示例家具有限公司",
  项目编号: "SC-2025-0722",
  审查类型: "监督",
  "工商注册地址/邮编": "广东省佛山市示例区示例大道 6 号 / 528000",
  "审查地址/邮编": "广东省佛山市示例区示例大道 6 号 / 528000",
  "联系人/职务": "黄九 / 售后服务部主管",
  联系电话: "0757-5555 0202",
  审查范围: "家具的销售所涉及的商品售后服务（配送安装、维修服务、退换货、投诉处理）",
  审查开始: "2026-07-01",
  审查结束: "2026-07-01",
  报告编制人: "王五",
  编制日期: "2026-07-01",
  报告覆盖时间段: "2025-07-01 至 2026-06-30",
  ...body,
};
cct.team = [{ code: "A", name: "王五", role: "组长", certificate: "2026-SC-0005", speciality: "03.00", phone: "138 0000 0005" }];
cct.deductions = [{ clause: "5.2.4.3", reason: "维修记录未如实提供给顾客" }];
cct.bonus = { points: 1, reason: "建立全国 24 小时上门服务网络，高于行业水平" };
write("cct-audit.json", cct);

const completeness = generateAssessment(scheme("completeness-2025"), 2025, { naShare: 0, floor: 85, specials: false });
completeness.header = { 组织名称: "北方示例机械有限公司", "GB/T 27922 证书编号": "CCT-SC-2024-0001", 审查类型: "初次认证" };
write("completeness-audit.json", completeness);

/** CCT 附件2 评分要求 1: a partial share comes from samples; the fewest samples giving exactly `percent`. */
function samplesFor(percent: number): { checked: number; nonconforming: number } {
  const checked = [4, 5, 8, 10, 20, 40, 100, 200].find((n) => Number.isInteger((n * (100 - percent)) / 100)) ?? 200;
  return { checked, nonconforming: (checked * (100 - percent)) / 100 };
}

// The CCT audit of the same organisation as the self-assessment (for `starscore compare`): the auditor gives each
// sampled indicator the organisation's own share less 0–10 points, on a 5 % grid (50 % at least), from a sample
// record; a qualitative one (评分要求 2) all or nothing: 0 % where that share falls below 80 %, else 100 %. 5.2.5.5,
// which the organisation called not applicable, the auditor found to apply and met (100 %).
const selfScheme = scheme("gbt27922-2011-self");
const selfCard = scoreAssessment(selfScheme, self);
const cctScheme = scheme("cct-sc03-12");
const rnd = seeded(2026);
const eastEntries: Record<string, Entry> = {};
for (const item of cctScheme.items) {
  const own = selfScheme.byClause.get(item.clause);
  const score = own === undefined ? undefined : selfCard.items[own.index];
  const share = score === undefined || !score.applicable || score.max === 0 ? 1 : score.earned / score.max;
  const graded = item.clause === "5.2.5.5" ? 100 : Math.max(50, Math.min(100, Math.round((share * 100 - rnd() * 10) / 5) * 5));
  const percent = item.scoring?.by === "samples" ? graded : graded < 80 ? 0 : 100;
  eastEntries[item.clause] = percent === 100 || item.scoring?.by !== "samples" ? { percent } : { percent, samples: samplesFor(percent) };
}
write("cct-audit-east.json", {
  scheme: cctScheme.id,
  schemeVersion: cctScheme.version,
  role: "audit",
  header: { 组织名称: "华东示例电器有限公司", 申报级别: "四星级", 审查类型: "初次认证", 审查开始: "2026-06-19", 审查结束: "2026-06-20", 报告编制人: "赵六", 编制日期: "2026-06-20", ...body },
  entries: eastEntries,
  remarks: {
    strengths: "服务网点覆盖销售区域，维修服务规范，顾客投诉处理及时。",
    improvements: "售后服务管理师配置不足；服务承诺在各类文档中的表述需统一；加强顾客满意度调查的分析与应用。",
  },
});

const checklist = generateAssessment(scheme("service-characteristics"), 4, { naShare: 0.05 });
checklist.header = { 组织名称: "西部示例电子有限公司" };
write("service-checklist.json", checklist);
console.log(`wrote ${out}`);
