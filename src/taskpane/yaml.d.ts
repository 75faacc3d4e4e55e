/** Scheme files, turned into their data by the webpack YAML loader. */
declare module "*.yaml" {
  const data: unknown;
  export default data;
}

/** Stylesheets, bundled as text and put in a <style> at start-up. */
declare module "*.css" {
  const text: string;
  export default text;
}
