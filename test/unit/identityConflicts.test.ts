/**
 * The identity table of docs/CONTRACTS.md ("Identity conflicts"), row by row, through the
 * library's decideRow (from the sources) (the code both import paths run for every row): which customer a row's
 * identifiers lead to, and when they disagree, IDENTITY_CONFLICT with nothing written.
 */
import * as lib from '../../src/TypeScripts/HotWaxCustomerSync/lib/HC_CustomerSyncLib';
import type { ExistingCustomer } from '../../src/TypeScripts/HotWaxCustomerSync/sync/ports';

const A: ExistingCustomer = {
  id: '10',
  hcCustomerId: 'HC1',
  externalId: 'EXT-A',
  shopifyCustomerId: '661',
  email: 'a@example.com',
  inactive: false,
  stamp: 1,
};
/** A customer not linked to HotWax, holding ids of its own. */
const B: ExistingCustomer = {
  id: '20',
  hcCustomerId: '',
  externalId: 'EXT-B',
  shopifyCustomerId: '662',
  email: 'b@example.com',
  inactive: false,
  stamp: null,
};
const bare = (c: ExistingCustomer, cleared: (keyof ExistingCustomer)[]) =>
  Object.fromEntries(
    Object.entries(c).map(([k, v]) => [k, cleared.includes(k as keyof ExistingCustomer) ? '' : v]),
  ) as unknown as ExistingCustomer;
const linkedB = { ...B, hcCustomerId: 'HC9' };

interface Case {
  row: string;
  /** The row's identifiers (HC id HC1 unless said). */
  ids: { hc?: string; ext?: string; shop?: string; email?: string };
  customers: ExistingCustomer[];
  matchByEmail?: boolean;
  outcome: string;
  /** Words the error message must name. */
  names?: RegExp;
}

const cases: Case[] = [
  { row: 'R1 nothing found', ids: { shop: '700' }, customers: [B], outcome: 'created' },
  {
    row: 'R2 HC id, every id agrees',
    ids: { ext: 'ext-a', shop: '661', email: 'A@example.com' },
    customers: [A, B],
    outcome: 'alreadyLinked',
  },
  { row: 'R2 HC id, the row leaves ids empty', ids: {}, customers: [A], outcome: 'alreadyLinked' },
  {
    row: 'R2 HC id, the customer holds none: filled',
    ids: { ext: 'EXT-N', shop: '700' },
    customers: [bare(A, ['externalId', 'shopifyCustomerId'])],
    outcome: 'alreadyLinked',
  },
  {
    row: 'R3 HC id A, Shopify id an unlinked B',
    ids: { shop: '662' },
    customers: [bare(A, ['shopifyCustomerId']), B],
    outcome: 'IDENTITY_CONFLICT',
    names: /Shopify id 662 is NetSuite customer 20's \(HotWax none\)/,
  },
  {
    row: 'R3 HC id A, Shopify id a linked B',
    ids: { shop: '662' },
    customers: [bare(A, ['shopifyCustomerId']), linkedB],
    outcome: 'IDENTITY_CONFLICT',
    names: /customer 20's \(HotWax HC9\)/,
  },
  {
    row: 'R4 HC id A, external id B',
    ids: { ext: 'ext-b' },
    customers: [bare(A, ['externalId']), B],
    outcome: 'IDENTITY_CONFLICT',
    names: /external id ext-b is NetSuite customer 20's/,
  },
  {
    row: 'R5 HC id A, email B (matching on)',
    ids: { email: 'b@example.com' },
    customers: [bare(A, ['email']), B],
    matchByEmail: true,
    outcome: 'IDENTITY_CONFLICT',
    names: /email b@example.com is NetSuite customer 20's/,
  },
  {
    row: 'R5 HC id A, email B (matching off): email is no identifier',
    ids: { email: 'b@example.com' },
    customers: [bare(A, ['email']), B],
    outcome: 'alreadyLinked',
  },
  {
    row: 'R6 HC id A holds another Shopify id',
    ids: { shop: '999' },
    customers: [A],
    outcome: 'IDENTITY_CONFLICT',
    names: /customer 10 has Shopify id 661, the row 999/,
  },
  {
    row: 'R6 HC id A holds another external id',
    ids: { ext: 'EXT-Z' },
    customers: [A],
    outcome: 'IDENTITY_CONFLICT',
    names: /has external id EXT-A, the row EXT-Z/,
  },
  {
    row: 'R7 HC id A holds another email (matching on)',
    ids: { email: 'z@example.com' },
    customers: [A],
    matchByEmail: true,
    outcome: 'IDENTITY_CONFLICT',
    names: /has email a@example.com, the row z@example.com/,
  },
  {
    row: 'R8 external id: a customer linked to another HC id',
    ids: { ext: 'EXT-B' },
    customers: [linkedB],
    outcome: 'LINKED_TO_OTHER_HC_CUSTOMER',
  },
  {
    row: 'R8 Shopify id: only a customer linked to another HC id',
    ids: { shop: '662' },
    customers: [linkedB],
    outcome: 'LINKED_TO_OTHER_HC_CUSTOMER',
  },
  {
    row: 'R8 email (matching on): its single active customer linked elsewhere',
    ids: { email: 'b@example.com' },
    customers: [linkedB],
    matchByEmail: true,
    outcome: 'LINKED_TO_OTHER_HC_CUSTOMER',
  },
  {
    row: 'R9 external id: an unlinked customer, others agree',
    ids: { ext: 'EXT-B', shop: '662' },
    customers: [B],
    outcome: 'linked',
  },
  {
    row: 'R9 Shopify id: an unlinked customer',
    ids: { shop: '662', email: 'other@example.com' },
    customers: [B],
    outcome: 'linked',
  },
  {
    row: 'R9 email (matching on): the single active customer',
    ids: { email: 'B@example.com' },
    customers: [B],
    matchByEmail: true,
    outcome: 'linked',
  },
  {
    row: 'R10 external id B, Shopify id another customer',
    ids: { hc: 'HC2', ext: 'EXT-B', shop: '661' },
    customers: [B, bare(A, ['externalId'])],
    outcome: 'IDENTITY_CONFLICT',
    names: /Shopify id 661 is NetSuite customer 10's \(HotWax HC1\)/,
  },
  {
    row: 'R10 Shopify id B, email another customer (matching on)',
    ids: { hc: 'HC2', shop: '662', email: 'a@example.com' },
    customers: [bare(B, ['email']), A],
    matchByEmail: true,
    outcome: 'IDENTITY_CONFLICT',
    names: /email a@example.com is NetSuite customer 10's/,
  },
  {
    row: 'R11 external id B holds another Shopify id',
    ids: { ext: 'EXT-B', shop: '700' },
    customers: [B],
    outcome: 'IDENTITY_CONFLICT',
    names: /has Shopify id 662, the row 700/,
  },
  {
    row: 'R11 Shopify id B holds another email (matching on)',
    ids: { shop: '662', email: 'z@example.com' },
    customers: [B],
    matchByEmail: true,
    outcome: 'IDENTITY_CONFLICT',
    names: /has email b@example.com/,
  },
  {
    row: 'R12 email (matching on) shared by two active customers: created',
    ids: { email: 'b@example.com' },
    customers: [
      { ...bare(B, ['externalId', 'shopifyCustomerId']) },
      { ...bare(B, ['externalId', 'shopifyCustomerId']), id: '21' },
    ],
    matchByEmail: true,
    outcome: 'created',
  },
];

cases.push(
  {
    row: 'R7 HC id A holds another email (matching off): email is data, not an identifier',
    ids: { email: 'z@example.com' },
    customers: [A],
    outcome: 'alreadyLinked',
  },
  {
    row: 'R9 external id: an unlinked customer with another email (matching off)',
    ids: { ext: 'EXT-B', email: 'z@example.com' },
    customers: [B],
    outcome: 'linked',
  },
);

const deps = {
  customers: {
    create: () => '99',
    update: () => undefined,
    statusId: () => '13',
    subsidiaryExists: () => true,
    leadSourceExists: () => null,
  },
  now: () => 1000,
};

test.each(cases.map((c) => [c.row, c] as const))('%s', (_row, c) => {
  const opts = {
    oneWorld: false,
    defaultSubsidiary: '',
    fieldMap: {},
    matchByEmail: !!c.matchByEmail,
    dryRun: false,
    batchSize: 50,
    executionId: 'e',
    deploymentId: 'd',
    restampAfterMs: 1e12,
  };
  const values = {
    HCCustomerId: c.ids.hc ?? 'HC1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    externalId: c.ids.ext ?? '',
    HCShopifyCustomerId: c.ids.shop ?? '',
    email: c.ids.email ?? '',
  };
  const customer = lib.toNewCustomer(values, {}, opts);
  const writes: unknown[] = [];
  const d = {
    ...deps,
    customers: {
      ...deps.customers,
      update: (...a: unknown[]) => void writes.push(a),
      create: (...a: unknown[]) => (writes.push(a), '99'),
    },
  };
  const index = new lib.CandidateIndex(c.customers.map((x) => ({ ...x })));
  const row = { lineNumber: 2, endLine: 2, values, extra: {}, original: {}, fields: [] };
  const out = lib.decideRow({ row, customer } as never, index, d as never, opts) as {
    kind: string;
    code?: string;
    message?: string;
  };
  expect(out.kind === 'error' ? out.code : out.kind).toBe(c.outcome);
  if (c.names) expect(out.message).toMatch(c.names);
  // A conflict is reported and never written: the customer keeps what it holds.
  if (out.kind === 'error') expect(writes).toEqual([]);
});

test.each([false, true])(
  'a second row for the same HC id with another Shopify id (or email, matching by email: %s) after the first created the customer',
  (matchByEmail) => {
    const opts = {
      oneWorld: false,
      defaultSubsidiary: '',
      fieldMap: {},
      matchByEmail,
      dryRun: false,
      batchSize: 50,
      executionId: 'e',
      deploymentId: 'd',
      restampAfterMs: 1e12,
    };
    const index = new lib.CandidateIndex([]);
    const decide = (shop: string, email: string) => {
      const values = {
        HCCustomerId: 'HC5',
        firstName: 'Ada',
        lastName: 'L',
        HCShopifyCustomerId: shop,
        email,
      };
      const row = { lineNumber: 2, endLine: 2, values, extra: {}, original: {}, fields: [] };
      const out = lib.decideRow(
        { row, customer: lib.toNewCustomer(values, {}, opts) } as never,
        index,
        deps as never,
        opts,
      );
      return out.kind === 'error' ? out.code : out.kind;
    };
    expect([
      decide('661', 'a@example.com'),
      decide('661', 'a@example.com'),
      decide('662', 'a@example.com'),
      decide('661', 'z@example.com'),
      decide('', ''),
    ]).toEqual([
      'created',
      'alreadyLinked',
      'IDENTITY_CONFLICT',
      matchByEmail ? 'IDENTITY_CONFLICT' : 'alreadyLinked',
      'alreadyLinked',
    ]);
  },
);
