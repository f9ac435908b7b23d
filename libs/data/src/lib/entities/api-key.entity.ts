import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { TenantEntity } from './tenant.entity';

/** An API key. Only its SHA-256 hash is stored; `prefix` lets a person tell keys apart. */
@Entity({ name: 'api_keys' })
@Unique('UQ_api_keys_key_hash', ['keyHash'])
@Index('IDX_api_keys_tenant', ['tenantId'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_api_keys' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity)
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'FK_api_keys_tenant' })
  tenant?: TenantEntity;

  @Column('text')
  name!: string;

  /** The first 12 characters of the key, for display. */
  @Column('text')
  prefix!: string;

  /** Hex SHA-256 of the whole key. */
  @Column('text', { name: 'key_hash' })
  keyHash!: string;

  @Column('text', { array: true, default: [] })
  scopes!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
