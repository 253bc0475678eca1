/**
 * Lookups over one synthesized stack: blocks by type and by reference,
 * construct paths, and outputs by the construct that defines them.
 */
import { SynthStack, TerraformBlock } from "./read-output";
import { TerraformReference, soleReference } from "./terraform-template";

/** A resource or data source with its address and construct path. */
export interface IndexedBlock {
  readonly mode: "resource" | "data";
  readonly type: string;
  readonly name: string;
  /** `TYPE.NAME`, or `data.TYPE.NAME` for a data source. */
  readonly address: string;
  /** The construct path below the stack, for example `checkout-api/Role`; the logical ID when cdktf wrote none. */
  readonly path: string;
  readonly body: TerraformBlock;
}

/** A Terraform output with the construct path of the `TerraformOutput` that defines it. */
export interface IndexedOutput {
  readonly id: string;
  readonly value: unknown;
  /** The construct path below the stack; undefined when the stack carries no output metadata. */
  readonly path: string | undefined;
}

/** Lookups over the blocks and outputs of one stack. */
export class StackIndex {
  /** The stack name, the first segment of every construct path in it. */
  public readonly stackName: string;
  private readonly blocks: IndexedBlock[];
  private readonly byAddress = new Map<string, IndexedBlock>();
  private readonly outputList: IndexedOutput[];

  public constructor(stack: SynthStack) {
    this.stackName = stack.name;
    this.blocks = [
      ...indexBlocks("resource", stack.terraform.resource, stack.name),
      ...indexBlocks("data", stack.terraform.data, stack.name),
    ];
    for (const block of this.blocks) this.byAddress.set(block.address, block);

    const outputPaths = outputConstructPaths(stack.terraform["//"]?.outputs, stack.name);
    this.outputList = Object.entries(stack.terraform.output ?? {})
      .map(([id, output]) => ({ id, value: output?.value, path: outputPaths.get(id) }))
      .sort((left, right) => compareText(left.id, right.id));
  }

  /** Returns the resources of one type, sorted by logical ID. */
  public resources(type: string): IndexedBlock[] {
    return this.blocks.filter((block) => block.mode === "resource" && block.type === type);
  }

  /** Returns the resources and data sources of one type, sorted by address. */
  public resourcesAndData(type: string): IndexedBlock[] {
    return this.blocks.filter((block) => block.type === type);
  }

  /** Finds the block a reference points at, if it is in this stack. */
  public find(reference: TerraformReference): IndexedBlock | undefined {
    const prefix = reference.mode === "data" ? "data." : "";
    return this.byAddress.get(`${prefix}${reference.type}.${reference.name}`);
  }

  /**
   * Returns the block of type `type` when `text` is exactly `${TYPE.NAME.ATTRIBUTE}`
   * with one of `attributes`, else undefined.
   */
  public referencedBlock(text: unknown, type: string, attributes: readonly string[]): IndexedBlock | undefined {
    if (typeof text !== "string") return undefined;
    const reference = soleReference(text);
    if (reference === undefined || reference.type !== type || !attributes.includes(reference.attribute)) return undefined;
    return this.find(reference);
  }

  /** Returns every output, sorted by ID. */
  public outputs(): readonly IndexedOutput[] {
    return this.outputList;
  }
}

function indexBlocks(
  mode: "resource" | "data",
  byType: Record<string, Record<string, TerraformBlock>> | undefined,
  stackName: string,
): IndexedBlock[] {
  const blocks: IndexedBlock[] = [];
  for (const [type, byName] of Object.entries(byType ?? {})) {
    for (const [name, body] of Object.entries(byName ?? {})) {
      const address = `${mode === "data" ? "data." : ""}${type}.${name}`;
      blocks.push({ mode, type, name, address, path: constructPathOf(body, stackName) ?? name, body });
    }
  }
  return blocks.sort((left, right) => compareText(left.address, right.address));
}

function constructPathOf(body: TerraformBlock, stackName: string): string | undefined {
  const metadata = (body["//"] as { metadata?: { path?: unknown } } | undefined)?.metadata;
  return typeof metadata?.path === "string" ? belowStack(metadata.path, stackName) : undefined;
}

/** Removes the leading stack name from a construct path. */
export function belowStack(path: string, stackName: string): string {
  return path.startsWith(`${stackName}/`) ? path.slice(stackName.length + 1) : path;
}

/**
 * Reads cdktf's `//.outputs` metadata: a tree of construct IDs whose leaves
 * map an output construct's ID to the output's logical ID.
 */
function outputConstructPaths(tree: unknown, stackName: string): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (node: unknown, segments: string[]) => {
    if (typeof node !== "object" || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === "string") {
        paths.set(child, belowStack([...segments, key].join("/"), stackName));
      } else {
        walk(child, [...segments, key]);
      }
    }
  };
  walk(tree, []);
  return paths;
}

/** Compares by UTF-16 code units, so the order never depends on the locale. */
export function compareText(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
