import { beforeAll, describe, expect, it } from 'vitest';
import { seedAudienceGroup } from '../support/audience-seed.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { createGroup } from '../support/operations.ts';
import { Audience, exclusions } from '../opt-outs/consent-api.ts';

const CONTACTS = 100_000;

const app = useTestApp({ worker: false });
let ws: TestWorkspace;
let groupId: string;

beforeAll(async () => {
  ws = await app.createWorkspace('Scale');
  groupId = await createGroup(app, ws.keys.WRITE, { name: 'Everyone', type: 'STATIC' });
  await seedAudienceGroup(app.db, ws.id, groupId, CONTACTS);
  await app.db.pool.query('VACUUM ANALYZE');
}, 120_000);

describe('an audience of 100,000 contacts', () => {
  it('is counted and paged in SQL', async () => {
    const started = performance.now();
    const { audience } = await app.data(Audience, { input: { channel: 'SMS', groupIds: [groupId] }, first: 1000 }, ws.keys.READ);
    const seconds = (performance.now() - started) / 1000;
    if (audience.__typename !== 'Audience') throw new Error(audience.message);

    // Expected from the seeding rules, computed independently of the audience SQL.
    const phones = new Map<string, boolean>();
    let emailOnly = 0;
    for (let n = 1; n <= CONTACTS; n++) {
      if (n % 13 === 0) emailOnly++;
      else {
        const number = n - (n % 10 === 0 ? 1 : 0);
        phones.set(String(number), number % 7 === 0);
      }
    }
    const optedOut = [...phones.values()].filter(Boolean).length;
    expect(audience.sendableCount).toBe(phones.size - optedOut);
    expect(exclusions(audience.excluded)).toEqual({ OPTED_OUT: optedOut, NO_ADDRESS: emailOnly });
    expect(audience.addresses.edges).toHaveLength(1000);
    expect(audience.addresses.pageInfo.hasNextPage).toBe(true);
    console.log(`audience of ${CONTACTS} contacts (counts + first page of 1,000): ${seconds.toFixed(2)} s`);
  });
});
