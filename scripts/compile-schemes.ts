// The build's step after tsc (`npm run build:cli`): validates every scheme file once and leaves the result in
// dist/compiled-schemes/, which the CLI reads instead of re-validating a file whose content has not changed.
import { COMPILED_DIR, writeCompiledSchemes } from "../src/cli/schemeFiles";

const names = writeCompiledSchemes();
process.stdout.write(`schemes validated into ${COMPILED_DIR}: ${names.join(", ")}\n`);
