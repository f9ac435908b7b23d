/** Ends an exhaustive switch: a new union member that is not handled fails to compile. */
export function assertUnreachable(what: string, value: never): never {
  throw new Error(`Unhandled ${what}: ${String(value)}`);
}
