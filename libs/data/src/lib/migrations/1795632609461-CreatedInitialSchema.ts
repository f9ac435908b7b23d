import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The first schema of gtr: tenants, API keys, tasks and their versions, batches, schedules,
 * runs and run attempts. Ids default to `gen_random_uuid()` (core since Postgres 13).
 */
export class CreatedInitialSchema1795632609461 implements MigrationInterface {
  name = 'CreatedInitialSchema1795632609461';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tenants" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_tenants" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_tenants_name" UNIQUE ("name")
      )`);

    await queryRunner.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "prefix" text NOT NULL,
        "key_hash" text NOT NULL,
        "scopes" text[] NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_api_keys_key_hash" UNIQUE ("key_hash"),
        CONSTRAINT "FK_api_keys_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_api_keys_tenant" ON "api_keys" ("tenant_id")`);

    await queryRunner.query(`
      CREATE TABLE "tasks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "description" text,
        "latest_version" integer NOT NULL DEFAULT 1,
        "tags" text[] NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz,
        CONSTRAINT "PK_tasks" PRIMARY KEY ("id"),
        CONSTRAINT "FK_tasks_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_tasks_tenant_name" ON "tasks" ("tenant_id", "name") WHERE "deleted_at" IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "task_versions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "provider" text NOT NULL,
        "model" text NOT NULL,
        "messages" jsonb NOT NULL,
        "params" jsonb NOT NULL DEFAULT '{}',
        "output_schema" jsonb,
        "retry_policy" jsonb NOT NULL DEFAULT '{}',
        "timeout_ms" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_task_versions" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_task_versions_task_version" UNIQUE ("task_id", "version"),
        CONSTRAINT "FK_task_versions_task" FOREIGN KEY ("task_id") REFERENCES "tasks" ("id") ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE "batches" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "task_id" uuid,
        "task_version" integer,
        "name" text,
        "status" text NOT NULL DEFAULT 'validating',
        "mode" text NOT NULL DEFAULT 'queue',
        "total" integer NOT NULL DEFAULT 0,
        "queued_count" integer NOT NULL DEFAULT 0,
        "running_count" integer NOT NULL DEFAULT 0,
        "succeeded_count" integer NOT NULL DEFAULT 0,
        "failed_count" integer NOT NULL DEFAULT 0,
        "cancelled_count" integer NOT NULL DEFAULT 0,
        "prompt_tokens" bigint NOT NULL DEFAULT 0,
        "completion_tokens" bigint NOT NULL DEFAULT 0,
        "cost_usd" numeric(14,8) NOT NULL DEFAULT 0,
        "concurrency" integer,
        "priority" integer NOT NULL DEFAULT 0,
        "options" jsonb NOT NULL DEFAULT '{}',
        "idempotency_key" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz,
        CONSTRAINT "PK_batches" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_batches_status"
          CHECK ("status" IN ('validating', 'queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled')),
        CONSTRAINT "CHK_batches_mode" CHECK ("mode" IN ('queue', 'provider_batch')),
        CONSTRAINT "FK_batches_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id"),
        CONSTRAINT "FK_batches_task" FOREIGN KEY ("task_id") REFERENCES "tasks" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_batches_tenant_created" ON "batches" ("tenant_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_batches_tenant_idempotency" ON "batches" ("tenant_id", "idempotency_key")
         WHERE "idempotency_key" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "schedules" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "cron" text,
        "interval_ms" integer,
        "timezone" text NOT NULL DEFAULT 'UTC',
        "target" jsonb NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "overlap_policy" text NOT NULL DEFAULT 'skip',
        "missed_policy" text NOT NULL DEFAULT 'skip',
        "last_fire_at" timestamptz,
        "next_fire_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_schedules" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_schedules_tenant_name" UNIQUE ("tenant_id", "name"),
        CONSTRAINT "CHK_schedules_trigger" CHECK (("cron" IS NULL) <> ("interval_ms" IS NULL)),
        CONSTRAINT "CHK_schedules_overlap_policy" CHECK ("overlap_policy" IN ('skip', 'allow', 'cancel_previous')),
        CONSTRAINT "CHK_schedules_missed_policy" CHECK ("missed_policy" IN ('skip', 'run_once')),
        CONSTRAINT "FK_schedules_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_schedules_due" ON "schedules" ("enabled", "next_fire_at")`);

    await queryRunner.query(`
      CREATE TABLE "runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "status" text NOT NULL DEFAULT 'queued',
        "task_id" uuid,
        "task_version" integer,
        "batch_id" uuid,
        "batch_row" integer,
        "schedule_id" uuid,
        "provider" text NOT NULL,
        "model" text NOT NULL,
        "messages" jsonb NOT NULL,
        "params" jsonb NOT NULL DEFAULT '{}',
        "output_schema" jsonb,
        "input" jsonb,
        "output_text" text,
        "output_json" jsonb,
        "finish_reason" text,
        "prompt_tokens" integer,
        "completion_tokens" integer,
        "total_tokens" integer,
        "cached_tokens" integer,
        "cost_usd" numeric(14,8),
        "error_code" text,
        "error_message" text,
        "attempt_count" integer NOT NULL DEFAULT 0,
        "max_attempts" integer NOT NULL DEFAULT 3,
        "timeout_ms" integer NOT NULL,
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "idempotency_key" text,
        "claimed_by" text,
        "claimed_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "queued_at" timestamptz,
        "started_at" timestamptz,
        "finished_at" timestamptz,
        "next_attempt_at" timestamptz,
        CONSTRAINT "PK_runs" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_runs_status" CHECK ("status" IN
          ('scheduled', 'waiting', 'queued', 'running', 'retrying', 'succeeded', 'failed', 'cancelled')),
        CONSTRAINT "FK_runs_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id"),
        CONSTRAINT "FK_runs_task" FOREIGN KEY ("task_id") REFERENCES "tasks" ("id"),
        CONSTRAINT "FK_runs_batch" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id"),
        CONSTRAINT "FK_runs_schedule" FOREIGN KEY ("schedule_id") REFERENCES "schedules" ("id") ON DELETE SET NULL
      )`);
    // The run list pages by (created_at DESC, id DESC) within a tenant, optionally per status.
    await queryRunner.query(
      `CREATE INDEX "IDX_runs_tenant_created" ON "runs" ("tenant_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_runs_tenant_status_created" ON "runs" ("tenant_id", "status", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_runs_batch_row" ON "runs" ("batch_id", "batch_row") WHERE "batch_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_runs_schedule" ON "runs" ("schedule_id") WHERE "schedule_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_runs_tenant_idempotency" ON "runs" ("tenant_id", "idempotency_key")
         WHERE "idempotency_key" IS NOT NULL`,
    );
    // Recovery scans: partial, so they hold only active runs.
    await queryRunner.query(
      `CREATE INDEX "IDX_runs_running_claimed" ON "runs" ("claimed_at") WHERE "status" = 'running'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_runs_pending_queued" ON "runs" ("queued_at") WHERE "status" IN ('queued', 'retrying')`,
    );

    await queryRunner.query(`
      CREATE TABLE "run_attempts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "run_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "started_at" timestamptz NOT NULL,
        "finished_at" timestamptz,
        "latency_ms" integer,
        "http_status" integer,
        "error_code" text,
        "error_message" text,
        "rate_limit_wait_ms" integer NOT NULL DEFAULT 0,
        "prompt_tokens" integer,
        "completion_tokens" integer,
        "total_tokens" integer,
        "cached_tokens" integer,
        "provider_request_id" text,
        "worker_id" text,
        CONSTRAINT "PK_run_attempts" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_run_attempts_run_number" UNIQUE ("run_id", "number"),
        CONSTRAINT "FK_run_attempts_run" FOREIGN KEY ("run_id") REFERENCES "runs" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'run_attempts',
      'runs',
      'schedules',
      'batches',
      'task_versions',
      'tasks',
      'api_keys',
      'tenants',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
