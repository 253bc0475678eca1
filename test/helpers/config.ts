import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { loadConfig } from "../../app/config/load";
import { ConfigError } from "../../app/config/problems";
import { PlatformConfig } from "../../app/config/schema";

/** Path of the default example, relative to the repository root where jest runs. */
export const DEFAULT_EXAMPLE = "examples/default/platform.yaml";

/**
 * Parses the default example without validating it, for tests that change one
 * field. Metadata file paths are made absolute, so a copy written to
 * another folder still finds them.
 */
export function defaultExample(): PlatformConfig {
  const config = parse(readFileSync(DEFAULT_EXAMPLE, "utf8")) as PlatformConfig;
  for (const environment of config.environments) {
    for (const provider of environment.saml?.providers ?? []) {
      if (provider.metadataFile !== undefined) {
        provider.metadataFile = resolve(dirname(DEFAULT_EXAMPLE), provider.metadataFile);
      }
    }
  }
  return config;
}

/** Creates a fresh temporary folder and returns its path. */
export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), "atlas-iam-access-"));
}

/** Writes a configuration object as YAML into a fresh folder and returns the file path. */
export function writeConfig(config: unknown, name = "platform.yaml"): string {
  const file = join(temporaryFolder(), name);
  writeFileSync(file, name.endsWith(".json") ? JSON.stringify(config) : stringify(config));
  return file;
}

/** Loads a config file and returns the lines of its error; fails the test when it loads. */
export function configProblemLines(file: string): string[] {
  try {
    loadConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.message.split("\n");
    }
    throw error;
  }
  throw new Error(`${file} loaded without error`);
}
