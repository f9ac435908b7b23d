import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Makes a task version a complete snapshot: its `description` and `tags` (the `tasks` row keeps
 * the latest ones, for listing and filtering). `provider`, `model` and `timeout_ms` become
 * nullable: null means "the API's default when a run is created", so a task written before an
 * OpenAI key was configured is not pinned to the dry-run provider forever.
 */
export class AddedTaskVersionSnapshots1795634688108 implements MigrationInterface {
  name = 'AddedTaskVersionSnapshots1795634688108';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "task_versions"
        ADD COLUMN "description" text,
        ADD COLUMN "tags" text[] NOT NULL DEFAULT '{}',
        ALTER COLUMN "provider" DROP NOT NULL,
        ALTER COLUMN "model" DROP NOT NULL,
        ALTER COLUMN "timeout_ms" DROP NOT NULL`);
  }

  /** Versions that relied on defaults get the defaults of this release written in. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "task_versions"
         SET "provider" = COALESCE("provider", 'dry-run'),
             "model" = COALESCE("model", 'gpt-4o-mini'),
             "timeout_ms" = COALESCE("timeout_ms", 60000)
       WHERE "provider" IS NULL OR "model" IS NULL OR "timeout_ms" IS NULL`);
    await queryRunner.query(`
      ALTER TABLE "task_versions"
        DROP COLUMN "description",
        DROP COLUMN "tags",
        ALTER COLUMN "provider" SET NOT NULL,
        ALTER COLUMN "model" SET NOT NULL,
        ALTER COLUMN "timeout_ms" SET NOT NULL`);
  }
}
