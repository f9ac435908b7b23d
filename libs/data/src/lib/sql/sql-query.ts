/** A parameterised SQL statement. */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}
