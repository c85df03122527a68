import { existsSync } from 'node:fs';
import { runCommandOrThrow } from '../runCommand';

export interface DebianProgram {
	/** What the harness runs, e.g. `/usr/bin/redis-server`. */
	name: string;
	isInstalled(): boolean;
	/** The Debian package that installs it. */
	debianPackage: string;
}

/** A program at a fixed path. */
export const programAt = (path: string, debianPackage: string): DebianProgram => ({ name: path, isInstalled: () => existsSync(path), debianPackage });

const isRoot = () => process.getuid?.() === 0;

/**
 * Makes sure every program exists: missing ones are installed with apt-get when this process runs
 * as root; otherwise it throws with the command to run. Never a silent skip.
 */
export async function ensureDebianPrograms(programs: DebianProgram[], log: (line: string) => void): Promise<void> {
	const missing = programs.filter((program) => !program.isInstalled());
	if (missing.length === 0) return;
	const packages = [...new Set(missing.map((program) => program.debianPackage))];
	const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
	if (!isRoot()) {
		throw new Error(`${missing.map((program) => program.name).join(', ')} missing; install with: sudo sh -c '${command}'`);
	}
	log(`installing ${packages.join(', ')} (${command})`);
	await runCommandOrThrow('apt-get', ['update'], { timeoutMs: 300_000 });
	await runCommandOrThrow('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
		timeoutMs: 600_000,
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	const still = missing.filter((program) => !program.isInstalled());
	if (still.length) throw new Error(`apt-get installed ${packages.join(' ')} but ${still.map((program) => program.name).join(', ')} is still missing`);
}
