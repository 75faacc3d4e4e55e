import { readFileSync } from "node:fs";
import path from "node:path";
import { parseScheme, type Scheme } from "../../src/scheme/load";

const DIR = path.join(__dirname, "..", "..", "schemes");

/** Loads a scheme file of this repo by id, as the CLI does. */
export function schemeFile(id: string): Scheme {
  return parseScheme(readFileSync(path.join(DIR, `${id}.yaml`), "utf8"), `schemes/${id}.yaml`);
}
