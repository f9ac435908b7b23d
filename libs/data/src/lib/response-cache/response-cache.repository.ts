import { type DataSource } from 'typeorm';
import { ResponseCacheEntity } from '../entities/response-cache.entity';
import { hydrateEntity } from '../sql/hydrate-entity';
import { isUuid } from '../sql/is-uuid';
import { queryRows } from '../sql/query-rows';
import { toJsonParam } from '../sql/to-json-param';
import { type CachedResponse, type ResponseCacheEntry } from './response-cache-entry';

/**
 * The opt-in response cache: one answer per tenant and request key (`cacheKeyOf` of
 * `@gtr/engine`). Every method takes the tenant id, so one tenant never reads another's answers.
 * Expired rows are never returned; `purgeExpired` deletes them in bounded batches.
 */
export class ResponseCacheRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The tenant's live entry for `key`, or null. With `maxAgeSeconds`, an entry stored longer ago
   * than that is ignored too, so a run that accepts answers up to a minute old never gets one
   * that a run with a longer TTL stored last week.
   */
  async get(tenantId: string, key: string, maxAgeSeconds?: number | null): Promise<CachedResponse | null> {
    if (!isUuid(tenantId)) return null;
    const { rows } = await queryRows(
      this.dataSource.manager,
      `SELECT * FROM response_cache
       WHERE tenant_id = $1 AND key = $2 AND expires_at > now()
         AND ($3::double precision IS NULL OR created_at > now() - $3::double precision * interval '1 second')`,
      [tenantId, key, maxAgeSeconds ?? null],
    );
    if (!rows[0]) return null;
    const entity = hydrateEntity(this.dataSource, ResponseCacheEntity, rows[0]);
    return {
      provider: entity.provider,
      model: entity.model,
      outputText: entity.outputText,
      outputJson: entity.outputJson ?? null,
      finishReason: entity.finishReason,
      usage: {
        promptTokens: entity.promptTokens,
        completionTokens: entity.completionTokens,
        totalTokens: entity.totalTokens,
        cachedTokens: entity.cachedTokens,
      },
      createdAt: entity.createdAt,
      expiresAt: entity.expiresAt,
    };
  }

  /**
   * Stores `entry` under the tenant's `key` for `ttlSeconds`, replacing an earlier answer (two
   * runs that missed at the same time both store theirs; the later one stays). A live entry's
   * expiry is never shortened by a run with a shorter TTL. A TTL that is not positive stores nothing.
   */
  async put(tenantId: string, key: string, entry: ResponseCacheEntry, ttlSeconds: number): Promise<void> {
    if (!isUuid(tenantId) || !(ttlSeconds > 0)) return;
    await queryRows(
      this.dataSource.manager,
      `INSERT INTO response_cache AS c (tenant_id, key, provider, model, output_text, output_json, finish_reason,
         prompt_tokens, completion_tokens, total_tokens, cached_tokens, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, now(),
         now() + $12::double precision * interval '1 second')
       ON CONFLICT (tenant_id, key) DO UPDATE SET
         provider = EXCLUDED.provider, model = EXCLUDED.model, output_text = EXCLUDED.output_text,
         output_json = EXCLUDED.output_json, finish_reason = EXCLUDED.finish_reason,
         prompt_tokens = EXCLUDED.prompt_tokens, completion_tokens = EXCLUDED.completion_tokens,
         total_tokens = EXCLUDED.total_tokens, cached_tokens = EXCLUDED.cached_tokens,
         created_at = EXCLUDED.created_at, expires_at = GREATEST(c.expires_at, EXCLUDED.expires_at)`,
      [
        tenantId,
        key,
        entry.provider,
        entry.model,
        entry.outputText,
        toJsonParam(entry.outputJson),
        entry.finishReason,
        entry.usage.promptTokens,
        entry.usage.completionTokens,
        entry.usage.totalTokens,
        entry.usage.cachedTokens,
        ttlSeconds,
      ],
    );
  }

  /**
   * Deletes up to `limit` expired entries of all tenants, oldest expiry first, and returns how
   * many it deleted; call it until it returns less than `limit`. Rows another purge is deleting
   * are skipped, so concurrent purges neither wait for nor repeat each other.
   */
  async purgeExpired(limit: number): Promise<number> {
    const { affected } = await queryRows(
      this.dataSource.manager,
      `DELETE FROM response_cache c USING (
         SELECT tenant_id, key FROM response_cache WHERE expires_at <= now()
         ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ) old
       WHERE c.tenant_id = old.tenant_id AND c.key = old.key`,
      [Math.max(0, Math.trunc(limit))],
    );
    return affected;
  }
}
