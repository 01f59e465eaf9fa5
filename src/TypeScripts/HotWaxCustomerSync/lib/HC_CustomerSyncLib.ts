/**
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
export function hello(x: string): string {
  return stringify([[x, 'a,b']]);
}
