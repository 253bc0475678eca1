import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

describe("run-compiled", () => {
  test("runs main.ts as compiled JavaScript", () => {
    const result = spawnSync(process.execPath, ["scripts/run-compiled.js", "main.ts", "--help"], { encoding: "utf8" });

    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("Usage: npm run synth -- [CONFIG_FILE]");
  });

  test("is the synth command of npm and cdktf", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    const cdktf = JSON.parse(readFileSync("cdktf.json", "utf8")) as { app: string };

    expect(scripts.synth).toBe("node scripts/run-compiled.js main.ts");
    expect(cdktf.app).toBe(scripts.synth);
  });

  test("rejects a call without an entry", () => {
    const result = spawnSync(process.execPath, ["scripts/run-compiled.js"], { encoding: "utf8" });

    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: node scripts\/run-compiled\.js ENTRY\.ts/);
  });
});
