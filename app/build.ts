import { App } from "cdktf";
import { PlatformConfig } from "./config/schema";
import { PlatformStack } from "./stack/platform-stack";

/**
 * Adds one stack per environment of `config` to `app`. `projectRoot` is the
 * project root relative to a stack's output folder, for local state files.
 */
export function buildPlatform(app: App, config: PlatformConfig, projectRoot?: string): PlatformStack[] {
  return config.environments.map((environment) => new PlatformStack(app, { environment, workloads: config.workloads, projectRoot }));
}
