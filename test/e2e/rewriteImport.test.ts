/**
 * HC_SC_ImportCustomer in one execution: its feed rewritten before every charged call (rewriteHarness.ts).
 */
import { rewriteEveryCall } from './rewriteHarness';

rewriteEveryCall('import in one execution', { rows: 6, rewrite: 'same size' });
rewriteEveryCall('import in one execution', { rows: 6, rewrite: 'rows added' });
