import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface InstallLock {
	/** A previous holder died without releasing it: whatever it was installing is half-done. */
	foundStale: boolean;
	release(): void;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function tryCreate(path: string): boolean {
	try {
		writeFileSync(path, String(process.pid), { flag: 'wx' });
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

function ageMs(path: string): number {
	try {
		return Date.now() - statSync(path).mtimeMs;
	} catch {
		return Infinity;
	}
}

function holderPid(path: string): number | undefined {
	try {
		const pid = Number(readFileSync(path, 'utf8').trim());
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Takes an exclusive lock file holding our pid. While another live process holds it, waits;
 * a lock left by a dead process is taken over and reported as stale.
 */
export async function acquireInstallLock(path: string, log: (line: string) => void): Promise<InstallLock> {
	mkdirSync(dirname(path), { recursive: true });
	let foundStale = false;
	let announced = false;
	for (;;) {
		if (tryCreate(path)) {
			return { foundStale, release: () => rmSync(path, { force: true }) };
		}
		const pid = holderPid(path);
		if (pid === undefined && ageMs(path) < 5000) {
			// Created but its pid not yet written: give the holder a moment.
			await sleep(200);
			continue;
		}
		if (pid !== undefined && isAlive(pid)) {
			if (!announced) log(`another install (pid ${pid}) is running; waiting for it (${path})`);
			announced = true;
			await sleep(2000);
			continue;
		}
		foundStale = true;
		rmSync(path, { force: true });
	}
}
