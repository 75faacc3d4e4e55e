import { COMMANDS } from "../../src/cli/commandLine";
import { run } from "../support/cli";

/** Help is generated from the declarations the parser reads: every declared option shows, nothing else parses. */
describe("starscore --help and starscore <command> --help", () => {
  it("lists every command with every option it takes", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    for (const { spec } of COMMANDS) {
      const line = out.split("\n").find((l) => l.startsWith(`  starscore ${spec.name} `) || l === `  starscore ${spec.name}`);
      expect(line).toBeDefined();
      for (const [name, o] of Object.entries(spec.options)) expect(line).toContain(o.short !== undefined ? `-${o.short} ` : `--${name}`);
    }
  });

  it.each(COMMANDS.map((c) => [c.spec.name, c.spec] as const))("%s --help names each option and what it is for, exit 0", async (name, spec) => {
    for (const flag of ["--help", "-h"]) {
      const { code, out, err } = await run(name, flag);
      expect([code, err]).toEqual([0, ""]);
      expect(out).toMatch(new RegExp(`^usage: starscore ${name}`));
      for (const [option, o] of Object.entries(spec.options)) expect(out).toContain(`--${option}${o.type === "string" ? " " : ""}`);
      for (const [, o] of Object.entries(spec.options)) expect(out).toContain(o.help);
    }
  });

  it("refuses what is not declared with the usage line, exit 2", async () => {
    const { code, err } = await run("schemes", "--colour");
    expect(code).toBe(2);
    expect(err).toBe("starscore: Unknown option '--colour' — usage: starscore schemes [--json] [--lang zh|en]\n");
  });

  it("refuses a value outside the declared choices, naming them", async () => {
    const { code, err } = await run("schemes", "--lang", "fr");
    expect([code, err]).toEqual([2, 'starscore: --lang takes zh or en, not "fr"\n']);
  });
});
