import type { AnalyticsService } from './analytics-service.js';
import type { AuthSync } from './auth-sync.js';
import type { BulkService } from './bulk-service.js';
import type { CustomerService } from './customer-service.js';
import type { DeletionService } from './deletion-service.js';
import type { ErasureService } from './erasure-service.js';
import type { ExportService } from './export-service.js';
import type { HealthService } from './health-service.js';
import type { HistoryService } from './history-service.js';
import type { ProfileService } from './profile-service.js';
import type { StatisticsService } from './statistics-service.js';
import type { StatusChangeService } from './status-service.js';
import type { WebhookService } from './webhook-service.js';

/** The services the handlers call (wired by src/container.ts). */
export interface Services {
  customers: CustomerService;
  statistics: StatisticsService;
  statusChanges: StatusChangeService;
  erasures: ErasureService;
  bulk: BulkService;
  exports: ExportService;
  history: HistoryService;
  deletions: DeletionService;
  profiles: ProfileService;
  authSync: AuthSync;
  analytics: AnalyticsService;
  health: HealthService;
  /** Event subscriptions (the Webhooks operations). */
  webhooks: WebhookService;
}
