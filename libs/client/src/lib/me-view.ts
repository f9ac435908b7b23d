/** `GET /v1/me`: who the API key belongs to. */
export interface MeView {
  tenantId: string;
  tenantName: string;
  keyId: string;
  scopes: string[];
}
