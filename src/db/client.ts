import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

/**
 * One database for the process: a `pg` pool for the bulk paths (COPY, set-based SQL,
 * LISTEN/NOTIFY) and a Prisma client for the API's ordinary reads and writes, sharing that pool.
 */
export interface Database {
  url: string;
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

const POOL_SIZE = 10;

export function openDatabase(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    url,
    pool,
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
