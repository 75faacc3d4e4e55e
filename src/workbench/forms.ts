/** Where a blank form lives beside the page (dist-web/forms/…): the one name the build (scripts/make-forms.ts) and the page share. */
export const formPath = (schemeId: string, role: string): string => `forms/${schemeId}-${role}.xlsx`;
