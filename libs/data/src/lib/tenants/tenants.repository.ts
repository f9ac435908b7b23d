import { type DataSource } from 'typeorm';
import { TenantEntity } from '../entities/tenant.entity';
import { hydrateEntity } from '../sql/hydrate-entity';
import { isUuid } from '../sql/is-uuid';
import { queryRows } from '../sql/query-rows';
import { type TenantView } from './tenant-view';

function toTenantView(tenant: TenantEntity): TenantView {
  return { id: tenant.id, name: tenant.name, createdAt: tenant.createdAt.toISOString() };
}

/** Tenants. */
export class TenantsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The tenant with this name, created if missing. Safe to call concurrently. */
  async ensureTenant(name: string): Promise<TenantView> {
    await queryRows(
      this.dataSource.manager,
      'INSERT INTO tenants (name) VALUES ($1) ON CONFLICT (name) DO NOTHING',
      [name],
    );
    const { rows } = await queryRows(this.dataSource.manager, 'SELECT * FROM tenants WHERE name = $1', [
      name,
    ]);
    return toTenantView(hydrateEntity(this.dataSource, TenantEntity, rows[0]));
  }

  async findById(tenantId: string): Promise<TenantView | null> {
    if (!isUuid(tenantId)) return null;
    const { rows } = await queryRows(this.dataSource.manager, 'SELECT * FROM tenants WHERE id = $1', [
      tenantId,
    ]);
    return rows[0] ? toTenantView(hydrateEntity(this.dataSource, TenantEntity, rows[0])) : null;
  }
}
