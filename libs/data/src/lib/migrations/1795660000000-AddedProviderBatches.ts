import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Table `provider_batches`: one row per file a `provider_batch` batch is split into (its runs,
 * the provider's file and batch ids, the provider's status, when it was last polled), so a
 * worker restart resumes polling from Postgres. `UQ_provider_batches_batch_chunk` keeps a split
 * from being stored twice; `IDX_provider_batches_open` serves the poll loop's scan of the rows
 * still in progress.
 */
export class AddedProviderBatches1795660000000 implements MigrationInterface {
  name = 'AddedProviderBatches1795660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "provider_batches" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "batch_id" uuid NOT NULL,
        "chunk_index" integer NOT NULL,
        "provider" text NOT NULL,
        "model" text NOT NULL,
        "run_ids" uuid array NOT NULL,
        "status" text NOT NULL DEFAULT 'planned',
        "input_file_id" text,
        "provider_batch_id" text,
        "provider_status" text,
        "output_file_id" text,
        "error_file_id" text,
        "completed_count" integer NOT NULL DEFAULT 0,
        "failed_count" integer NOT NULL DEFAULT 0,
        "lease_owner" text,
        "lease_until" timestamptz,
        "last_polled_at" timestamptz,
        "submitted_at" timestamptz,
        "finished_at" timestamptz,
        "error_message" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_provider_batches" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_provider_batches_batch_chunk" UNIQUE ("batch_id", "chunk_index"),
        CONSTRAINT "CHK_provider_batches_status" CHECK ("status" IN ('planned', 'submitting', 'submitted', 'finished')),
        CONSTRAINT "FK_provider_batches_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id"),
        CONSTRAINT "FK_provider_batches_batch" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_provider_batches_open" ON "provider_batches" ("last_polled_at") WHERE "status" <> 'finished'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "provider_batches"`);
  }
}
