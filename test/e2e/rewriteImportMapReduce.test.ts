/**
 * A feed handed to HC_MR_ImportCustomer, rewritten before every charged call of the scheduled
 * execution that hands it over and of every stage of the job (rewriteHarness.ts).
 */
import { rewriteEveryCall } from './rewriteHarness';

rewriteEveryCall('map/reduce import', { rows: 4, rewrite: 'same size', mapReduce: true });
rewriteEveryCall('map/reduce import', { rows: 4, rewrite: 'rows added', mapReduce: true });
