// The cdktf app. See app/main.ts for how the configuration file is chosen.
import { run } from "./app/main";

process.exitCode = run(
  process.argv.slice(2),
  process.env,
  (line) => console.error(line),
  (line) => console.log(line),
);
