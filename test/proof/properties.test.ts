import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { AppRun, addressesOf, filesUnder, runApp, stackOf } from "../helpers/app";
import { DEFAULT_EXAMPLE, temporaryFolder, writeConfig } from "../helpers/config";
import { identityProviderMetadata } from "../helpers/saml-metadata";
import { SynthesizedStack } from "../helpers/stack";
import { GENERATED_KINDS, RawConfig, ValidCase, validConfig, workload } from "./arbitraries";
import { invalidating } from "./mutations";
import { TRUST_CASES } from "./trust-cases";

// A fixed seed keeps the suite deterministic. On a failure, fast-check prints the seed and
// the counterexample, so the run can be replayed.
const SEED = 424242;

let metadataFile: string;

beforeAll(() => {
  // The certificate of the default example's identity provider saves generating an RSA key.
  const example = readFileSync(join(DEFAULT_EXAMPLE, "..", "saml", "example-idp-metadata.xml"), "utf8");
  const certificate = /<ds:X509Certificate>([\s\S]*?)<\/ds:X509Certificate>/.exec(example)?.[1].replace(/\s+/g, "");
  if (certificate === undefined) {
    throw new Error("The default example's SAML metadata has no X509Certificate element.");
  }
  metadataFile = join(temporaryFolder(), "idp-metadata.xml");
  writeFileSync(metadataFile, identityProviderMetadata(certificate, { host: "idp.generated.example.com" }));
});

/** Writes and synthesizes a configuration, and fails with the app's lines when it is rejected. */
function synthesize(config: RawConfig): AppRun {
  const run = runApp(writeConfig(config));
  if (run.exitCode !== 0) {
    throw new Error(`A valid configuration was rejected:\n${run.lines.join("\n")}`);
  }
  return run;
}

function stacksOf(run: AppRun, config: RawConfig): Record<string, SynthesizedStack> {
  return Object.fromEntries(config.environments.map((environment) => [environment.name as string, stackOf(run.outdir, environment.name as string)]));
}

/** Returns the workload a resource belongs to, read from its construct path `STACK/WORKLOAD/...`. */
function ownerOf(body: unknown): string {
  const path = (body as { "//"?: { metadata?: { path?: string } } })["//"]?.metadata?.path ?? "";
  return path.split("/")[1];
}

function keysAnywhere(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(keysAnywhere);
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [key, ...keysAnywhere(item)]);
  }
  return [];
}

const IAM_ARN = /^arn:aws:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/;

/** Checks each Atlas user: keyed on a role or user of the same stack or a literal IAM ARN, with `$external`. */
function expectAtlasUsersKeyedOnIam(stack: SynthesizedStack): void {
  const users = Object.values(stack.resource?.mongodbatlas_database_user ?? {});
  expect(users.length).toBeGreaterThan(0);
  for (const user of users) {
    expect(user.auth_database_name).toBe("$external");
    const username = user.username as string;
    const reference = /^\$\{(aws_iam_role|aws_iam_user)\.([^.}]+)\.arn\}$/.exec(username);
    if (reference !== null) {
      expect(stack.resource?.[reference[1]]?.[reference[2]]).toBeDefined();
      expect(user.aws_iam_type).toBe(reference[1] === "aws_iam_role" ? "ROLE" : "USER");
    } else {
      expect(username).toMatch(IAM_ARN);
      expect(user.aws_iam_type).toBe(IAM_ARN.exec(username)?.[1] === "role" ? "ROLE" : "USER");
    }
  }
}

/** Checks that every web identity statement conditions both the subject and the audience. */
function expectOidcTrustConditioned(policy: { Statement: { Action: string | string[]; Condition?: Record<string, Record<string, unknown>> }[] }): void {
  for (const statement of policy.Statement) {
    if (![statement.Action].flat().includes("sts:AssumeRoleWithWebIdentity")) {
      continue;
    }
    const keys = Object.values(statement.Condition ?? {}).flatMap((operator) => Object.keys(operator));
    expect(keys.some((key) => key.endsWith(":sub"))).toBe(true);
    expect(keys.some((key) => key.endsWith(":aud"))).toBe(true);
  }
}

describe("random valid configurations", () => {
  it("cover every workload kind", () => {
    expect([...GENERATED_KINDS].sort()).toEqual(Object.keys(TRUST_CASES).sort());
  });

  it("synthesize to passwordless IAM-keyed access", () => {
    fc.assert(
      fc.property(validConfig(metadataFile), ({ config }) => {
        const run = synthesize(config);
        for (const environment of config.environments) {
          const stack = stackOf(run.outdir, environment.name as string);
          expectAtlasUsersKeyedOnIam(stack);
          expect(keysAnywhere(stack).filter((key) => /password/i.test(key))).toEqual([]);

          const literal = (environment.aws as { accountId?: string }).accountId !== undefined;
          for (const role of Object.values(stack.resource?.aws_iam_role ?? {})) {
            const text = role.assume_role_policy as string;
            if (literal) {
              expect(text).not.toContain("${");
            }
            let policy;
            try {
              policy = JSON.parse(text);
            } catch (error) {
              // A policy with an interpolation that contains quotes is valid Terraform but not JSON before apply.
              expect(literal).toBe(false);
              continue;
            }
            expectOidcTrustConditioned(policy);
          }
        }
      }),
      { seed: SEED, numRuns: 8 },
    );
  });

  it("synthesize to the same bytes twice", () => {
    fc.assert(
      fc.property(validConfig(metadataFile), ({ config }) => {
        const first = filesUnder(synthesize(config).outdir);
        const second = filesUnder(synthesize(config).outdir);

        expect(Object.keys(first).length).toBeGreaterThan(0);
        expect(second).toEqual(first);
      }),
      { seed: SEED, numRuns: 3 },
    );
  });

  it("keep other workloads when one is added", () => {
    const withExtra = validConfig(metadataFile).chain((valid: ValidCase) => workload(valid.names, valid.freeName).map((extra) => ({ ...valid, extra })));
    fc.assert(
      fc.property(withExtra, ({ config, extra }) => {
        const without = stacksOf(synthesize(config), config);
        const withIt = stacksOf(synthesize({ ...config, workloads: [...config.workloads, extra] }), config);

        for (const [name, smaller] of Object.entries(without)) {
          const before = { ...addressesOf(smaller), ...prefixedOutputs(smaller) };
          const after = { ...addressesOf(withIt[name]), ...prefixedOutputs(withIt[name]) };
          for (const [address, body] of Object.entries(before)) {
            expect({ address, body: after[address] }).toEqual({ address, body });
          }
          const added = Object.keys(after).filter((address) => !(address in before));
          const outputPrefix = `output.${String(extra.name).replace(/-/g, "_")}_`;
          for (const address of added) {
            let owner = ownerOf(after[address]);
            if (address.startsWith("output.")) {
              owner = address.startsWith(outputPrefix) ? String(extra.name) : address;
            }
            // The EKS OIDC providers and cluster lookups are shared, and appear with the first workload that needs them.
            expect({ address, owner }).toEqual({ address, owner: expect.stringMatching(new RegExp(`^(${String(extra.name)}|EksOidcProviders|AtlasClusters)$`)) });
          }
        }
      }),
      { seed: SEED, numRuns: 4 },
    );
  });

  it("move every address of a renamed workload", () => {
    const withTarget = validConfig(metadataFile).chain((valid) => fc.nat(valid.config.workloads.length - 1).map((index) => ({ ...valid, index })));
    fc.assert(
      fc.property(withTarget, ({ config, freeName, index }) => {
        const oldName = config.workloads[index].name as string;
        const renamed = structuredClone(config);
        Object.assign(renamed.workloads[index], { name: freeName, renamedFrom: oldName });

        const before = stacksOf(synthesize(config), config);
        const after = stacksOf(synthesize(renamed), config);

        for (const [name, stack] of Object.entries(before)) {
          const oldAddresses = Object.entries(addressesOf(stack))
            .filter(([address, body]) => !address.startsWith("data.") && ownerOf(body) === oldName)
            .map(([address]) => address);
          const moved = ((after[name] as { moved?: { from: string; to: string }[] }).moved ?? []);
          const newAddresses = addressesOf(after[name]);

          expect(oldAddresses.length).toBeGreaterThan(0);
          expect(moved.map((block) => block.from).sort()).toEqual(oldAddresses.sort());
          for (const block of moved) {
            expect(ownerOf(newAddresses[block.to])).toBe(freeName);
            expect(block.to.split(".")[0]).toBe(block.from.split(".")[0]);
          }
        }
      }),
      { seed: SEED, numRuns: 4 },
    );
  });
});

function prefixedOutputs(stack: SynthesizedStack): Record<string, unknown> {
  return Object.fromEntries(Object.entries(stack.output ?? {}).map(([name, output]) => [`output.${name}`, output]));
}

describe("random invalid configurations", () => {
  it("exit 1 with file-prefixed lines only", () => {
    fc.assert(
      fc.property(validConfig(metadataFile), invalidating, ({ config }, mutation) => {
        const mutated = structuredClone(config);
        mutation.apply(mutated);
        const file = writeConfig(mutated);
        const outdir = join(temporaryFolder(), "cdktf.out");

        const run = runApp(file, outdir);

        expect(run.exitCode).toBe(1);
        expect(run.lines.length).toBeGreaterThan(0);
        for (const line of run.lines) {
          expect(line.startsWith(`${file}: `)).toBe(true);
          expect(line).not.toMatch(/^\s+at |\n\s+at /);
        }
        expect(filesUnder(outdir)).toEqual({});
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
