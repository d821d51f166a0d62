import { describe, expect, it } from 'vitest';
import { contactSearchSql, parseSearchTerm, SEARCH_MAX_LENGTH } from '../../src/domain/contact-search.ts';
import { ValidationError } from '../../src/domain/errors.ts';

const WORKSPACE = '00000000-0000-4000-8000-000000000001';

describe('parseSearchTerm', () => {
  it('is nothing for a blank search', () => {
    expect(parseSearchTerm(undefined)).toBeUndefined();
    expect(parseSearchTerm(null)).toBeUndefined();
    expect(parseSearchTerm(' \t\n ')).toBeUndefined();
  });

  it('trims, makes inner whitespace one space and composes accents as names are stored', () => {
    expect(parseSearchTerm('  Ann \t  Smith ')).toMatchObject({ text: 'Ann Smith', names: 'anywhere' });
    expect(parseSearchTerm('Jose\u0301')!.text).toBe('José');
  });

  it('matches names from a word start below 3 characters, anywhere from 3', () => {
    expect(parseSearchTerm('Al')).toMatchObject({ names: 'wordStart' });
    expect(parseSearchTerm('Ali')).toMatchObject({ names: 'anywhere' });
  });

  it('reads 3 or more digits with phone punctuation as part of a phone number, anchored by a leading +', () => {
    expect(parseSearchTerm('555')).toMatchObject({ phoneDigits: { digits: '555', fromStart: false }, phoneNumbers: [] });
    expect(parseSearchTerm('(202) 555-01.4')).toMatchObject({ phoneDigits: { digits: '202555014', fromStart: false } });
    expect(parseSearchTerm('+44 20')).toMatchObject({ phoneDigits: { digits: '4420', fromStart: true } });
    expect(parseSearchTerm('55')!.phoneDigits).toBeUndefined();
    expect(parseSearchTerm('555 Main')!.phoneDigits).toBeUndefined();
  });

  it('keeps the exact numbers a whole phone number can be', () => {
    const term = parseSearchTerm('(202) 555-0143')!;
    expect(term.phoneNumbers).toContain('+12025550143');
    expect(term.phoneDigits).toEqual({ digits: '2025550143', fromStart: false });
  });

  it('reads a term with @ or shaped like a domain as part of an email address, lower-cased', () => {
    expect(parseSearchTerm('Example.COM')).toMatchObject({ emailPart: 'example.com', names: 'anywhere' });
    expect(parseSearchTerm('.co.uk')!.emailPart).toBe('.co.uk');
    expect(parseSearchTerm('Ann@')!.emailPart).toBe('ann@');
    expect(parseSearchTerm('@Acme')!.emailPart).toBe('@acme');
    expect(parseSearchTerm('St. John')!.emailPart).toBeUndefined();
    expect(parseSearchTerm('J.R')!.emailPart).toBeUndefined();
  });

  it('matches nothing for a term without a letter or digit', () => {
    expect(parseSearchTerm('%')).toEqual({ text: '%', phoneNumbers: [] });
    expect(parseSearchTerm('@')).toEqual({ text: '@', phoneNumbers: [] });
    expect(contactSearchSql(parseSearchTerm('_')!, WORKSPACE).text).toBe('FALSE');
  });

  it(`refuses more than ${SEARCH_MAX_LENGTH} characters, counted after trimming and in code points`, () => {
    expect(parseSearchTerm(` ${'a'.repeat(SEARCH_MAX_LENGTH)} `)!.text).toHaveLength(SEARCH_MAX_LENGTH);
    expect(parseSearchTerm('😀'.repeat(SEARCH_MAX_LENGTH))).toBeDefined();
    let error: unknown;
    try {
      parseSearchTerm('a'.repeat(SEARCH_MAX_LENGTH + 1));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      {
        path: ['search'],
        code: 'TOO_LONG',
        message: `a search is at most ${SEARCH_MAX_LENGTH} characters; this one has ${SEARCH_MAX_LENGTH + 1}`,
        params: { limit: SEARCH_MAX_LENGTH, length: SEARCH_MAX_LENGTH + 1 },
      },
    ]);
  });
});

describe('contactSearchSql', () => {
  it('binds the term and the workspace, and escapes LIKE wildcards in an email part', () => {
    const query = contactSearchSql(parseSearchTerm('100%_x@')!, WORKSPACE);
    expect(query.text).not.toContain('100%');
    expect(query.values).toContain('100%_x@');
    expect(query.values).toContain(String.raw`%100\%\_x@%`);
    expect(query.values).toContain(WORKSPACE);
  });

  it('looks up only the sets the term can be in', () => {
    expect(contactSearchSql(parseSearchTerm('Ann')!, WORKSPACE).text).not.toContain('contact_details');
    const phone = contactSearchSql(parseSearchTerm('5551000')!, WORKSPACE).text;
    expect(phone).toContain(`d.kind = 'PHONE'`);
    expect(phone).not.toContain(`d.kind = 'EMAIL'`);
  });
});
