import { EnvironmentConfig } from "../../app/config/schema";
import { runApp, stackOf } from "../helpers/app";
import { DEFAULT_EXAMPLE, defaultExample, writeConfig } from "../helpers/config";
import { SynthesizedStack } from "../helpers/stack";
import { fakeReferenceValues } from "../support/fake-references";
import { evaluateTrustPolicy } from "../support/iam-evaluator";
import { terraformAvailable } from "../support/terraform-eval";
import { evaluateWhereTerraformRuns } from "../support/terraform-step";
import { FAKE_ACCOUNT_ID, TrustCase, partitionOf, trustCasesOf } from "./trust-cases";

// The intended callers come from the configuration, never from the output.
const config = defaultExample();
const itWithTerraform = terraformAvailable() ? it : it.skip;

/** One IAM role of a synthesized stack: its address, workload and trust template. */
interface RoleTemplate {
  readonly key: string;
  readonly workload: string;
  readonly template: string;
}

/** Lists the roles of a stack, with the workload named by each role's construct path. */
function rolesOf(stack: SynthesizedStack, label: string): RoleTemplate[] {
  return Object.entries(stack.resource?.aws_iam_role ?? {}).map(([name, body]) => ({
    key: `${label}/aws_iam_role.${name}`,
    workload: (body["//"]?.metadata.path ?? "").split("/")[1],
    template: body.assume_role_policy as string,
  }));
}

/** Describes the fake account, which replaces the caller identity where the configuration gives no account. */
function fakeAccountOf(environment: EnvironmentConfig) {
  return {
    accountId: environment.aws.accountId ?? FAKE_ACCOUNT_ID,
    partition: partitionOf(environment.aws.region),
    region: environment.aws.region,
    srvHostOf: (cluster: string) => `${cluster}.fake.mongodb.net`,
  };
}

const roles: Record<string, RoleTemplate[]> = {};
/** The documents Terraform produced, by role key. Without Terraform, only the literal ones. */
let documents: Record<string, object> = {};
let evaluated: Record<string, string> = {};

beforeAll(() => {
  const withoutAccount = defaultExample();
  withoutAccount.environments.forEach((environment) => delete environment.aws.accountId);
  const runs = { given: runApp(DEFAULT_EXAMPLE), lookedUp: runApp(writeConfig(withoutAccount)) };

  const templates: Record<string, string> = {};
  const references: Record<string, string> = {};
  for (const [label, run] of Object.entries(runs)) {
    if (run.exitCode !== 0) {
      throw new Error(`The ${label} run failed:\n${run.lines.join("\n")}`);
    }
    for (const environment of config.environments) {
      const stack = stackOf(run.outdir, environment.name);
      const stackRoles = rolesOf(stack, `${label}/${environment.name}`);
      roles[`${label}/${environment.name}`] = stackRoles;
      stackRoles.forEach((role) => (templates[role.key] = role.template));
      const values = fakeReferenceValues(stack, stackRoles.map((role) => role.template), fakeAccountOf(environment));
      for (const [reference, value] of Object.entries(values)) {
        if (references[reference] !== undefined && references[reference] !== value) {
          throw new Error(`Reference ${reference} has two fake values: ${references[reference]} and ${value}.`);
        }
        references[reference] = value;
      }
    }
  }
  // Every policy of both runs goes through one Terraform run.
  evaluated = evaluateWhereTerraformRuns(templates, references);
  documents = Object.fromEntries(Object.entries(evaluated).map(([key, text]) => [key, JSON.parse(text) as object]));
});

describe("trust policies of the default example", () => {
  it("cover every role with allowed and denied cases", () => {
    for (const environment of config.environments) {
      const roleWorkloads = roles[`given/${environment.name}`].map((role) => role.workload).sort();
      const expected = config.workloads.filter((workload) => trustCasesOf(workload, environment) !== "no role");

      expect(roleWorkloads).toEqual(expected.map((workload) => workload.name).sort());
      for (const workload of expected) {
        const cases = trustCasesOf(workload, environment) as TrustCase[];
        expect(cases.some((item) => item.allowed)).toBe(true);
        expect(cases.some((item) => !item.allowed)).toBe(true);
      }
    }
  });

  itWithTerraform("evaluate through Terraform to the same text where the policy is literal", () => {
    const literal = Object.values(roles).flat().filter((role) => !role.template.includes("${"));

    expect(literal.length).toBeGreaterThan(0);
    for (const role of literal) {
      expect(evaluated[role.key]).toBe(role.template);
    }
  });

  itWithTerraform("evaluate to the same documents when Terraform looks the account up", () => {
    const lookedUp = Object.values(roles).flat().filter((role) => role.key.startsWith("lookedUp/"));

    expect(lookedUp.some((role) => role.template.includes("${"))).toBe(true);
    for (const role of lookedUp) {
      expect(documents[role.key]).toEqual(documents[role.key.replace(/^lookedUp\//, "given/")]);
    }
  });

  for (const environment of config.environments) {
    for (const workload of config.workloads) {
      const cases = trustCasesOf(workload, environment);
      if (cases === "no role") {
        it(`create no role for ${workload.name} (${workload.kind})`, () => {
          expect(roles[`given/${environment.name}`].map((role) => role.workload)).not.toContain(workload.name);
        });
        continue;
      }
      describe(`of ${workload.name} (${workload.kind}) in ${environment.name}`, () => {
        it.each(cases.map((item) => [item.allowed ? "allow" : "deny", item.caller, item] as const))("%s %s", (_verdict, _caller, item) => {
          const role = roles[`given/${environment.name}`].find((candidate) => candidate.workload === workload.name);
          const document = documents[role?.key ?? ""];
          if (document === undefined) {
            // Without Terraform only literal policies were evaluated; the default example gives the account, so all are literal.
            throw new Error(`No evaluated trust policy for ${workload.name}: its role is missing or its policy needs Terraform.`);
          }

          expect(evaluateTrustPolicy(document, item.request)).toEqual(item.allowed ? "Allow" : expect.stringMatching(/Deny$/));
        });
      });
    }
  }
});
