/**
 * Scalar parameters: whole numbers sent as JSON numbers or digit strings, the vivo
 * classification, and non-blank text, with the sentences a caller reads.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, parse } from './request.ts';

describe('whole-number parameters', () => {
  it('refuses a decimal string, saying which forms a whole number may take', () => {
    expect(issuesOf(parse({ expiredSeconds: '3.5' }))).toEqual([
      {
        field: 'expiredSeconds',
        rule: 'integer',
        message:
          'expiredSeconds: must be a whole number (a JSON number, or a string of decimal digits); got the string "3.5".',
      },
    ]);
  });

  it.each([
    ['an array holding the number', [3]],
    ['an array holding a digit string', ['3']],
  ])('refuses %s, even though it reads as "3" when turned into text', (_name, deliveryType) => {
    expect(issuesOf(parse({ deliveryType }))).toEqual([
      {
        field: 'deliveryType',
        rule: 'integer',
        message:
          'deliveryType: must be a whole number (a JSON number, or a string of decimal digits); got an array.',
      },
    ]);
  });
});

describe('classification', () => {
  it('names the two vivo message types when the value is neither', () => {
    expect(issuesOf(parse({ classification: 2 }))).toEqual([
      {
        field: 'classification',
        rule: 'one-of',
        message:
          'classification: must be "0" (operational message) or "1" (system message), the vivo message types; got the number 2.',
      },
    ]);
  });
});

describe('text parameters', () => {
  it('refuses a number where text is expected, saying it must be a string', () => {
    expect(issuesOf(parse({ templateName: 42 }))).toEqual([
      {
        field: 'templateName',
        rule: 'type',
        message: 'templateName: must be a string; got the number 42.',
      },
    ]);
  });

  it('refuses text of only spaces', () => {
    expect(issuesOf(parse({ templateName: '   ' }))).toEqual([
      {
        field: 'templateName',
        rule: 'non-empty',
        message: 'templateName: must not be empty or blank.',
      },
    ]);
  });
});
