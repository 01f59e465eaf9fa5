/** What to do about an error code, in the administrator's words (the Errors tab and the first screen). */
import { SETTINGS_WHERE } from './constants';

const SFTP_RECORD =
  'the HC SFTP Configuration record (Customization > Lists, Records, & Fields > Record Types > HC SFTP Configuration)';

/**
 * What to do, per error code: run errors (NetSuite's N/sftp codes, this project's HC_ codes) and
 * row errors of the feeds. One entry per code or code pattern: add a line for a new code.
 */
export const ERROR_FIXES: [RegExp, string][] = [
  [
    /^FTP_CANNOT_ESTABLISH_CONNECTION$/,
    `Check the user name and the password secret (custrecord_ns_sftp_guid names it) of ${SFTP_RECORD}, then use "Test the SFTP connection".`,
  ],
  [
    /^FTP_INCORRECT_HOST_KEY/,
    `The server's host key changed or is wrong: ask HotWax for the key and update ${SFTP_RECORD}.`,
  ],
  [
    /^(CONNECTION_CLOSED_BY_HOST|CONNECTION_RESET|FTP_CONNECT_TIMEOUT_EXCEEDED|FTP_UNKNOWN_HOST|NO_ROUTE_TO_HOST_FOUND)$/,
    `The SFTP server did not answer: check host and port in ${SFTP_RECORD}, and ask HotWax whether the server is up.`,
  ],
  [
    /^FTP_UNSUPPORTED_ENCRYPTION_ALGORITHM$/,
    'The SFTP server offers none of the algorithms NetSuite accepts: ask HotWax to enable aes128-ctr/aes256-ctr.',
  ],
  [
    /^(FTP_PERMISSION_DENIED|FTP_DIRECTORY_NOT_FOUND|FTP_NO_SUCH_FILE_OR_DIRECTORY|FTP_INVALID_DIRECTORY)$/,
    `A folder of the SFTP layout is missing or not writable: check the directory in ${SFTP_RECORD} and run "Test the SFTP connection".`,
  ],
  [/^HC_SFTP_CONFIG_(MISSING|INVALID)$/, `The message names the field: correct ${SFTP_RECORD}.`],
  [
    /^HC_PARAMETER_INVALID$/,
    `The message names the setting: correct it under ${SETTINGS_WHERE.replace(/ \(.*$/, '')} or on the deployment.`,
  ],
  [
    /^HC_CHECKPOINT_CONFLICT$/,
    'Another execution changed the checkpoint: nothing to do, the next run continues.',
  ],
  [
    /^HC_HISTORICAL_UPLOAD_FAILED$/,
    'The failed parts stay in "Historical Shopify Customer CSV": fix the SFTP problem named, then run the upload again.',
  ],
  [
    /^SSS_USAGE_LIMIT_EXCEEDED$|^SSS_TIME_LIMIT_EXCEEDED$/,
    'NetSuite stopped the execution at its limit: the next run continues from the checkpoint; if it repeats, report it to HotWax with the Execution Log.',
  ],
  [
    /^ENDED_BY_NETSUITE$/,
    "Open the deployment's Execution Log (Customization > Scripting > Script Deployments) for the error; the next run continues from the checkpoint.",
  ],
  [
    /^MISSING_SUBSIDIARY$|^INVALID_SUBSIDIARY$/,
    `Set "Default subsidiary" (an internal id) under ${SETTINGS_WHERE.replace(/ \(.*$/, '')}, or have HotWax send the subsidiary; then HotWax sends the rows again.`,
  ],
  [
    /^MISSING_HC_CUSTOMER_ID$/,
    'The row has no HotWax customer id: fix the customer in HotWax; it is sent again with its next change.',
  ],
  [
    /^MISSING_COMPANY_NAME$|^INVALID_INDIVIDUAL$/,
    'A company customer needs a company name (or the row must be a person): fix the customer in HotWax.',
  ],
  [
    /^INVALID_(EMAIL|PHONE|TAXABLE|ORDER_PRIORITY|ACCOUNT_SOURCE|CHARACTER)$/,
    'The value in that column is not one NetSuite accepts (the message says which): fix the customer in HotWax.',
  ],
  [
    /^LINKED_TO_OTHER_HC_CUSTOMER$|^DUPLICATE|IDENTITY|CONFLICT/,
    'Two HotWax customers claim one NetSuite customer (or the reverse): decide which is right, correct the HC Customer Id on the NetSuite customer, then HotWax sends the row again.',
  ],
  [
    /^(WRONG_COLUMN_COUNT|UNBALANCED_QUOTE|STRAY_QUOTE|DUPLICATE_COLUMN|EMPTY_FILE|UNKNOWN_STATUS)$/,
    'The feed file itself is malformed: report it to HotWax with the file name (it is kept in customer/export/failed/).',
  ],
];

export function fixFor(code: string): string {
  return (
    ERROR_FIXES.find(([re]) => re.test(code))?.[1] ??
    `Read the message; if it is unclear, send the code ${code} and the message to HotWax.`
  );
}
