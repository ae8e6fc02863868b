// A throwaway PostgreSQL cluster for the reference server's tests and load report: initdb in a
// temp folder, listening on 127.0.0.1 on a free port (no Unix socket outside that folder),
// stopped and deleted by stop() — and on process exit, even after a failure.
//
// Uses Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin; `.ci/run` installs it).
// As root, initdb and pg_ctl run as the `postgres` user (`runuser -u postgres`), which owns the
// folder; as any other user they run as that user.
//
//   const pg = await startPostgres();   // { url, stop() } or { missing: 'why' }
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest /usr/lib/postgresql/<version>/bin holding initdb, or null. */
export function postgresBin() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster. Resolves `{ url, stop }` (url: `postgres://postgres@127.0.0.1:PORT/postgres`,
 * trust authentication on loopback), or `{ missing }` saying why there is none.
 */
export async function startPostgres() {
  const bin = postgresBin();
  if (!bin) return { missing: "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; Debian: apt-get install -y postgresql)" };
  const asRoot = process.getuid?.() === 0;
  let prefix = [];
  const dir = mkdtempSync(join(tmpdir(), 'billing-pg-'));
  if (asRoot) {
    let uid;
    let gid;
    try {
      uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      rmSync(dir, { recursive: true, force: true });
      return { missing: 'running as root and there is no `postgres` user to run PostgreSQL as' };
    }
    chownSync(dir, uid, gid);
    prefix = ['runuser', '-u', 'postgres', '--'];
  }
  const data = join(dir, 'data');
  const exec = (tool, args) => {
    const [command, ...rest] = [...prefix, join(bin, tool), ...args];
    return spawnSync(command, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    if (existsSync(join(data, 'postmaster.pid'))) exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);

  const init = exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (init.status !== 0) {
    stop();
    return { missing: `initdb failed: ${(init.stderr || init.stdout || String(init.error)).trim().split('\n').slice(-3).join(' ')}` };
  }
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
    // A throwaway cluster: durability is not the point, speed on a busy machine is.
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200',
  ].join(' ');
  const start = exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  if (start.status !== 0) {
    stop();
    return { missing: `pg_ctl start failed: ${(start.stderr || start.stdout || String(start.error)).trim().split('\n').slice(-3).join(' ')}` };
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
