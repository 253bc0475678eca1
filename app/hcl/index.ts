// HCL output: cdk.tf.json converted to HCL native syntax.
export type { JsonObject } from "./expressions";
export { renderTemplateString, renderValue } from "./expressions";
export { stackToHcl } from "./stack-to-hcl";
export { runSynthHcl } from "./synth-hcl";
export { HCL_FOLDER, writeStacksAsHcl } from "./write-stacks";
export type { TemplatePart } from "./template";
export { splitTemplate } from "./template";
