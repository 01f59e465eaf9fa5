/**
 * HC_SC_ImportCustomer spread over several executions (a small usage limit; the feed read back from
 * its File Cabinet copy): its feed rewritten before every charged call (rewriteHarness.ts).
 */
import { rewriteEveryCall } from './rewriteHarness';

rewriteEveryCall('import spread over executions', { rows: 12, rewrite: 'same size', usageLimit: 330 });
rewriteEveryCall('import spread over executions', { rows: 12, rewrite: 'rows added', usageLimit: 330 });
