/**
 * Connection strings for MONGODB-AWS.
 *
 * They carry no user name and no password: the driver signs a request with
 * the workload's AWS credentials, and Atlas reads the caller's ARN from it.
 * `$external` is percent-encoded because `$` is reserved in URI options.
 */

/** Builds `mongodb+srv://HOST/DB?authSource=%24external&authMechanism=MONGODB-AWS`. */
export function awsConnectionString(srvHost: string, database?: string): string {
  const path = database === undefined ? "" : encodeURIComponent(database);
  return `mongodb+srv://${srvHost}/${path}?authSource=%24external&authMechanism=MONGODB-AWS`;
}
