import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/** Debian's `chromium` package; CHROMIUM_PATH points elsewhere. No browser is downloaded. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const INSTALL_COMMAND = 'apt-get install -y chromium';

export function findChromium(): string | undefined {
	const configured = process.env.CHROMIUM_PATH;
	if (configured) return existsSync(configured) ? configured : undefined;
	return CANDIDATES.find((path) => existsSync(path));
}

const isRoot = () => process.getuid?.() === 0;

/** Chromium's path; installs the Debian package when missing and running as root. */
export function requireChromium(say: (line: string) => void = () => undefined): string {
	const found = findChromium();
	if (found) return found;
	if (!isRoot() || process.env.CHROMIUM_PATH) {
		throw new Error(`Chromium was not found. Install it with: sudo ${INSTALL_COMMAND} (or set CHROMIUM_PATH)`);
	}
	say(`installing Chromium (${INSTALL_COMMAND})`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
	const installed = findChromium();
	if (!installed) throw new Error(`Chromium is still missing after: ${INSTALL_COMMAND}`);
	return installed;
}

export function launchChromium(executablePath: string): Promise<Browser> {
	return puppeteer.launch({
		executablePath,
		headless: true,
		// The sandbox needs user namespaces, which containers and root shells usually lack.
		args: [...(isRoot() ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', '--disable-gpu'],
	});
}
