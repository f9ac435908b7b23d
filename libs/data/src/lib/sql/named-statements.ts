import { type DataSource } from 'typeorm';

/** Data sources whose hot statements may be named prepared statements (see `createDataSource`). */
const allowed = new WeakSet<DataSource>();

export function allowNamedStatements(dataSource: DataSource): void {
  allowed.add(dataSource);
}

export function namedStatementsAllowed(dataSource: DataSource): boolean {
  return allowed.has(dataSource);
}
