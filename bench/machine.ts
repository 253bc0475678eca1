import { spawnSync } from "node:child_process";
import { cpus, release, totalmem, type } from "node:os";

/** Describes the machine a benchmark runs on, in one line for the report. */
export function describeMachine(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? "unknown processor";
  const npm = spawnSync("npm", ["--version"], { encoding: "utf8" }).stdout?.trim() || "unknown";
  const memory = `${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`;
  return `${processors.length} cores (${model}), ${memory}, ${type()} ${release()}, node ${process.version}, npm ${npm}`;
}
