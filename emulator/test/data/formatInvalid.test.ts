/** N/format on input it cannot read: help "format.parse(options)": "If the value given is not valid
 * or parsable, the original value passed to options.value is returned." */
import { createFormatModule } from '../../src/modules/format';
import { makeContext } from './helpers';

test('format.parse returns the original value when it is not valid or parsable', () => {
  const format = createFormatModule(makeContext());
  for (const [value, type] of [
    ['2024-03-01', format.Type.DATE],
    ['31/31/2024', format.Type.DATE],
    ['not a time', format.Type.DATETIME],
    ['twelve', format.Type.INTEGER],
    ['1.2.3', format.Type.FLOAT],
    ['abc', format.Type.CURRENCY],
    ['25 o clock', format.Type.TIMEOFDAY],
  ] as const) {
    expect(format.parse({ value, type })).toBe(value);
  }
  const d = format.parse({ value: '3/1/2024', type: format.Type.DATE }) as unknown as Date;
  expect(d.toISOString()).toBe('2024-03-01T08:00:00.000Z');
});
