// A webpack loader: a scheme's YAML becomes its data (JSON) at build time, so the browser bundle
// carries no YAML parser. The pane validates the data with the same zod schema as the CLI.
const { parse } = require("yaml");

module.exports = function yamlLoader(source) {
  return `module.exports = ${JSON.stringify(parse(source))};`;
};
