/**
 * Formula filters and columns (formulatext, formulanumeric, formuladate, formuladatetime,
 * formulacurrency, formulapercent): a small evaluator of the Oracle SQL expressions NetSuite
 * accepts there (help "Formulas in Search", "SQL Expressions"). It parses the expression into a
 * tree once and evaluates it per record; nothing is ever passed to `eval`.
 *
 * Supported: literals ('text' with '' escapes, numbers, NULL), `{field}` and `{join.field}`
 * references (select fields give their text, `{field.id}` their internal id), `||`, + - * /,
 * comparisons (= != <> < > <= >=), AND / OR / NOT, IS [NOT] NULL, [NOT] LIKE, [NOT] IN (…),
 * CASE WHEN … THEN … [ELSE …] END and CASE x WHEN v THEN … END, SYSDATE, and the functions NVL,
 * NVL2, COALESCE, DECODE, TO_CHAR, TO_NUMBER, TO_DATE, SUBSTR, INSTR, LENGTH, UPPER, LOWER,
 * INITCAP, TRIM, LTRIM, RTRIM, LPAD, RPAD, REPLACE, CONCAT, ROUND, TRUNC, ABS, FLOOR, CEIL, MOD,
 * GREATEST, LEAST. As in Oracle, '' is NULL, NULL propagates through arithmetic and `||` treats
 * it as ''.
 *
 * An expression that does not parse, names an unknown field or calls an unknown function gives
 * the column value "ERROR: Invalid Expression" (what NetSuite shows in such a column); as a filter
 * it throws SSS_INVALID_SRCH_FILTER (code unverified). Parsing: formulaParser.ts; evaluation:
 * formulaEval.ts; here: field references and the accessors engine.ts uses.
 */
import { nsError } from '../../core/errors';
import type { FieldDef, FieldType, StoredRecord } from '../../data/recordStore';
import type { DatePreferences } from '../../data/dates';
import { evaluate, text } from './formulaEval';
import { FormulaError, Parser, lex, type Node, type Value } from './formulaParser';

export const INVALID_EXPRESSION = 'ERROR: Invalid Expression';

/** What a formula needs from the search engine (engine.ts). */
export interface FieldResolver {
  readonly prefs: DatePreferences;
  accessor(
    type: string,
    name: string,
    join: string | undefined,
    kind: 'filter' | 'column',
  ): { def: FieldDef; get: (r: StoredRecord) => unknown; selectType?: string };
  selectText(selectType: string | undefined, v: unknown): string;
  now(): Date;
}

const RESULT_TYPES: Record<string, FieldType> = {
  formulatext: 'TEXT',
  formulanumeric: 'FLOAT',
  formuladate: 'DATE',
  formuladatetime: 'DATETIME',
  formulacurrency: 'CURRENCY',
  formulapercent: 'PERCENT',
};

// ------------------------------------------------------------------------------------- accessor

/** The value a field reference stands for in a formula. */
function refGetter(env: FieldResolver, type: string, ref: string): (r: StoredRecord) => Value {
  const parts = ref.split('.');
  const wantId = parts.length > 1 && parts[parts.length - 1] === 'id';
  if (wantId) parts.pop();
  if (parts.length > 2 || parts.some((p) => p === '')) throw new FormulaError(`bad field reference {${ref}}`);
  const [join, name] = parts.length === 2 ? [parts[0], parts[1]] : [undefined, parts[0]];
  const acc = env.accessor(type, name, join, 'column');
  const t = acc.def.type;
  return (r) => {
    const v = acc.get(r);
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
    if (v instanceof Date) return v;
    if (typeof v === 'boolean') return v ? 'T' : 'F';
    if (acc.selectType && !wantId) {
      const list = Array.isArray(v) ? v : [v];
      return list.map((x) => env.selectText(acc.selectType, x)).join(',');
    }
    if (Array.isArray(v)) return v.join(',');
    if (typeof v === 'number') return v;
    if (t === 'INTEGER' || t === 'FLOAT' || t === 'CURRENCY' || t === 'PERCENT') return Number(v);
    return String(v);
  };
}

/** A compiled formula: the record's value, or INVALID_EXPRESSION for columns. */
export function compileFormula(
  env: FieldResolver,
  type: string,
  name: string,
  formula: string | undefined,
): { def: FieldDef; get: (r: StoredRecord) => unknown; error?: string } {
  const resultType = RESULT_TYPES[name];
  const def: FieldDef = { id: name, label: name, type: resultType ?? 'TEXT' };
  if (!resultType) return { def, get: () => INVALID_EXPRESSION, error: `unknown formula type ${name}` };
  let tree: Node;
  try {
    if (!formula || !formula.trim()) throw new FormulaError('empty formula');
    tree = new Parser(lex(formula), (ref) => refGetter(env, type, ref)).parse();
  } catch (e) {
    const msg = e instanceof FormulaError ? e.message : (e as Error).message;
    return { def: { ...def, type: 'TEXT' }, get: () => INVALID_EXPRESSION, error: msg };
  }
  const get = (r: StoredRecord): unknown => {
    let v: Value;
    try {
      v = evaluate(tree, r, env);
    } catch {
      return INVALID_EXPRESSION;
    }
    if (v === null) return '';
    switch (resultType) {
      case 'DATE':
      case 'DATETIME':
        return v instanceof Date ? v : INVALID_EXPRESSION;
      case 'TEXT':
        return text(v, env.prefs);
      default: {
        if (v instanceof Date) return INVALID_EXPRESSION;
        const x = typeof v === 'number' ? v : Number(v);
        return Number.isFinite(x) ? x : INVALID_EXPRESSION;
      }
    }
  };
  return { def, get };
}

/** The accessor engine.ts uses for formula* names; a bad formula in a filter throws. */
export function formulaAccessor(
  env: FieldResolver,
  type: string,
  name: string,
  formula: string | undefined,
  kind: 'filter' | 'column',
): { def: FieldDef; get: (r: StoredRecord) => unknown } {
  const c = compileFormula(env, type, name, formula);
  if (c.error && kind === 'filter') {
    throw nsError(
      'SSS_INVALID_SRCH_FILTER',
      `An nlobjSearchFilter contains invalid search criteria: ${name}: ${INVALID_EXPRESSION} (${c.error}).`,
    );
  }
  if (kind === 'filter') {
    // A row whose value does not evaluate matches nothing (it is not an error for the search).
    const get = c.get;
    return {
      def: c.def,
      get: (r) => {
        const v = get(r);
        return v === INVALID_EXPRESSION ? undefined : v;
      },
    };
  }
  return { def: c.def, get: c.get };
}
