/**
 * Writes block bodies: arguments, meta-arguments and nested blocks.
 *
 * NOTE: Terraform JSON does not tell an argument from a nested block. Only the provider
 * schema does, and it is not available offline. So bodies of resources, data sources and
 * providers follow the convention of the providers this project uses, `aws` and
 * `mongodbatlas`, whose cdktf bindings mark such keys as blocks. A non-empty list of
 * objects, such as `roles` of `mongodbatlas_database_user` or `default_tags` of the `aws`
 * provider, is written as repeated nested blocks. An object, such as `tags`, is written as
 * a map argument. A provider attribute of list-of-objects type would need the argument
 * form instead.
 */
import { JsonObject, renderBareList, renderValue } from "./expressions";

/** The treatment of keys that are not plain arguments, for one kind of body. */
export interface BodyRules {
  /** Keys whose values are expressions written bare, such as `depends_on`. */
  readonly bare?: readonly string[];
  /** Keys written as nested blocks that follow their own rules, such as `lifecycle`. */
  readonly blocks?: Readonly<Record<string, BodyRules>>;
  /** Keys this writer rejects. */
  readonly unsupported?: readonly string[];
  /** Writes other lists of objects as repeated nested blocks with the same rules. */
  readonly listsOfObjectsAreBlocks?: boolean;
}

/** A body of plain arguments only. */
export const ARGUMENTS_ONLY: BodyRules = {};

/** Writes `TYPE "LABEL" ... { BODY }`. */
export function block(type: string, labels: readonly string[], body: readonly string[]): string {
  const header = [type, ...labels.map((label) => JSON.stringify(label))].join(" ");
  return body.length === 0 ? `${header} {}` : `${header} {\n${body.join("\n")}\n}`;
}

/**
 * Writes the lines of a body. `path` names the body in errors, for example
 * `resource.aws_iam_role.app`.
 *
 * @throws Error naming the path of a key the rules reject or a value of the wrong shape.
 */
export function renderBody(body: JsonObject, path: string, rules: BodyRules): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === "//") {
      continue;
    }
    const where = `${path}.${key}`;
    const nestedRules = rules.blocks?.[key];
    if (rules.unsupported?.includes(key)) {
      throw new Error(`Unsupported "${key}" at ${path}: this writer does not write provisioner, connection or dynamic blocks.`);
    } else if (rules.bare?.includes(key)) {
      lines.push(`${key} = ${renderBareList(value, where)}`);
    } else if (nestedRules !== undefined) {
      lines.push(...asBlockList(value, where).map((item, index) => block(key, [], renderBody(item, itemPath(where, value, index), nestedRules))));
    } else if (rules.listsOfObjectsAreBlocks === true && isListOfObjects(value)) {
      lines.push(...value.map((item, index) => block(key, [], renderBody(item, `${where}[${index}]`, rules))));
    } else {
      lines.push(`${key} = ${renderValue(value)}`);
    }
  }
  return lines;
}

/**
 * Reads a value that must be a JSON object.
 *
 * @throws Error naming `path` and the value otherwise.
 */
export function asObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) {
    throw new Error(`Invalid ${path} ${JSON.stringify(value)?.slice(0, 200)}: expected a JSON object.`);
  }
  return value;
}

/**
 * Reads a repeated block, which Terraform JSON writes as an array of bodies or as a
 * single body.
 *
 * @throws Error naming the path of an item that is not an object.
 */
export function asBlockList(value: unknown, path: string): JsonObject[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => asObject(item, itemPath(path, value, index)));
}

function itemPath(path: string, value: unknown, index: number): string {
  return Array.isArray(value) ? `${path}[${index}]` : path;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isListOfObjects(value: unknown): value is JsonObject[] {
  return Array.isArray(value) && value.length > 0 && value.every(isObject);
}
