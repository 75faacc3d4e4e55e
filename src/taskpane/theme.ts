/**
 * Whether the pane should be dark. Office's theme when Office gives one; `Office.context.officeTheme` is
 * undefined in Excel on the web (OfficeDev/office-js#6134), and then the browser's colour scheme decides.
 */
export function isDark(bodyBackgroundColor: string | undefined, prefersDark: boolean): boolean {
  if (bodyBackgroundColor === undefined || !/^#?[0-9a-f]{6}$/i.test(bodyBackgroundColor)) return prefersDark;
  const n = parseInt(bodyBackgroundColor.replace("#", ""), 16);
  const luminance = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luminance < 128;
}
