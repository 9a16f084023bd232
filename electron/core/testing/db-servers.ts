// Private PostgreSQL and MariaDB servers for the source-import tests and bench: each in
// its own temp directory, listening on a free loopback port, stopped (and its directory
// removed) by stop(). Debian's packages provide the binaries (.ci/run installs them);
// without them `missing` says why, for a test's `skip`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface DbServer {
  host: string;
  port: number;
  /** A login with a password (scram for PostgreSQL, mysql_native_password for MariaDB). */
  user: string;
  password: string;
  database: string;
  /** `postgresql://user@127.0.0.1:port/db` or `mysql://…`: no password, like a saved source. */
  url: string;
  /** Runs SQL as the superuser (setup, killing a backend). */
  admin(sql: string): string;
  stop(): Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function pgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', 'postgres'))) return path.join(root, v, 'bin');
  return null;
}

const onPath = (cmd: string) => ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin'].map((d) => path.join(d, cmd)).find((p) => fs.existsSync(p)) ?? null;

/** Why PostgreSQL cannot be started here, or false. */
export function postgresMissing(): string | false {
  if (!pgBinDir()) return 'PostgreSQL server binaries not installed (Debian: apt-get install postgresql)';
  if (!onPath('psql')) return 'psql not installed (Debian: apt-get install postgresql-client)';
  return false;
}

/** Why MariaDB cannot be started here, or false. */
export function mariadbMissing(): string | false {
  if (!onPath('mariadbd') || !onPath('mariadb-install-db')) return 'MariaDB server not installed (Debian: apt-get install mariadb-server)';
  return false;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Waits until something listens on the port (the server's own readiness, not a sleep). */
async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not listen on ${port}: ${log()}`);
}

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** The login a server is given (the test's, or ours) and its fresh directory, the data folder inside. */
function serverSetup(opts: { user?: string; password?: string; database?: string }, password: string, dirPrefix: string) {
  const dir = tempDir(dirPrefix);
  return { user: opts.user ?? 'enclave', password: opts.password ?? password, database: opts.database ?? 'shop', dir, data: path.join(dir, 'data') };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A SQL string literal (both servers double a quote). */
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The DbServer of a server `child` listening on 127.0.0.1:`port` with its files in `dir` (removed when it stops). */
function loopbackServer(
  scheme: 'postgresql' | 'mysql',
  login: { user: string; password: string; database: string },
  port: number,
  admin: (sql: string) => string,
  child: ChildProcess,
  dir: string,
): DbServer {
  return {
    host: '127.0.0.1',
    port,
    ...login,
    url: `${scheme}://${login.user}@127.0.0.1:${port}/${login.database}`,
    admin,
    async stop() {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a private PostgreSQL (password authentication on loopback) with a database and a login. */
export async function startPostgres(opts: { user?: string; password?: string; database?: string; tls?: { cert: string; key: string } } = {}): Promise<DbServer> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed');
  const { user, password, database, dir, data } = serverSetup(opts, 'pg-secret', 'enclave-pg-');
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, 'superpw\n', { mode: 0o600 });
  // initdb and postgres refuse to run as root: as root they run as the postgres user.
  const asUser = (cmd: string, args: string[]): [string, string[]] => (isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const [initCmd, initArgs] = asUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C']);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  // TLS: the server's certificate and key (PEM text) in its directory, the key 0600 as PostgreSQL demands.
  const tlsArgs: string[] = [];
  if (opts.tls) {
    fs.writeFileSync(path.join(dir, 'server.crt'), opts.tls.cert);
    fs.writeFileSync(path.join(dir, 'server.key'), opts.tls.key, { mode: 0o600 });
    if (isRoot()) execFileSync('chown', ['postgres:postgres', path.join(dir, 'server.crt'), path.join(dir, 'server.key')]);
    tlsArgs.push('-c', 'ssl=on', '-c', `ssl_cert_file=${path.join(dir, 'server.crt')}`, '-c', `ssl_key_file=${path.join(dir, 'server.key')}`);
  }
  const [cmd, args] = asUser(path.join(bin, 'postgres'), [
    '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    ...tlsArgs,
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  await waitForPort(port, child, () => log);
  const admin = (sql: string, db = 'postgres') =>
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-t', '-A', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-c', sql], {
      env: { ...process.env, PGPASSWORD: 'superpw' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  // Listening is not ready: until recovery ends the server answers "the database system
  // is starting up" (seen on loaded machines). Asked again until it answers.
  for (let i = 0; ; i++) {
    try {
      admin('SELECT 1');
      break;
    } catch (e) {
      if (i >= 600 || !/starting up/.test(String((e as { stderr?: unknown }).stderr ?? e))) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  admin(`CREATE ROLE ${user} LOGIN SUPERUSER PASSWORD ${sqlString(password)}`);
  admin(`CREATE DATABASE ${database} OWNER ${user}`);
  return loopbackServer('postgresql', { user, password, database }, port, (sql) => admin(sql, database), child, dir);
}

/** Starts a private MariaDB with a database and a password login on 127.0.0.1. */
export async function startMariadb(opts: { user?: string; password?: string; database?: string } = {}): Promise<DbServer> {
  const { user, password, database, dir, data } = serverSetup(opts, 'maria-secret', 'enclave-maria-');
  const socket = path.join(dir, 'sock');
  const me = os.userInfo().username;
  execFileSync('mariadb-install-db', [`--datadir=${data}`, `--user=${me}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'pipe' });
  const port = await freePort();
  const child = spawn(
    'mariadbd',
    [
      '--no-defaults', `--datadir=${data}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1', `--user=${me}`,
      `--pid-file=${path.join(dir, 'pid')}`, '--skip-log-bin', '--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0',
      `--log-error=${path.join(dir, 'err.log')}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const log = () => {
    try {
      return fs.readFileSync(path.join(dir, 'err.log'), 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  await waitForPort(port, child, log);
  const admin = (sql: string, db?: string) =>
    execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-u', 'root', '-N', '-B', ...(db ? [db] : []), '-e', sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  admin(`CREATE DATABASE ${database}; CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY ${sqlString(password)}; GRANT ALL ON *.* TO '${user}'@'127.0.0.1'; FLUSH PRIVILEGES;`);
  return loopbackServer('mysql', { user, password, database }, port, (sql) => admin(sql, database), child, dir);
}
