// Synthesizes like `npm run synth` and also writes each stack as HCL to
// cdktf.out/hcl/NAME/main.tf. Run with `npm run synth:hcl [CONFIG]`.
import { runSynthHcl } from "../app/hcl";

// The exit is explicit because the HCL formatter's WebAssembly runtime keeps a
// timer pending for a second or more after its last call.
runSynthHcl(
  process.argv.slice(2),
  process.env,
  (line) => console.error(line),
  (line) => console.log(line),
).then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
