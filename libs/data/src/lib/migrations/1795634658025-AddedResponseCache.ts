import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The opt-in response cache: table `response_cache` (one answer per tenant and request key,
 * with its expiry) and, on `runs`, the run's opt-in (`cache_ttl_seconds`, null = no cache) and
 * whether it was answered from the cache (`cached`). Both columns are cheap to add: a NULL column
 * and a constant default need no table rewrite.
 */
export class AddedResponseCache1795634658025 implements MigrationInterface {
  name = 'AddedResponseCache1795634658025';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "response_cache" (
        "tenant_id" uuid NOT NULL,
        "key" text NOT NULL,
        "provider" text NOT NULL,
        "model" text NOT NULL,
        "output_text" text,
        "output_json" jsonb,
        "finish_reason" text,
        "prompt_tokens" integer NOT NULL,
        "completion_tokens" integer NOT NULL,
        "total_tokens" integer NOT NULL,
        "cached_tokens" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        CONSTRAINT "PK_response_cache" PRIMARY KEY ("tenant_id", "key"),
        CONSTRAINT "FK_response_cache_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id") ON DELETE CASCADE
      )`);
    // The purge deletes the oldest expired rows first.
    await queryRunner.query(
      `CREATE INDEX "IDX_response_cache_expires_at" ON "response_cache" ("expires_at")`,
    );

    await queryRunner.query(`ALTER TABLE "runs" ADD "cached" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "runs" ADD "cache_ttl_seconds" integer`);
    await queryRunner.query(
      `ALTER TABLE "runs" ADD CONSTRAINT "CHK_runs_cache_ttl_seconds" CHECK ("cache_ttl_seconds" > 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "runs" DROP CONSTRAINT "CHK_runs_cache_ttl_seconds"`);
    await queryRunner.query(`ALTER TABLE "runs" DROP COLUMN "cache_ttl_seconds"`);
    await queryRunner.query(`ALTER TABLE "runs" DROP COLUMN "cached"`);
    await queryRunner.query(`DROP TABLE "response_cache"`);
  }
}
