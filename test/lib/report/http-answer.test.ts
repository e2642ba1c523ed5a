/**
 * The problem titles (#11): http-answer.ts keeps its own table of reason phrases so that no
 * function loads `node:http` at cold start; it must say what Node's does, for every status the
 * function answers a problem with.
 */
import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { problemOf, REASON_PHRASES } from '#lib/report/http-answer.ts';
import { OWN_PROBLEMS } from '#lib/report/openapi/problems.ts';
import { BadRequestError } from '#lib/shared/errors.ts';

describe('REASON_PHRASES', () => {
  it("says what Node's STATUS_CODES says, for each of its statuses", () => {
    for (const [status, phrase] of Object.entries(REASON_PHRASES)) {
      expect(phrase, status).toBe(STATUS_CODES[status]);
    }
  });

  it('has every status a problem is answered with: the own codes and those passed through', () => {
    const own = OWN_PROBLEMS.flatMap((problem) => [problem.status].flat());
    const passedThrough = [413, 422, 429, 502, 503, 504];

    for (const status of [...own, ...passedThrough]) {
      expect(REASON_PHRASES[status], String(status)).toBeDefined();
    }
  });

  it('titles a problem with its phrase', () => {
    const problem = problemOf(new BadRequestError('x', 415, 'UnsupportedMediaType'), 'req-1');

    expect(problem.title).toBe('Unsupported Media Type');
  });
});
