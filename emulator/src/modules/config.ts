/**
 * N/config, as far as scripts read script-parameter company preferences: config.load({ type:
 * config.Type.COMPANY_PREFERENCES }) (10 units, help "config.load(options)") returns the company
 * preferences record, whose custom preferences are the script parameters with Preference "Company"
 * (help "Setting Script Parameter Preferences"); getValue({ fieldId: 'custscript_…' }) types the value
 * as runtime's getParameter does, and an unset one reads as the parameter's default. Other types
 * and saving are not emulated (they throw).
 */
import type { ExecutionContext } from '../core/context';
import { SuiteScriptError } from '../core/errors';
import type { Account } from '../account';
import { typedParameter } from './runtime';

export const Type = {
  COMPANY_PREFERENCES: 'companypreferences',
  USER_PREFERENCES: 'userpreferences',
  COMPANY_INFORMATION: 'companyinformation',
  ACCOUNTING_PREFERENCES: 'accountingpreferences',
  FEATURES: 'companyfeatures',
} as const;

export function createConfigModule(ctx: ExecutionContext) {
  const acc = ctx.account as unknown as Account;
  return {
    Type,
    load(options: { type: string }) {
      ctx.charge('config.load', 10);
      if (String(options?.type ?? '').toLowerCase() !== Type.COMPANY_PREFERENCES)
        throw new SuiteScriptError(
          'SSS_INVALID_TYPE_ARG',
          `config.load: the emulator has only ${Type.COMPANY_PREFERENCES} (got ${String(options?.type)})`,
        );
      const defs = [...acc.scripts.values()].flatMap((s) => Object.values(s.params));
      const value = (fieldId: string) => {
        const id = String(fieldId).toLowerCase();
        const def = defs.find((p) => p.id === id && p.preference === 'COMPANY');
        if (!def) return null;
        const v = typedParameter(def.type, acc.companyPreferences[id] ?? def.defaultValue, acc.preferences);
        return v instanceof Date ? ctx.scriptDate(v) : v;
      };
      return {
        type: Type.COMPANY_PREFERENCES,
        getValue: (o: { fieldId: string } | string) => value(typeof o === 'string' ? o : o.fieldId),
        getText: (o: { fieldId: string } | string) => {
          const v = value(typeof o === 'string' ? o : o.fieldId);
          return v === null ? '' : String(v);
        },
        save() {
          throw new SuiteScriptError('SSS_NOT_EMULATED', 'config: saving preferences is not emulated');
        },
      };
    },
  };
}
