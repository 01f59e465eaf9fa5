/**
 * The account's scripts as NetSuite shows them to searches: record types `script`,
 * `scriptdeployment` (scriptid, title, status, isdeployed, script, and the deployment's parameter
 * values as fields, as on the deployment record). Written from the account's script definitions
 * whenever a page asks (syncScriptRecords), so searches see the current state. Script instances
 * (`scheduledscriptinstance`) are read live from the task queue by the search itself
 * (data/scriptInstances.ts).
 */
import type { Account } from '../account';
import type { FieldDef, FieldType, RecordTypeDef } from './recordStore';

const field = (id: string, label: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  id,
  label,
  type,
  ...extra,
});

function typeDef(
  type: string,
  label: string,
  fields: FieldDef[],
  display: (v: Record<string, unknown>) => string,
): RecordTypeDef {
  return {
    type,
    label,
    custom: false,
    fields: Object.fromEntries(fields.map((f) => [f.id, f])),
    sublists: {},
    computed: {},
    displayText: (r) => display(r.values),
  };
}

const PARAM_TYPES: Record<string, FieldType> = {
  CHECKBOX: 'CHECKBOX',
  INTEGER: 'INTEGER',
  FLOAT: 'FLOAT',
  SELECT: 'TEXT',
  MULTISELECT: 'TEXT',
  CLOBTEXT: 'CLOBTEXT',
  TEXTAREA: 'TEXTAREA',
  DATE: 'TEXT',
  DATETIMETZ: 'TEXT',
};

const deploymentIds = new WeakMap<Account, Map<string, number>>();

/** A stable internal id per deployment (NetSuite numbers deployments account-wide). */
export function deploymentInternalId(account: Account, scriptId: string, deploymentId: string): number {
  let ids = deploymentIds.get(account);
  if (!ids) deploymentIds.set(account, (ids = new Map()));
  const key = `${scriptId.toLowerCase()}/${deploymentId.toLowerCase()}`;
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size + 1));
  return id;
}

export function syncScriptRecords(account: Account): void {
  const store = account.records;
  const paramFields = new Map<string, FieldDef>();
  for (const s of account.scripts.values())
    for (const p of Object.values(s.params))
      paramFields.set(
        p.id,
        field(p.id, p.label ?? p.id, PARAM_TYPES[p.type] ?? 'TEXT', { maxLength: 1_000_000 }),
      );
  store.defineType(
    typeDef(
      'script',
      'Script',
      [field('scriptid', 'ID', 'TEXT'), field('name', 'Name', 'TEXT'), field('scripttype', 'Type', 'TEXT')],
      (v) => String(v.name ?? ''),
    ),
  );
  store.defineType(
    typeDef(
      'scriptdeployment',
      'Script Deployment',
      [
        field('scriptid', 'ID', 'TEXT'),
        field('title', 'Title', 'TEXT'),
        field('status', 'Status', 'TEXT'),
        field('isdeployed', 'Deployed', 'CHECKBOX'),
        field('loglevel', 'Log Level', 'TEXT'),
        field('script', 'Script', 'SELECT', { selectType: 'script' }),
        ...paramFields.values(),
      ],
      (v) => String(v.title ?? v.scriptid ?? ''),
    ),
  );
  for (const t of ['scriptdeployment', 'script']) for (const r of [...store.all(t)]) store.delete(t, r.id);
  for (const s of account.scripts.values()) {
    store.create(
      'script',
      { scriptid: s.scriptId, name: s.name, scripttype: s.kind },
      { id: s.internalId, validate: false },
    );
    for (const d of s.deployments) {
      const values: Record<string, unknown> = {
        scriptid: d.deploymentId,
        title: d.title ?? d.deploymentId,
        status: d.status,
        isdeployed: d.isDeployed,
        loglevel: d.logLevel,
        script: s.internalId,
      };
      for (const p of Object.values(s.params)) {
        const raw = d.params[p.id] ?? p.defaultValue ?? '';
        values[p.id] = p.type === 'CHECKBOX' ? raw === 'T' : raw;
      }
      store.create('scriptdeployment', values, {
        id: deploymentInternalId(account, s.scriptId, d.deploymentId),
        validate: false,
        ignoreMandatoryFields: true,
      });
    }
  }
}
