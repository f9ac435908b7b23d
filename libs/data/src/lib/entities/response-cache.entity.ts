import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/**
 * One cached provider answer, per tenant and request key (`cacheKeyOf` in `@gtr/engine`).
 * Rows past `expires_at` are never read and are purged in batches.
 */
@Entity({ name: 'response_cache' })
@Index('IDX_response_cache_expires_at', ['expiresAt'])
export class ResponseCacheEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id', primaryKeyConstraintName: 'PK_response_cache' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'FK_response_cache_tenant' })
  tenant?: TenantEntity;

  /** Hex SHA-256 of the canonical request. */
  @PrimaryColumn('text', { primaryKeyConstraintName: 'PK_response_cache' })
  key!: string;

  @Column('text')
  provider!: string;

  @Column('text')
  model!: string;

  @Column('text', { name: 'output_text', nullable: true })
  outputText!: string | null;

  @Column('jsonb', { name: 'output_json', nullable: true })
  outputJson!: unknown;

  @Column('text', { name: 'finish_reason', nullable: true })
  finishReason!: string | null;

  /** Usage of the provider call that produced the answer. */
  @Column('int', { name: 'prompt_tokens' })
  promptTokens!: number;

  @Column('int', { name: 'completion_tokens' })
  completionTokens!: number;

  @Column('int', { name: 'total_tokens' })
  totalTokens!: number;

  @Column('int', { name: 'cached_tokens' })
  cachedTokens!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
