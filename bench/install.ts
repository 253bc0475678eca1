import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The cost of a clean install. */
export interface InstallFigures {
  /** Wall time of `npm ci` in a fresh clone. */
  readonly seconds: number;
  readonly exitCode: number;
  /** Disk use of the clone's node_modules after the install, in bytes. */
  readonly nodeModulesBytes: number;
  /** The commit the clone checked out. */
  readonly commit: string;
}

/**
 * Clones `repository` into a temporary folder, times `npm ci` there and
 * measures the installed node_modules. The clone contains committed files only,
 * so uncommitted changes to the package files are not part of the figure.
 * The temporary folder is removed afterwards.
 */
export function measureInstall(repository: string): InstallFigures {
  const folder = mkdtempSync(join(tmpdir(), "bench-install-"));
  const clone = join(folder, "repo");
  try {
    const cloned = spawnSync("git", ["clone", "--quiet", repository, clone], { encoding: "utf8" });
    if (cloned.status !== 0) {
      throw new Error(`git clone of ${repository} failed with status ${cloned.status}: ${cloned.stderr.trim()}. Check that it is a git repository`);
    }
    const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: clone, encoding: "utf8" }).stdout.trim();
    const start = process.hrtime.bigint();
    const install = spawnSync("npm", ["ci"], { cwd: clone, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { seconds, exitCode: install.status ?? 1, nodeModulesBytes: diskUsage(join(clone, "node_modules")), commit };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Disk use of a folder in bytes, as `du -sk` reports it; 0 when du fails. */
export function diskUsage(folder: string): number {
  const result = spawnSync("du", ["-sk", folder], { encoding: "utf8" });
  const kibibytes = Number(result.stdout?.split("\t")[0]);
  return result.status === 0 && Number.isFinite(kibibytes) ? kibibytes * 1024 : 0;
}
