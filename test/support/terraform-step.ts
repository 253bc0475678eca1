/**
 * Runs the Terraform evaluation step of a test where a `terraform` CLI exists, and
 * otherwise keeps the templates that need no evaluation, so a machine without Terraform
 * still checks every literal value.
 */
import { evaluateTerraformStrings, terraformAvailable } from "./terraform-eval";

let warned = false;

/**
 * Evaluates `templates` in one Terraform run. Without Terraform, prints one notice per
 * test file and returns only the templates without `${` or `%{`, unchanged, which is
 * what Terraform would return for them.
 */
export function evaluateWhereTerraformRuns(templates: Record<string, string>, references: Record<string, string>): Record<string, string> {
  if (terraformAvailable()) {
    return evaluateTerraformStrings(templates, references);
  }
  if (!warned) {
    warned = true;
    console.warn("terraform not found on PATH: the Terraform evaluation step is skipped, and only literal templates are checked.");
  }
  return Object.fromEntries(Object.entries(templates).filter(([, template]) => !/[$%]\{/.test(template)));
}
