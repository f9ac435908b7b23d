import { randomBytes } from 'node:crypto';
import { TenantsRepository, type TenantView } from '@gtr/data';
import { type DataSource } from 'typeorm';

/** A new tenant with a unique name (or the given one). */
export function createTestTenant(dataSource: DataSource, name?: string): Promise<TenantView> {
  return new TenantsRepository(dataSource).ensureTenant(name ?? `tenant-${randomBytes(4).toString('hex')}`);
}
