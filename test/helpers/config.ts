import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { PlatformConfig } from "../../app/config/schema";

/** Path of the default example, relative to the repository root where jest runs. */
export const DEFAULT_EXAMPLE = "examples/default/platform.yaml";

/** The default example, parsed but not validated, for tests that change one field. */
export function defaultExample(): PlatformConfig {
  return parse(readFileSync(DEFAULT_EXAMPLE, "utf8")) as PlatformConfig;
}

/** A fresh temporary folder. */
export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), "atlas-iam-access-"));
}

/** Writes a configuration object as YAML into a fresh folder and returns the file path. */
export function writeConfig(config: unknown, name = "platform.yaml"): string {
  const file = join(temporaryFolder(), name);
  writeFileSync(file, name.endsWith(".json") ? JSON.stringify(config) : stringify(config));
  return file;
}
