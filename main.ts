// The cdktf app. See app/main.ts for how the configuration file is chosen.
import { run } from "./app/main";

// cdktf records a full stack trace for every token it creates. Mapping each
// one back to TypeScript sources costs about a sixth of a large synth, and
// the app reports input errors without stack traces, so source maps are off.
process.setSourceMapsEnabled(false);

process.exitCode = run(
  process.argv.slice(2),
  process.env,
  (line) => console.error(line),
  (line) => console.log(line),
);
