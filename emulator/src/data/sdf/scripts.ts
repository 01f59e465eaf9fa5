/** Script objects (scheduledscript, mapreducescript, suitelet, …) with their parameters and deployments. */
import { resolveSelectType } from './customFields';
import { text, bool, num } from './xml';
import type { SdfScriptParameter, SdfScriptDeployment, SdfScriptObject } from './objectTypes';

export const SCRIPT_ELEMENTS: Record<string, string> = {
  scheduledscript: 'SCHEDULED',
  mapreducescript: 'MAPREDUCE',
  restlet: 'RESTLET',
  suitelet: 'SUITELET',
  usereventscript: 'USEREVENT',
  clientscript: 'CLIENT',
};

const DEPLOYMENT_KNOWN = new Set([
  '@_scriptid',
  'status',
  'title',
  'isdeployed',
  'loglevel',
  'recurrence',
  'concurrencylimit',
  'buffersize',
  'yieldaftermins',
  'queueallstagesatonce',
]);

export function parseScript(kindTag: string, x: Record<string, unknown>, file: string): SdfScriptObject {
  const params: SdfScriptParameter[] = [];
  const pf = (x.scriptcustomfields as Record<string, unknown> | undefined)?.scriptcustomfield as
    Record<string, unknown>[] | undefined;
  for (const p of pf ?? []) {
    params.push({
      id: text(p['@_scriptid']).toLowerCase(),
      label: text(p.label),
      fieldType: text(p.fieldtype).toUpperCase() || 'TEXT',
      defaultValue: text(p.defaultvalue),
      selectRecordType: resolveSelectType(text(p.selectrecordtype)),
      isMandatory: bool(p.ismandatory),
      preference: text(p.setting).toUpperCase(),
    });
  }
  const paramIds = new Set(params.map((p) => p.id));
  const deployments: SdfScriptDeployment[] = [];
  const dl = (x.scriptdeployments as Record<string, unknown> | undefined)?.scriptdeployment as
    Record<string, unknown>[] | undefined;
  for (const d of dl ?? []) {
    const values: Record<string, string> = {};
    const raw: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d)) {
      if (paramIds.has(k.toLowerCase()) || k.toLowerCase().startsWith('custscript'))
        values[k.toLowerCase()] = text(v);
      else if (!DEPLOYMENT_KNOWN.has(k)) raw[k] = v;
    }
    const rec = d.recurrence;
    deployments.push({
      id: text(d['@_scriptid']).toLowerCase(),
      title: text(d.title),
      status: text(d.status).toUpperCase() || 'NOTSCHEDULED',
      isDeployed: bool(d.isdeployed, true),
      logLevel: text(d.loglevel).toUpperCase() || 'DEBUG',
      params: values,
      recurrence: rec && typeof rec === 'object' ? (rec as Record<string, unknown>) : undefined,
      concurrencyLimit: num(d.concurrencylimit),
      bufferSize: num(d.buffersize),
      yieldAfterMins: num(d.yieldaftermins),
      queueAllStagesAtOnce: d.queueallstagesatonce === undefined ? undefined : bool(d.queueallstagesatonce),
      raw,
    });
  }
  return {
    scriptId: text(x['@_scriptid']).toLowerCase(),
    objectType: kindTag,
    kind: SCRIPT_ELEMENTS[kindTag] ?? kindTag.toUpperCase(),
    name: text(x.name),
    scriptFile: text(x.scriptfile).replace(/^\[|\]$/g, ''),
    description: text(x.description),
    parameters: params,
    deployments,
    sourceFile: file,
  };
}
