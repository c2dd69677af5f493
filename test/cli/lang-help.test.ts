/**
 * A language the tools do not have is refused before anything else, `--help` included: the
 * README promises exit 2 for any language other than vi or en, and Vietnamese help printed with
 * exit 0 to someone who asked for another language reads as success.
 */
import { main as deanCheck } from "../../src/cli/main";
import { main as deanRulebook } from "../../src/cli/dean-rulebook";
import { main as deanTemplate } from "../../src/cli/dean-template";
import { runMain } from "../helpers/cli";

const tools = [
  ["dean-check", deanCheck],
  ["dean-template", deanTemplate],
  ["dean-rulebook", deanRulebook],
] as const;

describe.each(tools)("%s", (tool, main) => {
  it.each([[["--help", "--lang", "xx"]], [["--lang", "xx", "--help"]], [["-h", "--lang=fr"]]])(
    "refuses %j in both languages with exit 2, without the help",
    async (argv) => {
      const r = await runMain(main, [...argv]);
      const lang = argv.join(" ").includes("fr") ? "fr" : "xx";
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toBe(
        `${tool}: Ngôn ngữ "${lang}" không có: chọn vi hoặc en. / There is no language "${lang}": choose vi or en.\n`,
      );
    },
  );

  it("still gives its help with --lang vi and --lang en", async () => {
    expect((await runMain(main, ["--help", "--lang", "vi"])).code).toBe(0);
    expect((await runMain(main, ["--lang", "en", "--help"])).code).toBe(0);
  });
});
