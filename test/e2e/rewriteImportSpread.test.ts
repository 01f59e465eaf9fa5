/**
 * HC_SC_ImportCustomer spread over several executions (a small usage limit; the feed read back from
 * its File Cabinet copy): its feed rewritten before every charged call (rewriteHarness.ts).
 */
import { rewriteEveryCall } from './rewriteHarness';

rewriteEveryCall('import spread over executions', { rows: 16, rewrite: 'same size', usageLimit: 300 });
rewriteEveryCall('import spread over executions', { rows: 16, rewrite: 'rows added', usageLimit: 300 });
