import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The history of schedules: table `schedule_fires`, one row per handled fire time (the run it
 * created, or why it was skipped or failed). `UQ_schedule_fires_schedule_due` makes a fire time
 * handled at most once however many schedulers run, and its index serves the history query;
 * `IDX_schedule_fires_schedule_run` serves the overlap check (the latest fires that made a run).
 */
export class AddedScheduleFires1795634690867 implements MigrationInterface {
  name = 'AddedScheduleFires1795634690867';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "schedule_fires" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "schedule_id" uuid NOT NULL,
        "tenant_id" uuid NOT NULL,
        "due_at" timestamptz NOT NULL,
        "fired_at" timestamptz NOT NULL DEFAULT now(),
        "run_id" uuid,
        "status" text NOT NULL,
        "reason" text,
        CONSTRAINT "PK_schedule_fires" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_schedule_fires_schedule_due" UNIQUE ("schedule_id", "due_at"),
        CONSTRAINT "CHK_schedule_fires_status" CHECK ("status" IN ('created', 'skipped', 'failed')),
        CONSTRAINT "FK_schedule_fires_schedule" FOREIGN KEY ("schedule_id") REFERENCES "schedules" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_schedule_fires_tenant" FOREIGN KEY ("tenant_id") REFERENCES "tenants" ("id"),
        CONSTRAINT "FK_schedule_fires_run" FOREIGN KEY ("run_id") REFERENCES "runs" ("id") ON DELETE SET NULL
      )`);
    // The overlap check reads the runs of a schedule's latest fires; skipped fires have no run.
    await queryRunner.query(
      `CREATE INDEX "IDX_schedule_fires_schedule_run" ON "schedule_fires" ("schedule_id", "due_at") WHERE "run_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "schedule_fires"`);
  }
}
