/** Namespaces by the short names this reader uses; Strict OOXML's URIs map to the same names. */
const NAMESPACES = new Map(
  Object.entries({
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "x",
  "http://purl.oclc.org/ooxml/spreadsheetml/main": "x",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/package/2006/relationships": "pr",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  }),
);

/** A namespace's short name, or the URI itself when this reader has none for it. */
export function shortNs(uri: string): string {
  return NAMESPACES.get(uri) ?? uri;
}
