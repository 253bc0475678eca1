import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_EXAMPLE, defaultExample, writeConfig } from "./helpers/config";
import { runApp } from "./helpers/app";

type Annotation = { constructPath: string; level: string; message: string };

function annotationsOf(outdir: string, stack: string): Annotation[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { annotations: Annotation[] }> };
  return manifest.stacks[stack].annotations;
}

describe("guardrails in the app", () => {
  test("find no error in the default example", () => {
    const run = runApp(DEFAULT_EXAMPLE);

    expect(run.exitCode).toBe(0);
    expect(annotationsOf(run.outdir, "prod").filter((annotation) => annotation.level === "@cdktf/error")).toEqual([]);
  });

  test("print and keep the default example's one warning", () => {
    const run = runApp(DEFAULT_EXAMPLE);
    const warnings = annotationsOf(run.outdir, "prod").filter((annotation) => annotation.level === "@cdktf/warn");

    expect(warnings.map((warning) => warning.constructPath)).toEqual(["prod/legacy-report-host"]);
    expect(warnings[0].message).toMatch(/relies on long-lived access keys.*Prefer a role/);
    expect(run.lines).toEqual([
      expect.stringMatching(/^warning: prod\/legacy-report-host: Atlas access for IAM user prod-legacy-report-host relies on long-lived access keys/),
      expect.stringMatching(/^Synthesized /),
    ]);
  });

  test("fail synth past the Atlas user limit of a project", () => {
    const config = defaultExample();
    const template = config.workloads[0];
    config.workloads = Array.from({ length: 101 }, (_, index) => ({ ...structuredClone(template), name: `worker-${index}` }));

    const run = runApp(writeConfig(config));

    expect(run.exitCode).toBe(1);
    expect(run.lines).toEqual([expect.stringMatching(/platform\.yaml: prod: \[ATLAS-PROJECT-USER-LIMIT\] .*101/)]);
  });

  test("record opt-ins as suppressions with their reason", () => {
    const config = defaultExample();
    config.workloads[0].access = { grants: [{ role: "readAnyDatabase" }], projectWideAccess: true, allowPrivilegedRoles: true };

    const run = runApp(writeConfig(config));

    expect(run.exitCode).toBe(0);
    const messages = annotationsOf(run.outdir, "prod").filter((annotation) => annotation.level === "@cdktf/info").map((annotation) => annotation.message);
    expect(messages).toContain("[ATLAS-ROLE-PRIVILEGED] suppressed: allowPrivilegedRoles is true on this Atlas user");
    expect(messages).toContain("[ATLAS-USER-NO-SCOPES] suppressed: projectWideAccess is true on this Atlas user");
    expect(readFileSync(join(run.outdir, "manifest.json"), "utf8")).not.toContain(process.cwd());
  });
});

describe("suppressions in the config", () => {
  test("reject an unknown rule ID", () => {
    const config = defaultExample();
    config.workloads[2].suppress = [{ rule: "ATLAS-NO-SUCH-RULE", reason: "a reason that is long enough" }];

    expect(runApp(writeConfig(config)).lines).toEqual([
      expect.stringMatching(/workloads\[2\]\.suppress\[0\]\.rule: is not a guardrail rule\. Use a rule ID from docs\/rules\.md \(got "ATLAS-NO-SUCH-RULE"\)$/),
    ]);
  });

  test("reject a reason too short to judge", () => {
    const config = defaultExample();
    config.workloads[2].suppress = [{ rule: "ATLAS-USER-NO-SCOPES", reason: "ok" }];

    expect(runApp(writeConfig(config)).lines).toEqual([
      expect.stringMatching(/workloads\[2\]\.suppress\[0\]\.reason: must say in at least 10 characters why the rule does not apply/),
    ]);
  });
});
