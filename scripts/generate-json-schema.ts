// Writes schema/platform.schema.json from the configuration schema, for editors.
// Run with `npm run schema`; a test fails when the file is out of date.
import { writeFileSync } from "node:fs";
import { renderJsonSchema } from "../app/config/json-schema";

writeFileSync("schema/platform.schema.json", renderJsonSchema());
