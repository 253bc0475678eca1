/**
 * The Terraform template scanner, which lives with the HCL writer in app/hcl/. The
 * reference finder in this folder and its tests import it from here.
 */
export * from "../../app/hcl/template";
