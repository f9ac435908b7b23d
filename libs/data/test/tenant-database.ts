import { TenantsRepository } from '../src/lib/tenants/tenants.repository';
import { createTestDatabase, type TestDatabase } from './test-database';

/** A suite's database and its two tenants: `acme`, and `globex` for isolation checks. */
export interface TenantDatabase {
  db: TestDatabase;
  tenantId: string;
  otherTenantId: string;
}

/**
 * Gives the suite a fresh migrated database with two tenants, empties `truncate` (a TRUNCATE
 * target list, e.g. `runs, batches CASCADE`) before each test and drops the database after the
 * suite. `ready` receives it once it exists, to build the repositories under test.
 */
export function useTenantDatabase(truncate: string, ready: (ctx: TenantDatabase) => void): void {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    const tenants = new TenantsRepository(db.dataSource);
    const tenantId = (await tenants.ensureTenant('acme')).id;
    const otherTenantId = (await tenants.ensureTenant('globex')).id;
    ready({ db, tenantId, otherTenantId });
  });
  afterAll(() => db?.drop());
  beforeEach(async () => {
    await db?.dataSource.query(`TRUNCATE ${truncate}`);
  });
}
