import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { buildAccessReport } from "../../review/access/model";
import { readSynthOutput } from "../../review/access/read-output";
import { renderAccessReport } from "../../review/access/render";
import { AppRun, runApp } from "../helpers/app";
import { DEFAULT_EXAMPLE } from "../helpers/config";

/** Names of the workloads of the default example, read from the YAML so new workloads are covered too. */
function exampleWorkloadNames(): string[] {
  const config = parse(readFileSync(DEFAULT_EXAMPLE, "utf8")) as { workloads: { name: string }[] };
  return config.workloads.map((workload) => workload.name).sort();
}

describe("access report of the default example", () => {
  let run: AppRun;
  beforeAll(() => {
    run = runApp(DEFAULT_EXAMPLE);
  });

  test("synthesis succeeds", () => {
    // The log lines are part of the compared object so that a failure shows them.
    expect({ exitCode: run.exitCode, lines: run.lines }).toMatchObject({ exitCode: 0 });
  });

  test("lists every workload of the example", () => {
    const report = buildAccessReport(readSynthOutput(run.outdir));

    const names = report.stacks.flatMap((stack) => stack.workloads.map((row) => row.workload)).sort();
    expect(names).toEqual(exampleWorkloadNames());
  });

  test("every row has recognized trust", () => {
    const report = buildAccessReport(readSynthOutput(run.outdir));
    const markdown = renderAccessReport(report);

    for (const name of exampleWorkloadNames()) {
      expect(markdown).toContain(`\n| ${name} |`);
    }
    const rows = report.stacks.flatMap((stack) => stack.workloads);
    expect(rows.filter((row) => row.kind === "other" || row.trust.some((phrase) => phrase.flags.includes("unrecognized")))).toEqual([]);
  });
});
