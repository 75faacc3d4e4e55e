import type { Scheme } from "../scheme/load";
import { rolesOf } from "../scheme/roles";
import { formPath } from "./forms";
import { Head } from "./Head";
import type { Lang, Strings } from "./i18n";

/** #forms: every scheme × role as a blank .xlsx made at build time (scripts/make-forms.ts), with who fills it. */
export function FormsSection({ t, lang, schemes }: { t: Strings; lang: Lang; schemes: readonly Scheme[] }) {
  return (
    <section aria-labelledby="forms">
      <h1 id="forms">{t.formsTitle}</h1>
      <p>{t.formsIntro}</p>
      <table className="grid forms">
        <Head cells={t.formsHead} />
        {schemes.map((s) => (
          <tbody key={s.id}>
            <tr className="group">
              <th colSpan={4} scope="rowgroup">
                {lang === "zh" ? s.title : s.titleEn}
                <small>{s.document}</small>
              </th>
            </tr>
            {rolesOf(s).map((role) => (
              <tr key={role} data-form={`${s.id}-${role}`}>
                <td>{t.roleName[role]}</td>
                <td>{t.whoFills[role]}</td>
                <td className="n">{t.items(s.items.length)}</td>
                <td>
                  <a href={formPath(s.id, role)} download>
                    {formPath(s.id, role).replace(/^forms\//, "")}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
