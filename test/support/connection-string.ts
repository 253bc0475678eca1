/**
 * Parses a MongoDB connection string with the official `mongodb` driver, without
 * connecting.
 *
 * Why the driver: the `MongoClient` constructor runs the driver's own URI parser
 * (`parseOptions`) and credential checks. For MONGODB-AWS, driver 7.9.1 rejects a URI
 * with a username or password, an `authSource` other than `$external`, or an
 * `AWS_SESSION_TOKEN` mechanism property, so a test that parses here gets the same
 * result as an application.
 *
 * Why it stays offline (read in mongodb 7.9.1): the constructor only parses. SRV and TXT
 * lookups for `mongodb+srv://` happen in `MongoClient.connect()` (`resolveSRVRecord`), and
 * sockets are opened by the connection pool after `connect()`. The optional
 * `@aws-sdk/credential-providers` package is required lazily by the AWS credential
 * provider (lib/cmap/auth/aws_temporary_credentials.js) during authentication, and
 * construction succeeds here although the package is not installed. This module never
 * calls `connect()`, and test/engines/connection-string.test.ts checks that construction
 * makes no DNS, TCP or TLS call.
 */
import { MongoClient } from "mongodb";

/** The parts of a connection string that decide how a client authenticates and where it connects. */
export interface ParsedConnectionString {
  /** Authentication mechanism such as `MONGODB-AWS`, or undefined when the URI requests no authentication. */
  mechanism: string | undefined;
  /** Authentication database (`authSource`), which is `$external` for MONGODB-AWS. */
  source: string | undefined;
  /** Username from the URI, or undefined when none is given. */
  username: string | undefined;
  /** Password from the URI, or undefined when none is given. */
  password: string | undefined;
  /** Host name to resolve through DNS SRV for `mongodb+srv://`, or undefined for `mongodb://`. */
  srvHost: string | undefined;
  /** `host:port` seed list for `mongodb://`, empty for `mongodb+srv://` until SRV resolution at connect time. */
  hosts: string[];
  /** Default database from the URI path, or the driver default `test` when the path is empty. */
  dbName: string;
}

/**
 * Parses `uri` with the MongoDB driver.
 *
 * @throws Error when the driver rejects the URI. The message contains the driver's reason
 *   and the URI with any user information replaced by `<credentials>`.
 */
export function parseConnectionString(uri: string): ParsedConnectionString {
  let client: MongoClient;
  try {
    client = new MongoClient(uri);
  } catch (error) {
    throw new Error(
      `Invalid MongoDB connection string ${redactCredentials(uri)}: ${(error as Error).message}`,
      { cause: error },
    );
  }

  const options = client.options;
  const credentials = options.credentials;
  return {
    mechanism: credentials?.mechanism,
    source: credentials?.source,
    username: credentials?.username || undefined,
    password: credentials?.password || undefined,
    srvHost: options.srvHost,
    hosts: options.hosts.map((host) => host.toString()),
    dbName: options.dbName,
  };
}

/**
 * Replaces the user information of a MongoDB URI so passwords never reach error output.
 * Everything up to the last `@` is replaced, so an unescaped `@`, `/` or `?` in a password
 * is hidden too. An `@` in the query string therefore hides the hosts as well.
 */
export function redactCredentials(uri: string): string {
  return uri.replace(/^([a-z+]+:\/\/).*@/is, "$1<credentials>@");
}
