import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Batch schedules: tables `task_files` (a task file uploaded once, checked whole) and
 * `task_file_rows` (its valid rows, normalised, in order: a fire reads them back without parsing
 * the upload again), and `schedule_fires.batch_id` (the batch a fire created).
 * `IDX_schedule_fires_schedule_batch` serves the overlap check of batch schedules (the latest
 * fires that made a batch); `IDX_schedule_fires_due` serves the age purge of the history.
 */
export class AddedTaskFiles1795650000000 implements MigrationInterface {
  name = 'AddedTaskFiles1795650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "task_files" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL,
        "name" text NOT NULL,
        "format" text NOT NULL,
        "task_name" text,
        "row_count" integer NOT NULL,
        "bytes" bigint NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_task_files" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_task_files_format" CHECK ("format" IN ('csv', 'jsonl')),
        CONSTRAINT "FK_task_files_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_task_files_tenant_created" ON "task_files" ("tenant_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE "task_file_rows" (
        "task_file_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "row" jsonb NOT NULL,
        CONSTRAINT "PK_task_file_rows" PRIMARY KEY ("task_file_id", "position"),
        CONSTRAINT "FK_task_file_rows_task_file" FOREIGN KEY ("task_file_id") REFERENCES "task_files" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`ALTER TABLE "schedule_fires" ADD "batch_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "schedule_fires" ADD CONSTRAINT "FK_schedule_fires_batch" FOREIGN KEY ("batch_id") REFERENCES "batches" ("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_schedule_fires_schedule_batch" ON "schedule_fires" ("schedule_id", "due_at") WHERE "batch_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_schedule_fires_due" ON "schedule_fires" ("due_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_schedule_fires_due"`);
    await queryRunner.query(`DROP INDEX "IDX_schedule_fires_schedule_batch"`);
    await queryRunner.query(`ALTER TABLE "schedule_fires" DROP CONSTRAINT "FK_schedule_fires_batch"`);
    await queryRunner.query(`ALTER TABLE "schedule_fires" DROP COLUMN "batch_id"`);
    await queryRunner.query(`DROP TABLE "task_file_rows"`);
    await queryRunner.query(`DROP TABLE "task_files"`);
  }
}
