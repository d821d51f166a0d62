/**
 * The CSV that `bench:import` imports, generated deterministically: row `i` is drawn from a PRNG
 * seeded with `i` alone, so any row (and the earlier row a repeat copies) can be made again from its
 * number, and the same ROWS always give the same file.
 *
 * Columns: First Name, Last Name, Mobile, Country, Email, Score (NUMBER), Birthday (DATE), Tier
 * (SELECT: Gold, Silver, Bronze) and Tags. Rows are of three kinds:
 * - a person (92%): a mobile number of one of eight countries, unique in the file, in national or
 *   international form, with the country in the Country column;
 * - an invalid phone (5%): too short, too long for its country, an area code that does not exist,
 *   or words;
 * - a repeat (3%): the phone of an earlier person written in the other form (national vs
 *   international), with that person's name and email in other letter case.
 * Numbers are drawn from ranges libphonenumber's full metadata holds valid; the generator checks
 * that a sample of the written numbers (and every invalid one) reads as intended.
 *
 * One file over 400 lines: the generator and the phone formats of its eight countries belong together.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export const HEADER = ['First Name', 'Last Name', 'Mobile', 'Country', 'Email', 'Score', 'Birthday', 'Tier', 'Tags'];
/** The custom fields the workspace has before the import (the CSV's headers are their labels). */
export const CUSTOM_FIELDS = [
  { label: 'Score', type: 'NUMBER', options: [] as string[] },
  { label: 'Birthday', type: 'DATE', options: [] as string[] },
  { label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver', 'Bronze'] },
] as const;

const SEED = 0x5eed_2026;
const INVALID_SHARE = 0.05;
const REPEAT_SHARE = 0.03;
/** Rows checked with libphonenumber as they are written: the first ones, then one in this many. */
const CHECKED_FIRST = 2000;
const CHECKED_EVERY = 97;

interface Country {
  code: string;
  callingCode: string;
  weight: number;
  /** Starts of national significant numbers in valid mobile ranges; the rest is `free` digits. */
  prefixes: string[];
  free: number;
  /** The number as people write it at home, and in international form; `variant` picks a style. */
  national(nsn: string, variant: number): string;
  international(nsn: string, variant: number): string;
}

/** The digits cut at the given positions: `cut('2025550143', 3, 6)` → `['202', '555', '0143']`. */
const cut = (digits: string, ...at: number[]) => [0, ...at].map((from, k) => digits.slice(from, at[k]));
/** Two digits at a time, space-separated, as the French write numbers. */
const pairs = (digits: string) => digits.match(/../g)!.join(' ');
/** A way of writing from a list, by variant. */
const style = (v: number, ...ways: string[]) => ways[v % ways.length]!;

const COUNTRIES: Country[] = [
  {
    code: 'US',
    callingCode: '1',
    weight: 30,
    prefixes: ['201', '202', '212', '213', '305', '312', '404', '415', '503', '617', '646', '718'].flatMap((area) =>
      [2, 3, 4, 5, 6, 7, 8, 9].map((exchange) => `${area}${exchange}`),
    ),
    free: 6,
    national: (n, v) => {
      const [a, b, c] = cut(n, 3, 6);
      return style(v, `(${a}) ${b}-${c}`, `${a}-${b}-${c}`, `${a}.${b}.${c}`);
    },
    international: (n, v) => {
      const [a, b, c] = cut(n, 3, 6);
      return style(v, `+1 ${a} ${b} ${c}`, `+1 (${a}) ${b}-${c}`, `+1${n}`);
    },
  },
  {
    code: 'GB',
    callingCode: '44',
    weight: 14,
    prefixes: ['740', '745', '751', '771', '772', '775', '777', '780', '783', '787', '790', '794', '796', '798'],
    free: 7,
    national: (n, v) => {
      const [a, b, c] = cut(n, 4, 7);
      return style(v, `0${a} ${b}${c}`, `0${n}`, `0${a} ${b} ${c}`);
    },
    international: (n, v) => {
      const [a, b, c] = cut(n, 4, 7);
      return style(v, `+44 ${a} ${b}${c}`, `+44${n}`, `+44 ${a} ${b} ${c}`);
    },
  },
  {
    code: 'IN',
    callingCode: '91',
    weight: 14,
    prefixes: ['98', '99', '97', '96', '94', '93', '91', '90', '88', '87', '81', '70', '63'],
    free: 8,
    national: (n, v) => {
      const [a, b] = cut(n, 5);
      return style(v, `0${a} ${b}`, `${a} ${b}`, n);
    },
    international: (n, v) => {
      const [a, b] = cut(n, 5);
      return style(v, `+91 ${a} ${b}`, `+91-${n}`, `+91${n}`);
    },
  },
  {
    code: 'DE',
    callingCode: '49',
    weight: 10,
    prefixes: ['1511', '1512', '1515', '1516', '1520', '1522', '1573', '1577', '1590', '1760', '1791'],
    free: 7,
    national: (n, v) => style(v, `0${n.slice(0, 4)} ${n.slice(4)}`, `0${n.slice(0, 3)}/${n.slice(3)}`, `0${n}`),
    international: (n, v) => style(v, `+49 ${n.slice(0, 4)} ${n.slice(4)}`, `+49 ${n.slice(0, 3)} ${n.slice(3)}`, `+49${n}`),
  },
  {
    code: 'BR',
    callingCode: '55',
    weight: 10,
    prefixes: ['11', '21', '31', '41', '51', '61', '71', '81', '85', '91'].flatMap((area) =>
      ['96', '97', '98', '99'].map((start) => `${area}${start}`),
    ),
    free: 7,
    national: (n, v) => {
      const [a, b, c] = cut(n, 2, 7);
      return style(v, `(${a}) ${b}-${c}`, `${a} ${b}-${c}`, `0${n}`);
    },
    international: (n, v) => {
      const [a, b, c] = cut(n, 2, 7);
      return style(v, `+55 ${a} ${b} ${c}`, `+55 (${a}) ${b}-${c}`, `+55${n}`);
    },
  },
  {
    code: 'FR',
    callingCode: '33',
    weight: 10,
    prefixes: ['60', '61', '62', '64', '65', '66', '67', '68', '73', '74', '75', '76', '77', '78'],
    free: 7,
    national: (n, v) => style(v, `0${n[0]} ${pairs(n.slice(1))}`, `0${n}`, `0${n[0]}.${pairs(n.slice(1)).replaceAll(' ', '.')}`),
    international: (n, v) => style(v, `+33 ${n[0]} ${pairs(n.slice(1))}`, `+33${n}`),
  },
  {
    code: 'ES',
    callingCode: '34',
    weight: 6,
    prefixes: ['60', '61', '62', '63', '64', '65', '66', '67', '68', '69', '71', '72', '73'],
    free: 7,
    national: (n, v) => {
      const [a, b, c, d] = cut(n, 3, 5, 7);
      return style(v, `${a} ${b} ${c} ${d}`, n, `${a} ${n.slice(3, 6)} ${n.slice(6)}`);
    },
    international: (n, v) => {
      const [a, b, c, d] = cut(n, 3, 5, 7);
      return style(v, `+34 ${a} ${b} ${c} ${d}`, `+34${n}`, `+34 ${a} ${n.slice(3, 6)} ${n.slice(6)}`);
    },
  },
  {
    code: 'AU',
    callingCode: '61',
    weight: 6,
    prefixes: ['40', '41', '42', '43', '46'],
    free: 7,
    national: (n, v) => {
      const [a, b, c] = cut(n, 3, 6);
      return style(v, `0${a} ${b} ${c}`, `0${n}`);
    },
    international: (n, v) => {
      const [a, b, c] = cut(n, 3, 6);
      return style(v, `+61 ${a} ${b} ${c}`, `+61${n}`);
    },
  },
];
const TOTAL_WEIGHT = COUNTRIES.reduce((sum, country) => sum + country.weight, 0);

/**
 * Row numbers are spread over each country's numbers by `q = i × step mod size`, with a step near
 * size × 0.618 and coprime with size: a permutation (no two rows share a number) that sends
 * consecutive rows far apart, as a real file's numbers are, rather than into neighbouring index pages.
 */
const STEPS = new Map(
  COUNTRIES.map((country) => {
    const size = country.prefixes.length * 10 ** country.free;
    let step = Math.floor(size * 0.6180339887);
    while (gcd(step, size) !== 1) step++;
    return [country, { size, step }];
  }),
);

const FIRST_NAMES: [string, string][] = [
  ['James', 'james'],
  ['Mary', 'mary'],
  ['José', 'jose'],
  ['Zoë', 'zoe'],
  ['Jean-Luc', 'jeanluc'],
  ['Siobhán', 'siobhan'],
  ['Priya', 'priya'],
  ['Arjun', 'arjun'],
  ['Lukas', 'lukas'],
  ['Mia', 'mia'],
  ['João', 'joao'],
  ['Ana', 'ana'],
  ['Chloé', 'chloe'],
  ['Léa', 'lea'],
  ['Sofía', 'sofia'],
  ['Hugo', 'hugo'],
  ['Olivia', 'olivia'],
  ['Noah', 'noah'],
  ['Aarav', 'aarav'],
  ['Ananya', 'ananya'],
  ['Emma', 'emma'],
  ['Liam', 'liam'],
  ['Matteo', 'matteo'],
  ['Björn', 'bjorn'],
  ['Renée', 'renee'],
  ["D'Arcy", 'darcy'],
  ['Mary-Kate', 'marykate'],
  ['Ravi', 'ravi'],
  ['Lucía', 'lucia'],
  ['Thiago', 'thiago'],
  ['Camille', 'camille'],
  ['Oliver', 'oliver'],
  ['Amelia', 'amelia'],
  ['Ben', 'ben'],
  ['Hannah', 'hannah'],
  ['Fatima', 'fatima'],
  ['Wei', 'wei'],
  ['李雷', 'lilei'],
  ['Yuki', 'yuki'],
  ['Kateřina', 'katerina'],
];
const LAST_NAMES: [string, string][] = [
  ['Smith', 'smith'],
  ['García', 'garcia'],
  ['Müller', 'mueller'],
  ['Patel', 'patel'],
  ['Silva', 'silva'],
  ['Martin', 'martin'],
  ['Dubois', 'dubois'],
  ["O'Brien", 'obrien'],
  ['Schmidt', 'schmidt'],
  ['Sharma', 'sharma'],
  ['Santos', 'santos'],
  ['Rossi', 'rossi'],
  ['Nguyen', 'nguyen'],
  ['Johnson', 'johnson'],
  ['Fernández', 'fernandez'],
  ['Kowalski', 'kowalski'],
  ['Jones', 'jones'],
  ['Singh', 'singh'],
  ['Oliveira', 'oliveira'],
  ['Lefèvre', 'lefevre'],
  ['Brown', 'brown'],
  ['Wagner', 'wagner'],
  ['Kumar', 'kumar'],
  ['Costa', 'costa'],
  ['Bernard', 'bernard'],
  ['Taylor', 'taylor'],
  ['Becker', 'becker'],
  ['Gupta', 'gupta'],
  ['Pereira', 'pereira'],
  ['Moreau', 'moreau'],
  ['Williams', 'williams'],
  ['Hoffmann', 'hoffmann'],
  ['Reddy', 'reddy'],
  ['Almeida', 'almeida'],
  ['Laurent', 'laurent'],
  ['Wilson', 'wilson'],
  ['Schäfer', 'schaefer'],
  ['Iyer', 'iyer'],
  ['Rodrigues', 'rodrigues'],
  ['St. John', 'stjohn'],
];
const EMAIL_DOMAINS = ['gmail.com', 'Example.com', 'OUTLOOK.COM', 'yahoo.co.uk', 'web.de', 'Orange.fr', 'uol.com.br', 'rediffmail.com'];
const TIERS = ['Gold', 'silver', 'BRONZE', 'Silver', 'gold', 'Bronze'];
const TAGS = ['vip', 'newsletter', 'trade show', 'partner', 'churn risk', 'beta'];
const WORDS = ['n/a', 'unknown', 'call reception', 'TBD', 'none', 'see notes'];

type Kind = 'person' | 'invalid' | 'repeat';

/** What the generator wrote, to check the import's counts against. */
export interface GeneratedFile {
  rows: number;
  bytes: number;
  /** Rows with a valid phone no earlier row has: each is one contact. */
  people: number;
  invalid: number;
  repeats: number;
  /** Numbers (and invalid cells) checked with libphonenumber while writing. */
  checked: number;
}

/** Writes the bench CSV of `rows` data rows to `file`. */
export async function writeImportCsv(file: string, rows: number): Promise<GeneratedFile> {
  const out = createWriteStream(file);
  const stats: GeneratedFile = { rows, bytes: 0, people: 0, invalid: 0, repeats: 0, checked: 0 };
  const write = async (line: string) => {
    stats.bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${HEADER.join(',')}\n`);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const row = makeRow(i);
    stats[row.kind === 'person' ? 'people' : row.kind === 'invalid' ? 'invalid' : 'repeats']++;
    if (row.kind === 'invalid' || i < CHECKED_FIRST || i % CHECKED_EVERY === 0) {
      checkPhone(i, row);
      stats.checked++;
    }
    chunk += `${row.cells.map(csvCell).join(',')}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return stats;
}

interface Row {
  kind: Kind;
  cells: string[];
  country: Country;
  /** The E.164 number a valid phone cell must read as; null for an invalid one. */
  e164: string | null;
}

interface Person {
  country: Country;
  nsn: string;
  international: boolean;
  variant: number;
  firstName: string;
  lastName: string;
  emailLocal: string;
  emailDomain: string | null;
  /** Lower, Capitalized or UPPER. */
  emailCase: number;
  countryCell: string;
  score: string;
  birthday: string;
  tier: string;
  tags: string;
}

function makeRow(i: number): Row {
  const kind = kindOf(i);
  if (kind === 'repeat') {
    const earlier = earlierPerson(i);
    if (earlier >= 0) {
      const person = personOf(earlier);
      const random = rowRandom(i);
      random();
      // The same person entered again: the other form of the phone, the email in other letters.
      const again = { ...person, international: !person.international, variant: 0, emailCase: (person.emailCase + 1 + Math.floor(random() * 2)) % 3 };
      return { kind, cells: cellsOf(again, phoneCell(again)), country: person.country, e164: e164Of(person) };
    }
  }
  const person = personOf(i);
  if (kind === 'invalid') return { kind, cells: cellsOf(person, invalidPhone(i, person)), country: person.country, e164: null };
  return { kind: 'person', cells: cellsOf(person, phoneCell(person)), country: person.country, e164: e164Of(person) };
}

/** The kind of row `i`: the first draw of its PRNG. The first rows are all people, so that repeats have something to repeat. */
function kindOf(i: number): Kind {
  const draw = rowRandom(i)();
  if (i < 10) return 'person';
  return draw < INVALID_SHARE ? 'invalid' : draw < INVALID_SHARE + REPEAT_SHARE ? 'repeat' : 'person';
}

/** The earlier row whose person a repeat copies: a random earlier row, or the nearest person before it. */
function earlierPerson(i: number): number {
  const random = rowRandom(i);
  random();
  random();
  for (let j = Math.floor(random() * i); j >= 0; j--) {
    if (kindOf(j) === 'person') return j;
  }
  return -1;
}

function personOf(i: number): Person {
  const random = rowRandom(i);
  random(); // the row's kind
  random(); // a repeat's choices
  random();
  let pick = random() * TOTAL_WEIGHT;
  const country =
    COUNTRIES.find((candidate) => {
      pick -= candidate.weight;
      return pick < 0;
    }) ?? COUNTRIES[0]!;
  const { size, step } = STEPS.get(country)!;
  const q = Number((BigInt(i) * BigInt(step)) % BigInt(size));
  const nsn = country.prefixes[Math.floor(q / 10 ** country.free)]! + String(q % 10 ** country.free).padStart(country.free, '0');
  const [firstName, firstAscii] = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!;
  const [lastName, lastAscii] = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!;
  const international = random() < 0.4;
  const variant = Math.floor(random() * 3);
  const emailDomain = random() < 0.1 ? null : EMAIL_DOMAINS[Math.floor(random() * EMAIL_DOMAINS.length)]!;
  const emailCase = Math.floor(random() * 3);
  const countryCell = random() < 0.1 ? country.code.toLowerCase() : country.code;
  const score = random() < 0.1 ? '' : random() < 0.7 ? String(Math.floor(random() * 1000)) : (random() * 100).toFixed(1);
  const birthday = random() < 0.2 ? '' : new Date(Date.UTC(1950, 0, 1) + Math.floor(random() * 20_000) * 86_400_000).toISOString().slice(0, 10);
  const tier = random() < 0.1 ? '' : TIERS[Math.floor(random() * TIERS.length)]!;
  const tagCount = random() < 0.5 ? 0 : 1 + Math.floor(random() * 2);
  const tags = [...new Set(Array.from({ length: tagCount }, () => TAGS[Math.floor(random() * TAGS.length)]!))].join(', ');
  return {
    country,
    nsn,
    international,
    variant,
    firstName,
    lastName,
    emailLocal: `${firstAscii}.${lastAscii}${i}`,
    emailDomain,
    emailCase,
    countryCell,
    score,
    birthday,
    tier,
    tags,
  };
}

function cellsOf(person: Person, phone: string): string[] {
  return [person.firstName, person.lastName, phone, person.countryCell, emailOf(person), person.score, person.birthday, person.tier, person.tags];
}

function emailOf(person: Person): string {
  if (person.emailDomain === null) return '';
  const email = `${person.emailLocal}@${person.emailDomain}`;
  if (person.emailCase === 0) return email.toLowerCase();
  if (person.emailCase === 1) return email.replace(/(^|[.@])([a-z])/g, (_, separator: string, letter: string) => separator + letter.toUpperCase());
  return email.toUpperCase();
}

const phoneCell = (person: Person) =>
  person.international ? person.country.international(person.nsn, person.variant) : person.country.national(person.nsn, person.variant);
const e164Of = (person: Person) => `+${person.country.callingCode}${person.nsn}`;

/**
 * A phone cell that no numbering plan accepts: cut short, too long, a US area code that does not
 * exist, or words. A candidate that libphonenumber reads as valid after all gives way to words.
 */
function invalidPhone(i: number, person: Person): string {
  const random = rowRandom(i ^ 0x7fff_ffff);
  const words = WORDS[Math.floor(random() * WORDS.length)]!;
  const candidate = [
    () => person.country.national(person.nsn, 0).slice(0, 6),
    () => `${person.country.international(person.nsn, 0)} ${String(Math.floor(random() * 900) + 100)}`,
    () => `(1${String(Math.floor(random() * 90) + 10)}) 555-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
    () => words,
  ][Math.floor(random() * 4)]!();
  return readPhone(candidate, person.country)?.isValid() ? words : candidate;
}

const readPhone = (cell: string, country: Country) =>
  parsePhoneNumberFromString(cell, { defaultCountry: country.code as CountryCode, extract: false });

/** The written phone cell reads, with the row's country, as the number meant — or, for an invalid row, as no valid number. */
function checkPhone(i: number, row: Row): void {
  const cell = row.cells[2]!;
  const parsed = readPhone(cell, row.country);
  const valid = parsed?.isValid() === true;
  if (row.e164 === null ? valid : !valid || parsed!.number !== row.e164) {
    throw new Error(
      `bench data: row ${i + 1}'s phone ${JSON.stringify(cell)} (${row.country.code}) reads as ${parsed?.number ?? 'nothing'}, ` +
        `valid ${valid}; expected ${row.e164 ?? 'an invalid number'}`,
    );
  }
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A PRNG (mulberry32) seeded with a hash of the row number. */
function rowRandom(i: number): () => number {
  let state = hash32(i);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hash32(n: number): number {
  let h = (Math.imul(n, 0x9e3779b1) ^ SEED) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
