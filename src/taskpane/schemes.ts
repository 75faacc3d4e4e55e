import { validateScheme, type Scheme } from "../scheme/load";
import cct from "../../schemes/cct-sc03-12.yaml";
import completeness from "../../schemes/completeness-2025.yaml";
import self from "../../schemes/gbt27922-2011-self.yaml";
import maturity from "../../schemes/maturity-jsgf-06.yaml";
import checklist from "../../schemes/service-characteristics.yaml";

/**
 * The schemes, bundled: webpack turns each YAML file into its data at build time (scripts/yaml-loader.js),
 * so the pane needs no file access and no YAML parser; zod still validates them as the CLI does.
 */
export function bundledSchemes(): Scheme[] {
  return [
    ["gbt27922-2011-self", self],
    ["cct-sc03-12", cct],
    ["maturity-jsgf-06", maturity],
    ["completeness-2025", completeness],
    ["service-characteristics", checklist],
  ].map(([id, data]) => validateScheme(data, `schemes/${String(id)}.yaml`));
}
