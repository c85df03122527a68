import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireInstallLock } from '../../../scripts/n8n/installLock';

describe('acquireInstallLock', () => {
	let folder: string;
	let lockPath: string;
	const log = jest.fn();

	beforeEach(() => {
		folder = mkdtempSync(join(tmpdir(), 'install-lock-'));
		lockPath = join(folder, 'install.lock');
		log.mockClear();
	});
	afterEach(() => rmSync(folder, { recursive: true, force: true }));

	it('takes a free lock, writes our pid, and removes it on release', async () => {
		const lock = await acquireInstallLock(lockPath, log);
		expect(lock.foundStale).toBe(false);
		expect(readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
		lock.release();
		expect(existsSync(lockPath)).toBe(false);
	});

	it('takes over a lock whose holder is dead and reports the interrupted install', async () => {
		// pid 2^22 + 1 is above Linux's pid_max, so no process has it.
		writeFileSync(lockPath, String(4_194_305));
		const lock = await acquireInstallLock(lockPath, log);
		expect(lock.foundStale).toBe(true);
		expect(readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
		lock.release();
	});

	it('treats an old lock without a pid as stale', async () => {
		writeFileSync(lockPath, '');
		const old = new Date(Date.now() - 60_000);
		utimesSync(lockPath, old, old);
		const lock = await acquireInstallLock(lockPath, log);
		expect(lock.foundStale).toBe(true);
		lock.release();
	});

	it('waits while a live process holds the lock', async () => {
		writeFileSync(lockPath, String(process.ppid));
		setTimeout(() => rmSync(lockPath), 300);
		const lock = await acquireInstallLock(lockPath, log);
		expect(lock.foundStale).toBe(false);
		expect(log).toHaveBeenCalledWith(expect.stringContaining(`another install (pid ${process.ppid})`));
		lock.release();
	});
});
