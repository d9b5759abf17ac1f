import type { Store } from './db/store.js';
import type { JobService } from './jobs/service.js';
import type { Logger } from './log.js';
import type { Webhooks } from './webhooks/deliver.js';

/** What route handlers share. */
export interface AppContext {
  store: Store;
  jobs: JobService;
  webhooks: Webhooks;
  log: Logger;
}
