import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SynthOutputError, readSynthOutput } from "../../review/access/read-output";
import { temporaryFolder } from "../helpers/config";
import { memoryStack, writeOutputFolder } from "../fixtures/review/access-output";

describe("reading the output folder", () => {
  test("reads listed stacks and annotations", () => {
    const annotation = { constructPath: "prod/app/Role", level: "@cdktf/warn", message: "[RULE] text" };
    const folder = writeOutputFolder([memoryStack({ output: { app_uri: { value: "mongodb://x" } } }, [annotation])]);

    const output = readSynthOutput(folder);

    expect(output.stacks).toEqual([{ name: "prod", annotations: [annotation], terraform: { output: { app_uri: { value: "mongodb://x" } } } }]);
  });

  test("missing manifest asks for a synth", () => {
    const folder = temporaryFolder();

    expect(() => readSynthOutput(folder)).toThrow(SynthOutputError);
    expect(() => readSynthOutput(folder)).toThrow(`${join(folder, "manifest.json")} not found; run npm run synth first`);
  });

  test("invalid manifest JSON names the file", () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, "manifest.json"), "{");

    expect(() => readSynthOutput(folder)).toThrow(new RegExp(`^${join(folder, "manifest.json")}: invalid JSON \\(.*\\); run npm run synth again$`));
  });

  test("manifest without stacks is rejected", () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, "manifest.json"), JSON.stringify({ version: "0.21.0" }));

    expect(() => readSynthOutput(folder)).toThrow(`${join(folder, "manifest.json")}: stacks is missing or not an object; run npm run synth again`);
  });

  test("missing stack file names the stack", () => {
    const folder = temporaryFolder();
    mkdirSync(join(folder, "stacks"));
    writeFileSync(join(folder, "manifest.json"), JSON.stringify({ stacks: { prod: { synthesizedStackPath: "stacks/prod/cdk.tf.json" } } }));

    expect(() => readSynthOutput(folder))
      .toThrow(`${join(folder, "stacks/prod/cdk.tf.json")} not found, although ${join(folder, "manifest.json")} lists stack prod; run npm run synth again`);
  });
});
