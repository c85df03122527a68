/**
 * `npm run screenshots`: PNGs of the package in the editor of the n8n that `npm start` runs
 * (http://localhost:5678, or --url), saved into docs/ for the README and the pages. Start `npm start` first, in
 * another terminal. Chromium is Debian's `chromium` package, installed when missing and running
 * as root.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_OWNER } from './demoOwner';
import { requireChromium } from './screenshots/chromium';
import { takeScreenshots } from './screenshots/shots';

const say = (line: string) => console.log(`[screenshots] ${line}`);

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			url: { type: 'string', default: 'http://localhost:5678' },
			out: { type: 'string', default: 'docs' },
			// Retake some only: --only trigger-panel.png --only credential.png
			only: { type: 'string', multiple: true },
		},
	});
	const baseUrl = values.url.replace(/\/$/, '');
	const reachable = await fetch(`${baseUrl}/healthz`).then(
		(response) => response.ok,
		() => false,
	);
	if (!reachable) throw new Error(`no n8n answers at ${baseUrl}: run \`npm start\` in another terminal, then this again`);

	const chromiumPath = requireChromium(say);
	const written = await takeScreenshots({
		baseUrl,
		email: DEMO_OWNER.email,
		password: DEMO_OWNER.password,
		outputFolder: resolve(__dirname, '..', values.out),
		chromiumPath,
		only: values.only,
		say,
	});
	say(`wrote ${written.length} files into ${values.out}/`);
}

main().catch((error: Error) => {
	console.error(`[screenshots] ${error.message}`);
	process.exit(1);
});
