import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

// A provider package's root (its lib/index barrel) loads every binding of the
// provider: for @cdktf/provider-aws 21.22.1 that is about 2,600 modules and
// 4 to 5 s of `require` on a 2-core machine. A deep path loads one class.

const PROVIDERS = ["@cdktf/provider-aws", "@cdktf/provider-mongodbatlas"];
const SOURCE_ROOTS = ["constructs", "app", "main.ts", "examples", "guardrails", "review", "scripts", "bench", "test"];
const SOURCE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set(["node_modules", "cdktf.out"]);

interface RootImport {
  readonly line: number;
  readonly specifier: string;
}

/** True when a module specifier names a provider package's root or its lib barrel. */
function isProviderRoot(specifier: string): boolean {
  const normalized = specifier.replace(/\/+$/, "").replace(/\.js$/, "").replace(/\/+$/, "");
  return PROVIDERS.some((provider) => [provider, `${provider}/lib`, `${provider}/lib/index`].includes(normalized));
}

/** Returns the module specifier of a call that loads a module: require(), import(), jest.requireActual() or jest.requireMock(). */
function loadedByCall(call: ts.CallExpression): ts.Expression | undefined {
  const callee = call.expression;
  const loads =
    callee.kind === ts.SyntaxKind.ImportKeyword ||
    (ts.isIdentifier(callee) && callee.text === "require") ||
    (ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === "jest" &&
      ["requireActual", "requireMock"].includes(callee.name.text));
  return loads ? call.arguments[0] : undefined;
}

/** Finds every import, re-export, require or dynamic import of a provider root in one source text, with its line. */
function findProviderRootImports(fileName: string, text: string): RootImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: RootImport[] = [];
  const check = (node: ts.Node | undefined) => {
    if (node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && isProviderRoot(node.text)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, specifier: node.text });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      check(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      check(node.moduleReference.expression);
    } else if (ts.isCallExpression(node)) {
      check(loadedByCall(node));
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      check(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(path: string): string[] {
  if (!existsSync(path)) {
    return [];
  }
  if (!statSync(path).isDirectory()) {
    return SOURCE_FILE.test(path) ? [path] : [];
  }
  return readdirSync(path)
    .filter((entry) => !SKIPPED_FOLDERS.has(entry))
    .flatMap((entry) => sourceFiles(join(path, entry)));
}

describe("findProviderRootImports", () => {
  test.each([
    ["an import declaration", `import { IamRole } from "@cdktf/provider-aws";`],
    ["a type-only import", `import type { IamRoleConfig } from "@cdktf/provider-aws";`],
    ["a namespace import of the lib barrel", `import * as aws from "@cdktf/provider-aws/lib";`],
    ["an import of lib/index", `import { iamRole } from "@cdktf/provider-aws/lib/index";`],
    ["an import of lib/index.js", `import { iamRole } from "@cdktf/provider-aws/lib/index.js";`],
    ["a root path with a trailing slash", `import { provider } from "@cdktf/provider-mongodbatlas/";`],
    ["a side-effect import", `import "@cdktf/provider-mongodbatlas";`],
    ["a re-export", `export * from "@cdktf/provider-mongodbatlas";`],
    ["a named re-export", `export { databaseUser } from "@cdktf/provider-mongodbatlas/lib";`],
    ["a require call", `const aws = require("@cdktf/provider-aws");`],
    ["a require call with a template literal", "const aws = require(`@cdktf/provider-aws`);"],
    ["an import-equals require", `import aws = require("@cdktf/provider-aws");`],
    ["a dynamic import", `async function load() { return import("@cdktf/provider-mongodbatlas"); }`],
    ["jest.requireActual", `const real = jest.requireActual("@cdktf/provider-aws/lib");`],
    ["an import type expression", `let role: import("@cdktf/provider-aws").iamRole.IamRole;`],
  ])("catches %s", (_form, text) => {
    expect(findProviderRootImports("sample.ts", text)).toHaveLength(1);
  });

  test("reports the line of each root import", () => {
    const text = [
      `import { IamRole } from "@cdktf/provider-aws/lib/iam-role";`,
      "",
      `const atlas = require("@cdktf/provider-mongodbatlas");`,
      `export async function load() {`,
      `  return import("@cdktf/provider-aws/lib");`,
      `}`,
    ].join("\n");
    expect(findProviderRootImports("sample.ts", text)).toEqual([
      { line: 3, specifier: "@cdktf/provider-mongodbatlas" },
      { line: 5, specifier: "@cdktf/provider-aws/lib" },
    ]);
  });

  test.each([
    ["a deep import of one resource", `import { IamRole } from "@cdktf/provider-aws/lib/iam-role";`],
    ["a deep require", `const { DatabaseUser } = require("@cdktf/provider-mongodbatlas/lib/database-user");`],
    ["a deep dynamic import", `void import("@cdktf/provider-aws/lib/provider");`],
    ["another package whose name starts alike", `import { x } from "@cdktf/provider-aws-extra";`],
    ["cdktf itself", `import { App } from "cdktf";`],
    ["the package name in a plain string", `const name = "@cdktf/provider-aws";`],
    ["the package name in a comment", `// import { IamRole } from "@cdktf/provider-aws";`],
    ["a require of a computed name", "const aws = require(`@cdktf/${name}`);"],
  ])("accepts %s", (_form, text) => {
    expect(findProviderRootImports("sample.ts", text)).toEqual([]);
  });
});

describe("the repository's sources", () => {
  const root = join(__dirname, "..");
  const files = SOURCE_ROOTS.flatMap((entry) => sourceFiles(join(root, entry)));

  test("include the app entry, the library and the tests", () => {
    const names = files.map((file) => relative(root, file));
    expect(names).toEqual(expect.arrayContaining(["main.ts", "constructs/index.ts", "test/imports.test.ts"]));
  });

  test("import provider classes by deep path only", () => {
    const problems = files.flatMap((file) =>
      findProviderRootImports(file, readFileSync(file, "utf8")).map(
        ({ line, specifier }) =>
          `${relative(root, file)}:${line}: imports the package root ${specifier}. Import each class by its deep path, such as @cdktf/provider-aws/lib/iam-role`,
      ),
    );
    expect(problems).toEqual([]);
  });
});
