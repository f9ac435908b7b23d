/** An API key as it can be shown: never the key or its hash. */
export interface ApiKeyView {
  id: string;
  tenantId: string;
  name: string;
  /** The first 12 characters of the key. */
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key just created: the plaintext is returned this once and never stored. */
export interface CreatedApiKey {
  key: string;
  view: ApiKeyView;
}

/** Who a valid key authenticates. */
export interface ApiKeyPrincipal {
  tenantId: string;
  keyId: string;
  scopes: string[];
}
