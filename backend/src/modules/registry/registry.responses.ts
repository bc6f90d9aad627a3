import { ApiProperty } from '@nestjs/swagger';
import { SYNC_RUN_STATUSES } from '@orbit/contracts';

class SyncSkipDoc {
  @ApiProperty() name!: string;
  @ApiProperty() version!: string;
  @ApiProperty() reason!: string;
}

class SyncWarningDoc {
  @ApiProperty() name!: string;
  @ApiProperty() version!: string;
  @ApiProperty() field!: string;
  @ApiProperty() reason!: string;
}

export class SyncRunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SYNC_RUN_STATUSES }) status!: string;
  @ApiProperty({ enum: ['full', 'incremental'] }) mode!: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger!: string;
  @ApiProperty({ type: String, nullable: true, description: 'updated_since of an incremental run' }) updatedSince!: string | null;
  @ApiProperty() pages!: number;
  @ApiProperty({ description: 'entries read so far' }) seen!: number;
  @ApiProperty({ description: 'new server versions' }) imported!: number;
  @ApiProperty({ description: 'versions whose registry data changed' }) updated!: number;
  @ApiProperty({ description: 'versions already up to date (no write)' }) unchanged!: number;
  @ApiProperty({ type: [SyncSkipDoc] }) skipped!: SyncSkipDoc[];
  @ApiProperty({ description: 'entries skipped in all (the list holds the first ones, up to about 60 KB)' })
  skippedCount!: number;
  @ApiProperty({ type: [SyncWarningDoc] }) warnings!: SyncWarningDoc[];
  @ApiProperty({ description: 'warnings in all (the list holds the first ones)' }) warningCount!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'entries the last full run saw (progress estimate)' })
  estimatedTotal!: number | null;
  @ApiProperty({ description: 'page attempts that failed and were retried' }) retries!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StartSyncResponseDoc {
  @ApiProperty({ format: 'uuid' }) runId!: string;
}
