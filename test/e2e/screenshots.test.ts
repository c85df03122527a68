/**
 * `npm run screenshots` is not part of `npm test`; this proves its core still runs against a real
 * n8n (server mode, the demo owner, the examples it opens) and writes real pictures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DEMO_OWNER, demoOwnerEnvironment } from '../../scripts/demoOwner';
import { launchChromium, requireChromium } from '../../scripts/screenshots/chromium';
import { SCREENSHOT_EXAMPLES, SHOTS, takeScreenshots } from '../../scripts/screenshots/shots';
import { useN8nTestEnvironment } from './helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which a valid PNG has first. */
function pngSize(file: Buffer): { width: number; height: number } {
	expect(file.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
	expect(file.toString('latin1', 12, 16)).toBe('IHDR');
	return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** Runs in the page (plain JavaScript): decodes a PNG into the colours of a grid of points. */
const GRID_COLOURS = String.raw`async (dataUrl) => {
	const image = new Image();
	image.src = dataUrl;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = image.width;
	canvas.height = image.height;
	const context = canvas.getContext('2d');
	context.drawImage(image, 0, 0);
	const { data } = context.getImageData(0, 0, image.width, image.height);
	const colours = [];
	for (let y = 0; y < image.height; y += 8)
		for (let x = 0; x < image.width; x += 8) {
			const at = (y * image.width + x) * 4;
			colours.push(data[at] + ',' + data[at + 1] + ',' + data[at + 2]);
		}
	return colours;
}`;

function spread(colours: string[]): { colours: number; commonest: number } {
	const counts = new Map<string, number>();
	for (const colour of colours) counts.set(colour, (counts.get(colour) ?? 0) + 1);
	return { colours: counts.size, commonest: Math.max(...counts.values()) / colours.length };
}

describe('npm run screenshots', () => {
	const n8n = useN8nTestEnvironment({
		workflows: SCREENSHOT_EXAMPLES,
		simulator: { renderMs: 500, mp4Bytes: 100_000 },
		server: { env: { ...demoOwnerEnvironment(), N8N_SECURE_COOKIE: 'false' } },
	});
	const outputFolder = mkdtempSync(join(tmpdir(), 'pixverse-screenshots-'));
	afterAll(() => rmSync(outputFolder, { recursive: true, force: true }));

	it('signs in as the demo owner and writes every screenshot as a full, non-blank PNG; the two model forms differ', async () => {
		const chromiumPath = requireChromium();
		const written = await takeScreenshots({
			baseUrl: n8n.server!.url,
			email: DEMO_OWNER.email,
			password: DEMO_OWNER.password,
			outputFolder,
			chromiumPath,
			say: (line) => console.log(`screenshot ${line}`),
		});
		expect(written).toEqual(SHOTS.map((shot) => join(outputFolder, shot.file)));

		const browser = await launchChromium(chromiumPath);
		const grids = new Map<string, string[]>();
		try {
			const page = await browser.newPage();
			for (const path of written) {
				const file = readFileSync(path);
				expect({ path, ...pngSize(file) }).toEqual({ path, width: 1280, height: 800 });
				const colours = (await page.evaluate(`(${GRID_COLOURS})('data:image/png;base64,${file.toString('base64')}')`)) as string[];
				grids.set(basename(path), colours);
				const { colours: count, commonest } = spread(colours);
				// A page with text and controls, not one flat colour (a blank or still-loading page).
				expect({ path, many: count > 20, varied: commonest < 0.9 }).toEqual({ path, many: true, varied: true });
			}
		} finally {
			await browser.close();
		}

		// The two models' forms differ in their fields, not only in the model's name: two shots that
		// differed only in the name changed 0.05 % of the grid points, Veo 3.1 Fast against V6 about 3 %.
		const veo = grids.get('video-create-veo.png')!;
		const v6 = grids.get('video-create-v6.png')!;
		const changed = veo.filter((colour, index) => colour !== v6[index]).length / veo.length;
		expect(changed).toBeGreaterThan(0.01);
	}, 600_000);
});
