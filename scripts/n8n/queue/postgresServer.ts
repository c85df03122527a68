import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../freePort';
import { type CommandResult, runCommand, runCommandOrThrow } from '../runCommand';
import { type DebianProgram, programAt } from './debianPackages';

const POSTGRES_LIB = '/usr/lib/postgresql';
const PSQL = '/usr/bin/psql';

/** The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin. */
export function postgresBinFolder(): string | undefined {
	if (!existsSync(POSTGRES_LIB)) return undefined;
	const versions = readdirSync(POSTGRES_LIB)
		.filter((version) => existsSync(join(POSTGRES_LIB, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] === undefined ? undefined : join(POSTGRES_LIB, versions[0], 'bin');
}

/** The server (the Debian package installs its default major version; any installed one is used) and psql. */
export const POSTGRES_PROGRAMS: DebianProgram[] = [
	{ name: `${POSTGRES_LIB}/<version>/bin/initdb`, isInstalled: () => postgresBinFolder() !== undefined, debianPackage: 'postgresql' },
	programAt(PSQL, 'postgresql-client'),
];

export interface PostgresServer {
	port: number;
	/** The postmaster's pid (from postmaster.pid). */
	pid: number;
	database: string;
	user: string;
	password: string;
	/** Runs SQL through psql; answers the rows, one string per row, columns separated by `|`. */
	query(sql: string): Promise<string[]>;
	stop(): Promise<void>;
}

const USER = 'n8n';
const DATABASE = 'n8n';

/** Postgres refuses to run as root: as root, its commands run as the `postgres` system user. */
function asServerUser(program: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function chownToServerUser(folder: string): void {
	if (process.getuid?.() !== 0) return;
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('postgres:'));
	if (!line) throw new Error('running as root, but there is no "postgres" system user (it comes with the postgresql package)');
	const [, , uid, gid] = line.split(':');
	chownSync(folder, Number(uid), Number(gid));
}

export interface PostgresOptions {
	/**
	 * A data folder kept between runs (e.g. with n8n's migrations already applied): copied when it
	 * exists; otherwise made by `prepare` on a fresh database and saved there for the next run.
	 */
	template?: { folder: string; prepare(server: PostgresServer): Promise<void> };
}

/**
 * A throwaway Postgres: a data folder in a temporary folder (from the template, else initdb with
 * trust authentication and superuser `n8n`), the server on a free loopback port with durability
 * off (fsync, synchronous commit), a database `n8n`. stop() stops that server (pg_ctl, by its data
 * folder's postmaster pid) and removes the folder.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
	const bin = postgresBinFolder();
	if (!bin) throw new Error(`no Postgres server under ${POSTGRES_LIB}`);
	const folder = mkdtempSync(join(tmpdir(), 'pixverse-postgres-'));
	chownToServerUser(folder);
	const data = join(folder, 'data');
	const run = (program: string, args: string[]) => runCommandOrThrow(...asServerUser(join(bin, program), args), { timeoutMs: 120_000 });
	const port = await freePort();
	let started = false;
	const pgCtlStop = async (mode: 'immediate' | 'fast') => {
		if (started) await runCommand(...asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']));
		started = false;
	};
	const stop = async () => {
		await pgCtlStop('immediate');
		rmSync(folder, { recursive: true, force: true });
	};
	const pgCtlStart = async () => {
		const settings = ['-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
		started = true;
		await run('pg_ctl', ['-D', data, '-l', join(folder, 'server.log'), '-o', settings.join(' '), '-w', 'start']);
	};
	const query = async (sql: string, database = DATABASE): Promise<string[]> => {
		const result: CommandResult = await runCommandOrThrow(PSQL, ['-h', '127.0.0.1', '-p', String(port), '-U', USER, '-d', database, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
		return result.stdout.split('\n').filter((line) => line !== '');
	};
	const server = (): PostgresServer => {
		const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
		return { port, pid, database: DATABASE, user: USER, password: USER, query, stop };
	};
	const template = options.template && join(options.template.folder, 'data');
	try {
		if (template && existsSync(join(template, 'PG_VERSION'))) {
			await runCommandOrThrow('cp', ['-a', template, data]);
			await pgCtlStart();
			return server();
		}
		await run('initdb', ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
		await pgCtlStart();
		await query(`CREATE DATABASE ${DATABASE}`, 'postgres');
		if (options.template && template) {
			await options.template.prepare(server());
			await pgCtlStop('fast');
			await saveTemplate(data, options.template.folder);
			await pgCtlStart();
		}
		return server();
	} catch (error) {
		await stop();
		throw error;
	}
}

/** Copies a stopped data folder into the template folder; a template saved meanwhile by another run wins. */
async function saveTemplate(data: string, templateFolder: string): Promise<void> {
	mkdirSync(templateFolder, { recursive: true });
	const staging = mkdtempSync(join(templateFolder, 'saving-'));
	// cp -a keeps the owner (the postgres user) and the modes Postgres insists on.
	await runCommandOrThrow('cp', ['-a', data, join(staging, 'data')]);
	try {
		renameSync(join(staging, 'data'), join(templateFolder, 'data'));
	} catch {
		// Another run saved its template first.
	}
	rmSync(staging, { recursive: true, force: true });
}
