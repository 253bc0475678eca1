import { App } from "cdktf";
import { PlatformConfig } from "./config/schema";
import { PlatformStack } from "./stack/platform-stack";

/** Adds one stack per environment of `config` to `app`. */
export function buildPlatform(app: App, config: PlatformConfig): PlatformStack[] {
  return config.environments.map((environment) => new PlatformStack(app, { environment, workloads: config.workloads }));
}
