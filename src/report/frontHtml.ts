import type { Lang } from "../findings/language";
import { TEAM_COLUMNS, TEAM_TITLE } from "../scheme/roles";
import { AUDIT_TYPE_NAMES, AUDIT_TYPES, HALF_DAY_WORDS, type AuditType } from "../scheme/words";
import { parseDate } from "../scoring/dates";
import type { OnSiteMoment } from "../scoring/onSite";
import { escapeHtml as esc } from "./escape";
import type { OnSite, ReportModel } from "./model";

/**
 * The audit report's front matter as the maturity report template prints it: the cover (the certification body,
 * 项目编号, 审查类型 and the body's address), 审查组公正性和保密承诺 with its signatures, and 1. 基本信息 numbered
 * 1.1–1.11 (审查目的 with its boxes, 审查准则, 审查范围, 现场审查时间, 审查组成员). A blank field prints as a line
 * to write on, never as a placeholder.
 */

const TEAM_EN: Record<(typeof TEAM_COLUMNS)[number][0], string> = {
  code: "Code",
  name: "Name",
  role: "Role in the team",
  certificate: "Registration no. / expert's employer",
  speciality: "Speciality",
  phone: "Phone",
};

/** The body's name where the promise names it, when none is given. */
const BODY_FALLBACK = { zh: "本认证机构", en: "the certification body" };

function promise(body: string, lang: Lang): { intro: string; points: string[] } {
  if (lang === "en") {
    return {
      intro: `To protect the rights of the audited organisation and of the public, to uphold the impartiality and authority of ${body} and to ensure an effective audit, the members of the audit team undertake:`,
      points: [
        `to observe the national laws, regulations and policies on certification in the audit, and ${body}'s rules and requirements on impartiality;`,
        `to follow ${body}'s certification procedures conscientiously and reflect accurately and impartially how far the audited organisation's service management conforms to the certification criteria;`,
        "to respect the audited organisation's management and rights, to keep secret any unpublished information about it met in the audit and not disclose it to third parties, and to keep its business, technical and management secrets;",
        "to keep strictly to the auditors' code of conduct and to good professional ethics and behaviour;",
        "to accept no gifts or money from the audited organisation, and to attend no banquets or commercial entertainment;",
        "in the two years before the audit, to have given the audited organisation no consultancy on service certification, to have taken no part in its design, development, production, technology, inspection, sales or service, and to have no economic interest in or conflict with it; the auditors have told the certification body truthfully of any present, past or foreseeable links between their own organisations and the audited organisation;",
        `to observe the Regulations on Certification and Accreditation of the People's Republic of China and related rules: to practise with ${body} only, with no other certification body at the same time, and to do no certification consultancy in a consultancy or in any other form;`,
        `to bear responsibility, up to legal liability, for any loss the audited organisation or ${body} suffers from a breach of the above by the undersigned.`,
      ],
    };
  }
  return {
    intro: `为了保护受审查方和社会公众的权益，维护${body}的公正性、权威性、保证认证审查的有效性，审查组成员特作如下承诺：`,
    points: [
      `在审查工作中遵守国家有关认证的法律、法规和方针政策，遵守${body}对认证公正性的管理规定和要求。`,
      `认真执行${body}的认证工作程序，准确、公正地反映被审查组织服务管理现状与服务认证准则的符合程度。`,
      "尊重受审查方的管理和权益，对所接触到的受审查方未公开信息保守秘密，不向第三方泄漏。为受审查方保守审查过程中涉及到的经营、技术、管理机密。",
      "严格遵守审查员行为准则，保持良好的职业道德和职业行为。",
      "不接受受审查组织赠送的礼品和礼金，不参加宴请，不参加营业性娱乐活动。",
      "在审查之日前两年内未对受审查方进行过有关服务认证的咨询，也未参与该组织的设计、开发、生产、技术、检验、销售及服务等工作，与受审查方没有任何经济利益和利害冲突。审查员已就其所在组织与受审查方现在、过去或可预知的联系如实向认证机构进行了说明。",
      `遵守《中华人民共和国认证认可条例》及相关规定，保证仅在${body}一个认证机构执业，不同时在其它认证机构执业，也不在认证咨询机构或以其它形式从事认证咨询活动。`,
      `如因承诺人违反上述要求所造成的对受审查方和${body}的任何损失，由承诺人承担相应责任直至法律责任。`,
    ],
  };
}

/** A value, or a line to write on where it is blank. */
export function filled(value: string, cls = ""): string {
  return value === "" ? `<span class="blank${cls !== "" ? ` ${cls}` : ""}"></span>` : `<span class="v${cls !== "" ? ` ${cls}` : ""}">${esc(value)}</span>`;
}

/** A day as the template writes it (2021 年 06 月 07 日), or the text as typed when it is no day; "" stays "". */
export function dayText(text: string, lang: Lang): string {
  const d = parseDate(text);
  if (d === null) return text;
  return lang === "en" ? d : `${d.slice(0, 4)} 年 ${d.slice(5, 7)} 月 ${d.slice(8, 10)} 日`;
}

function momentText(text: string, moment: OnSiteMoment | null, lang: Lang): string {
  if (moment === null) return text;
  const half = moment.half === null ? "" : HALF_DAY_WORDS[moment.half][lang];
  return lang === "en" ? `${moment.date}${half !== "" ? ` ${half}` : ""}` : `${dayText(moment.date, lang)}${half}`;
}

/** 现场审查时间: "2021 年 06 月 05 日上午 至 2021 年 06 月 07 日下午，共 3.0 天". */
export function onSiteHtml(s: OnSite | null, lang: Lang): string {
  const zh = lang === "zh";
  const from = s === null ? "" : momentText(s.from.text, s.from.moment, lang);
  const to = s === null ? "" : momentText(s.to.text, s.to.moment, lang);
  const days = s?.days ?? null;
  return `${filled(from)} ${zh ? "至" : "to"} ${filled(to)}${zh ? "，共 " : ", "}${days === null ? `<span class="blank short"></span>` : `<span class="v">${days.toFixed(1)}</span>`}${zh ? " 天" : " days"}`;
}

/** ☑ before the chosen word, ☐ before the others. */
function boxes(chosen: AuditType | null, word: (t: AuditType) => string): string {
  return AUDIT_TYPES.map((t) => `<span class="${t === chosen ? "on" : "off"}"><span class="box">${t === chosen ? "☑" : "☐"}</span>${esc(word(t))}</span>`).join(" ");
}

const auditTypeEn = (t: AuditType) => AUDIT_TYPE_NAMES[t].en;

/** The cover: the body, the title, 依据, 组织名称 / 项目编号 / 审查类型, and the body's address below. */
export function coverHtml(m: ReportModel, lang: Lang, title: string, summary: string): string {
  const zh = lang === "zh";
  const f = (k: string) => m.fields[k] ?? "";
  const out: string[] = [`<section class="part cover">`];
  const audit = m.role !== "self";
  if (audit) out.push(`<p class="body-name">${f("认证机构") === "" ? "&nbsp;" : esc(f("认证机构"))}</p>`);
  out.push(`<h1>${esc(title)}</h1>`);
  out.push(`<p class="basis">${esc(zh ? "依据" : "Basis:")} ${esc(m.scheme.criteria)}</p>`);
  const rows: [string, string][] = [[zh ? "组织名称" : "Organisation", filled(f("组织名称"))]];
  if (audit) {
    rows.push([zh ? "项目编号" : "Project no.", filled(f("项目编号"))]);
    const typed = f("审查类型");
    const other = typed !== "" && m.auditType === null ? ` <span class="v">（${esc(typed)}）</span>` : "";
    rows.push([zh ? "审查类型" : "Audit type", `<span class="choices">${boxes(m.auditType, zh ? (t) => AUDIT_TYPE_NAMES[t].cover : auditTypeEn)}</span>${other}`]);
  } else {
    rows.push([zh ? "申报级别" : "Claimed level", filled(f("申报级别"))]);
  }
  out.push(`<table class="cover-fields">${rows.map(([k, v]) => `<tr><th>${esc(k)}${zh ? "：" : ":"}</th><td>${v}</td></tr>`).join("")}</table>`);
  out.push(summary);
  if (audit) {
    const contact: [string, string][] = zh
      ? [["地址", f("认证机构地址")], ["联系", f("认证机构电话")], ["邮编", f("认证机构邮编")]]
      : [["Address", f("认证机构地址")], ["Phone", f("认证机构电话")], ["Postcode", f("认证机构邮编")]];
    out.push(`<table class="body-contact">${contact.map(([k, v]) => `<tr><th>${esc(k)}${zh ? "：" : ":"}</th><td>${filled(v)}</td></tr>`).join("")}</table>`);
  }
  out.push(`</section>`);
  return out.join("");
}

/** 审查组公正性和保密承诺: the promise in the body's name, each member's signature line, the leader's and the date. */
export function promiseHtml(m: ReportModel, lang: Lang): string {
  const zh = lang === "zh";
  const body = (m.fields["认证机构"] ?? "") || BODY_FALLBACK[lang];
  const p = promise(body, lang);
  const signers = m.team.length > 0 ? m.team.map((t) => t.name) : ["", "", ""];
  const line = (name: string) => `<span class="signature"><span class="line"></span><span class="who">${esc(name)}</span></span>`;
  const date = dayText(m.fields["编制日期"] ?? "", lang);
  return (
    `<section class="part promise"><h2 class="center">${esc(zh ? "审查组公正性和保密承诺" : "The audit team's undertaking of impartiality and confidentiality")}</h2>` +
    `<p class="indent">${esc(p.intro)}</p><ol class="undertakings">${p.points.map((x) => `<li>${esc(x)}</li>`).join("")}</ol>` +
    `<div class="signatures"><p><span class="k">${esc(zh ? "承诺人签名：" : "Signed:")}</span>${signers.map(line).join("")}</p>` +
    `<p><span class="k">${esc(zh ? "组\u3000长：" : "Team leader:")}</span>${line(m.leader?.name ?? "")}</p>` +
    `<p class="date">${date !== "" ? esc(date) : esc(zh ? "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日" : "Date:")}</p></div></section>`
  );
}

/** 1.11 审查组成员: every member given, or two blank rows to fill in by hand, as the template has. */
function teamHtml(m: ReportModel, lang: Lang): string {
  const head = TEAM_COLUMNS.map(([key, zh]) => `<th>${esc(lang === "zh" ? zh : TEAM_EN[key])}</th>`).join("");
  const rows = m.team.length > 0 ? m.team : [null, null];
  const body = rows
    .map((r) => `<tr>${TEAM_COLUMNS.map(([key]) => `<td${key === "code" || key === "role" ? ` class="ctr"` : ""}>${r === null ? "&nbsp;" : esc(r[key])}</td>`).join("")}</tr>`)
    .join("");
  return `<table class="team" data-team><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Field names in English, where the report speaks English; other fields keep their own names. */
export const FIELD_EN: Record<string, string> = {
  组织名称: "Organisation",
  申报级别: "Claimed level",
  审查员: "Auditor",
  审查时间: "Audit date",
  审查类型: "Audit type",
  评估时间: "Assessment date",
  "评估部门/人员": "Assessed by",
  项目编号: "Project no.",
  发证日期: "Certificate issued",
  监督审核日期: "Surveillance audits held",
  再认证审核日期: "Recertification audit",
  服务领域: "Service domain",
  报告覆盖时间段: "Period the report covers",
};

/** 1. 基本信息: for an audit the template's 1.1–1.11, then the other fields numbered on; for a self-assessment one table. */
export function infoHtml(m: ReportModel, lang: Lang): string {
  const zh = lang === "zh";
  const name = (field: string) => (zh ? field : (FIELD_EN[field] ?? field));
  const out: string[] = [`<section class="part info-part"><h2>${esc(zh ? "1. 基本信息" : "1. General information")}</h2>`];
  if (m.role === "self") {
    out.push(`<table class="info">${m.info.map((f) => `<tr><th>${esc(name(f.field))}</th><td>${esc(f.value)}</td></tr>`).join("")}`);
    out.push(`<tr><th>${esc(zh ? "评估准则" : "Criteria")}</th><td>${esc(m.scheme.criteria)}</td></tr></table></section>`);
    return out.join("");
  }
  const f = (k: string) => m.fields[k] ?? "";
  const colon = zh ? "：" : ": ";
  const k = (label: string) => `<span class="k">${esc(label)}${colon}</span>`;
  const lines: [string, string][] = zh
    ? [
        ["受审查方名称", filled(f("组织名称"))],
        ["项目编号", filled(f("项目编号"))],
        ["工商注册地址/邮编", filled(f("工商注册地址/邮编"))],
        ["审查地址/邮编", filled(f("审查地址/邮编"))],
        ["联系人/职务", `${filled(f("联系人/职务"))}\u3000${k("电话")}${filled(f("联系电话"))}\u3000${k("邮箱")}${filled(f("联系邮箱"))}`],
        ["与总部不在同一地址的多场所情况", filled(f("多场所情况"))],
        [
          "审查目的",
          `通过对受审查方涉及认证范围内的服务及管理现状，对照认证标准进行量化评价和判定，从而决定：能否推荐 <span class="choices">${boxes(m.auditType, (t) => AUDIT_TYPE_NAMES[t].purpose)}</span>`,
        ],
        [
          "审查准则",
          `<ol class="criteria"><li>${esc(m.scheme.criteria)}\u3000${k("其他")}${filled(f("其他审查准则"))}</li><li>受审查方管理体系文件</li><li>适用的国家、行业及地方有关的法律法规及标准</li></ol>`,
        ],
        ["审查范围", filled(f("审查范围"))],
        ["现场审查时间", onSiteHtml(m.onSite, lang)],
        [TEAM_TITLE, teamHtml(m, lang)],
      ]
    : [
        ["Audited organisation", filled(f("组织名称"))],
        ["Project no.", filled(f("项目编号"))],
        ["Registered address / postcode", filled(f("工商注册地址/邮编"))],
        ["Audit address / postcode", filled(f("审查地址/邮编"))],
        ["Contact / position", `${filled(f("联系人/职务"))}\u2003${k("Phone")}${filled(f("联系电话"))}\u2003${k("E-mail")}${filled(f("联系邮箱"))}`],
        ["Sites at other addresses than the head office", filled(f("多场所情况"))],
        [
          "Purpose",
          `To rate and judge, against the certification standard, the services and management within the scope of certification, and so decide whether to recommend <span class="choices">${boxes(m.auditType, (t) => AUDIT_TYPE_NAMES[t].purposeEn)}</span>`,
        ],
        [
          "Criteria",
          `<ol class="criteria"><li>${esc(m.scheme.criteria)}\u2003${k("Other")}${filled(f("其他审查准则"))}</li><li>The audited organisation's management system documents</li><li>The applicable national, sector and local laws, regulations and standards</li></ol>`,
        ],
        ["Scope", filled(f("审查范围"))],
        ["Time on site", onSiteHtml(m.onSite, lang)],
        ["Audit team", teamHtml(m, lang)],
      ];
  if (m.scheme.contents?.period === true) lines.push([zh ? "报告覆盖的时间段" : "Period the report covers", filled(f("报告覆盖时间段"))]);
  for (const i of m.info) lines.push([name(i.field), filled(i.value)]);
  out.push(`<table class="info numbered">`);
  lines.forEach(([label, value], i) => {
    const wide = label === TEAM_TITLE || label === "Audit team";
    out.push(
      wide
        ? `<tr class="wide"><th colspan="2">1.${i + 1} ${esc(label)}${colon}</th></tr><tr class="wide"><td colspan="2">${value}</td></tr>`
        : `<tr><th>1.${i + 1} ${esc(label)}${colon}</th><td>${value}</td></tr>`,
    );
  });
  out.push(`</table></section>`);
  return out.join("");
}
