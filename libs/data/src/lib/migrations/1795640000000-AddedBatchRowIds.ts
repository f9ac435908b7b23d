import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `runs.batch_row_id`: the id a batch row had in its task file (its `id` field, or its row
 * number), which the results file gives back. Nullable, no default: adding it rewrites nothing.
 */
export class AddedBatchRowIds1795640000000 implements MigrationInterface {
  name = 'AddedBatchRowIds1795640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "runs" ADD "batch_row_id" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "runs" DROP COLUMN "batch_row_id"`);
  }
}
