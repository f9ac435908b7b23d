/** A tenant, as callers outside this lib see it. */
export interface TenantView {
  id: string;
  name: string;
  createdAt: string;
}
