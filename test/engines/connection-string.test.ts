import dns from "node:dns";
import net from "node:net";
import tls from "node:tls";
import { MongoClient, type MongoOptions } from "mongodb";
import { parseConnectionString, redactCredentials } from "../support/connection-string";

const ATLAS_URI =
  "mongodb+srv://cluster0.ab1cd.mongodb.net/orders?authSource=%24external&authMechanism=MONGODB-AWS";

/** Replaces every DNS, TCP and TLS entry point with a spy that fails the test if called. */
function blockNetwork(): jest.SpyInstance[] {
  const blocked = (name: string) => () => {
    throw new Error(`Network call ${name} during connection string parsing`);
  };
  return [
    jest.spyOn(dns.promises, "resolve").mockImplementation(blocked("dns.promises.resolve")),
    jest.spyOn(dns.promises, "resolveSrv").mockImplementation(blocked("dns.promises.resolveSrv")),
    jest.spyOn(dns.promises, "resolveTxt").mockImplementation(blocked("dns.promises.resolveTxt")),
    jest.spyOn(dns.promises, "lookup").mockImplementation(blocked("dns.promises.lookup")),
    jest.spyOn(dns, "lookup").mockImplementation(blocked("dns.lookup")),
    jest.spyOn(net, "connect").mockImplementation(blocked("net.connect")),
    jest.spyOn(net, "createConnection").mockImplementation(blocked("net.createConnection")),
    jest.spyOn(tls, "connect").mockImplementation(blocked("tls.connect")),
  ];
}

describe("parseConnectionString", () => {
  let spies: jest.SpyInstance[];

  beforeEach(() => {
    spies = blockNetwork();
  });

  afterEach(() => {
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it("parses a passwordless Atlas SRV URI", () => {
    const parsed = parseConnectionString(ATLAS_URI);

    expect(parsed).toEqual({
      mechanism: "MONGODB-AWS",
      source: "$external",
      username: undefined,
      password: undefined,
      srvHost: "cluster0.ab1cd.mongodb.net",
      hosts: [],
      dbName: "orders",
    });
  });

  it("defaults MONGODB-AWS to the $external source", () => {
    const parsed = parseConnectionString("mongodb+srv://cluster0.ab1cd.mongodb.net/orders?authMechanism=MONGODB-AWS");

    expect(parsed.source).toBe("$external");
  });

  it("lists the seed hosts of a standard URI", () => {
    const parsed = parseConnectionString(
      "mongodb://shard-00-00.ab1cd.mongodb.net:27017,shard-00-01.ab1cd.mongodb.net/orders" +
        "?authSource=%24external&authMechanism=MONGODB-AWS&tls=true",
    );

    expect(parsed.srvHost).toBeUndefined();
    expect(parsed.hosts).toEqual(["shard-00-00.ab1cd.mongodb.net:27017", "shard-00-01.ab1cd.mongodb.net:27017"]);
  });

  it("returns SCRAM credentials as given", () => {
    const parsed = parseConnectionString("mongodb://app:s3cret@localhost:27017/orders?authSource=admin");

    expect(parsed.mechanism).toBe("DEFAULT");
    expect(parsed.username).toBe("app");
    expect(parsed.password).toBe("s3cret");
    expect(parsed.source).toBe("admin");
  });

  it("reports no mechanism without authentication", () => {
    expect(parseConnectionString("mongodb://localhost:27017").mechanism).toBeUndefined();
  });

  it("rejects embedded credentials with MONGODB-AWS", () => {
    const uri = "mongodb+srv://AKIDEXAMPLE:wJalrXUtnFEMIEXAMPLEKEY@cluster0.ab1cd.mongodb.net/orders?authMechanism=MONGODB-AWS";

    expect(() => parseConnectionString(uri)).toThrow(
      "username and password cannot be provided when using MONGODB-AWS",
    );
  });

  it("keeps the password out of the error", () => {
    const uri = "mongodb+srv://AKIDEXAMPLE:wJalrXUtnFEMIEXAMPLEKEY@cluster0.ab1cd.mongodb.net/orders?authMechanism=MONGODB-AWS";

    expect(() => parseConnectionString(uri)).toThrow(
      "Invalid MongoDB connection string mongodb+srv://<credentials>@cluster0.ab1cd.mongodb.net/orders",
    );
    expect(() => parseConnectionString(uri)).not.toThrow(/wJalrXUtnFEMIEXAMPLEKEY|AKIDEXAMPLE/);
  });

  it("rejects a username alone with MONGODB-AWS", () => {
    const uri = "mongodb+srv://AKIDEXAMPLE@cluster0.ab1cd.mongodb.net/orders?authMechanism=MONGODB-AWS";

    expect(() => parseConnectionString(uri)).toThrow("username and password cannot be provided");
  });

  it("rejects an authSource other than $external", () => {
    const uri = "mongodb+srv://cluster0.ab1cd.mongodb.net/orders?authSource=admin&authMechanism=MONGODB-AWS";

    expect(() => parseConnectionString(uri)).toThrow(
      "Invalid source for mechanism 'MONGODB-AWS' specified, it must be '$external'",
    );
  });

  it("rejects a session token in the URI", () => {
    const uri = `${ATLAS_URI}&authMechanismProperties=AWS_SESSION_TOKEN:FwoGZXIvYXdzEXAMPLE`;

    expect(() => parseConnectionString(uri)).toThrow("AWS_SESSION_TOKEN cannot be provided when using MONGODB-AWS");
  });

  it("rejects a URI with an unknown scheme", () => {
    expect(() => parseConnectionString("postgres://localhost/orders")).toThrow(/^Invalid MongoDB connection string/);
  });
});

describe("network blocking", () => {
  it("intercepts the driver's SRV lookup", async () => {
    // The driver resolves SRV records inside connect(). Calling its resolver directly
    // shows that the spies sit on the driver's DNS path, without connecting.
    const { resolveSRVRecord } = require("mongodb/lib/connection_string") as {
      resolveSRVRecord: (options: MongoOptions) => Promise<unknown>;
    };
    const spies = blockNetwork();
    try {
      const client = new MongoClient(ATLAS_URI);

      await expect(resolveSRVRecord(client.options)).rejects.toThrow("Network call dns.promises.resolve");
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });
});

describe("redactCredentials", () => {
  it("hides user information", () => {
    expect(redactCredentials("mongodb://user:p%40ss@h1:27017/db")).toBe("mongodb://<credentials>@h1:27017/db");
  });

  it("hides a password with unescaped separators", () => {
    expect(redactCredentials("mongodb://user:a/b?c@d@h1/db")).toBe("mongodb://<credentials>@h1/db");
  });

  it("keeps a URI without user information", () => {
    expect(redactCredentials(ATLAS_URI)).toBe(ATLAS_URI);
  });
});
