import { deriveIamName } from "../constructs";

describe("deriveIamName", () => {
  test("keeps a name that fits", () => {
    expect(deriveIamName("prod-", "orders-api", 64)).toBe("prod-orders-api");
  });

  test("keeps a name of exactly the limit", () => {
    const base = "a".repeat(59);

    expect(deriveIamName("prod-", base, 64)).toBe(`prod-${base}`);
  });

  test("cuts a longer name to the limit with a hash", () => {
    const name = deriveIamName("prod-", "a".repeat(60), 64);

    expect(name).toHaveLength(64);
    expect(name).toMatch(/^prod-a+-[0-9a-f]{8}$/);
  });

  test("gives different names to long names that share a beginning", () => {
    const first = deriveIamName("", `${"x".repeat(70)}-one`, 64);
    const second = deriveIamName("", `${"x".repeat(70)}-two`, 64);

    expect(first).not.toBe(second);
  });

  test("gives the same name for the same input", () => {
    expect(deriveIamName("p-", "y".repeat(100), 64)).toBe(deriveIamName("p-", "y".repeat(100), 64));
  });
});
