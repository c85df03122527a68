import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findChromium, launchChromium } from '../../../scripts/screenshots/chromium';
import { CLIP_FRAMES, CLIP_HEIGHT, CLIP_WIDTH } from '../../../simulator/h264';
import { MIN_MP4_BYTES, mp4Length, mp4Stream } from '../../../simulator/mp4';

interface Box {
	type: string;
	/** Where the box starts and where its payload starts, in the file. */
	start: number;
	payload: number;
	end: number;
	children: Box[];
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'dinf', 'stbl']);

/** The box tree of an MP4, failing unless every box's size adds up exactly within its parent. */
function parseBoxes(file: Buffer, from = 0, to = file.length): Box[] {
	const boxes: Box[] = [];
	let offset = from;
	while (offset < to) {
		let size = file.readUInt32BE(offset);
		let payload = offset + 8;
		if (size === 1) {
			size = Number(file.readBigUInt64BE(offset + 8));
			payload += 8;
		}
		expect(size).toBeGreaterThanOrEqual(payload - offset);
		const type = file.toString('latin1', offset + 4, offset + 8);
		const end = offset + size;
		boxes.push({ type, start: offset, payload, end, children: CONTAINERS.has(type) ? parseBoxes(file, payload, end) : [] });
		offset = end;
	}
	expect(offset).toBe(to);
	return boxes;
}

function child(parent: Box[] | Box, path: string): Box {
	let found: Box | undefined;
	let level = Array.isArray(parent) ? parent : parent.children;
	for (const type of path.split('/')) {
		found = level.find((box) => box.type === type);
		if (!found) throw new Error(`no ${path}`);
		level = found.children;
	}
	return found!;
}

async function mp4(bytes: number, seconds: number): Promise<Buffer> {
	return Buffer.concat(await mp4Stream(bytes, seconds).toArray());
}

/** The 32-bit fields of a full box after version and flags. */
const fields = (file: Buffer, box: Box, count: number) =>
	Array.from({ length: count }, (_, index) => file.readUInt32BE(box.payload + 4 + index * 4));

describe('simulator: the MP4 clip', () => {
	it('is exactly the requested size: ftyp, moov, the clip in mdat, then a free box of padding', async () => {
		const file = await mp4(300_000, 6);
		expect(file.length).toBe(300_000);
		const boxes = parseBoxes(file);
		expect(boxes.map((box) => box.type)).toEqual(['ftyp', 'moov', 'mdat', 'free']);
		expect(file.toString('latin1', 8, 12)).toBe('isom');
		expect(child(boxes, 'free').end).toBe(300_000);
	});

	it('has one H.264 video track whose sample table points at every picture in mdat', async () => {
		const file = await mp4(100_000, 6);
		const boxes = parseBoxes(file);
		const trak = child(boxes, 'moov/trak');
		expect(file.toString('latin1', child(trak, 'mdia/hdlr').payload + 8, child(trak, 'mdia/hdlr').payload + 12)).toBe('vide');
		const stbl = child(trak, 'mdia/minf/stbl');
		expect(stbl.children.map((box) => box.type)).toEqual(['stsd', 'stts', 'stss', 'stsc', 'stsz', 'stco']);

		const stsd = child(stbl, 'stsd');
		expect(file.toString('latin1', stsd.payload + 12, stsd.payload + 16)).toBe('avc1');
		expect(file.readUInt16BE(stsd.payload + 8 + 32)).toBe(CLIP_WIDTH);
		expect(file.readUInt16BE(stsd.payload + 8 + 34)).toBe(CLIP_HEIGHT);
		expect(file.indexOf('avcC', stsd.payload, 'latin1')).toBeLessThan(stsd.end);

		const [, count, ...sizes] = fields(file, child(stbl, 'stsz'), 2 + CLIP_FRAMES);
		expect(count).toBe(CLIP_FRAMES);
		const [chunks, chunkOffset] = fields(file, child(stbl, 'stco'), 2);
		expect(chunks).toBe(1);
		const mdat = child(boxes, 'mdat');
		expect(chunkOffset).toBe(mdat.payload);
		expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(mdat.end - mdat.payload);

		// Each sample is one length-prefixed NAL unit: an IDR picture first, then non-IDR pictures.
		let offset = chunkOffset;
		const nalTypes = sizes.map((size) => {
			expect(file.readUInt32BE(offset)).toBe(size - 4);
			const type = file[offset + 4] & 0x1f;
			offset += size;
			return type;
		});
		expect(nalTypes).toEqual([5, ...Array(CLIP_FRAMES - 1).fill(1)]);
		expect(fields(file, child(stbl, 'stss'), 2)).toEqual([1, 1]);
	});

	it('lasts the video duration in the movie, the track and its sample timing', async () => {
		const file = await mp4(100_000, 6);
		const boxes = parseBoxes(file);
		const mvhd = child(boxes, 'moov/mvhd');
		expect(fields(file, mvhd, 4).slice(2)).toEqual([1000, 6000]);
		expect(fields(file, child(boxes, 'moov/trak/mdia/mdhd'), 4).slice(2)).toEqual([1000, 6000]);
		const [entries, firstCount, firstDelta, lastCount, lastDelta] = fields(file, child(boxes, 'moov/trak/mdia/minf/stbl/stts'), 5);
		expect(entries).toBe(2);
		expect(firstCount + lastCount).toBe(CLIP_FRAMES);
		expect(firstCount * firstDelta + lastCount * lastDelta).toBe(6000);
	});

	it('raises a request below the clip to the smallest file, and uses a 64-bit free box beyond 4 GiB', async () => {
		expect(mp4Length(10)).toBe(MIN_MP4_BYTES);
		const smallest = await mp4(10, 5);
		expect(smallest.length).toBe(MIN_MP4_BYTES);
		expect(parseBoxes(smallest).map((box) => box.type)).toEqual(['ftyp', 'moov', 'mdat', 'free']);

		const size = 5 * 1024 ** 3;
		const stream = mp4Stream(size, 5);
		const [head] = (await stream.take(1).toArray()) as Buffer[];
		stream.destroy();
		const free = head.indexOf('free', 0, 'latin1');
		expect(head.readUInt32BE(free - 4)).toBe(1);
		expect(free - 4 + Number(head.readBigUInt64BE(free + 4))).toBe(size);
	});
});

interface Played {
	duration: number;
	width: number;
	height: number;
	/** The columns the ball was seen in, in the order of the pictures shown. */
	columns: number[];
	corrupted: number;
}

/** Runs in the page (plain JavaScript): plays the clip to its end, looking at every picture shown. */
const PLAY_THROUGH = String.raw`async (src, columns) => {
	const video = document.createElement('video');
	video.muted = true;
	video.src = src;
	document.body.append(video);
	await new Promise((resolve, reject) => {
		video.addEventListener('loadeddata', resolve, { once: true });
		video.addEventListener('error', () => reject(new Error('media error ' + video.error?.message)), { once: true });
	});
	const canvas = document.createElement('canvas');
	canvas.width = video.videoWidth;
	canvas.height = video.videoHeight;
	const context = canvas.getContext('2d', { willReadFrequently: true });
	/** The column whose centre is brightest on the ball's row, in the picture on screen. */
	const ballColumn = () => {
		context.drawImage(video, 0, 0);
		const brightness = Array.from({ length: columns }, (_, column) => {
			const [red, green, blue] = context.getImageData(column * 16 + 8, 40, 1, 1).data;
			return red + green + blue;
		});
		return brightness.indexOf(Math.max(...brightness));
	};
	const seen = [ballColumn()];
	await new Promise((resolve) => {
		const onFrame = () => {
			seen.push(ballColumn());
			if (!video.ended) video.requestVideoFrameCallback(onFrame);
		};
		video.requestVideoFrameCallback(onFrame);
		video.addEventListener('ended', () => resolve(), { once: true });
		void video.play();
	});
	const quality = video.getVideoPlaybackQuality();
	return {
		duration: video.duration,
		width: video.videoWidth,
		height: video.videoHeight,
		columns: [...new Set(seen)],
		corrupted: quality.corruptedVideoFrames,
	};
}`;

const chromium = findChromium();

/** Skipped where Chromium is not installed (`apt-get install -y chromium`). */
(chromium ? describe : describe.skip)('simulator: the MP4 clip in Chromium', () => {
	let server: Server;
	let url = '';
	beforeAll(async () => {
		server = createServer((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': mp4Length(200_000) });
			mp4Stream(200_000, 2).pipe(response);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/clip.mp4`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));

	it('plays in a <video> element: its duration, its size, and decoded pictures of the ball crossing', async () => {
		const browser = await launchChromium(chromium!);
		try {
			const page = await browser.newPage();
			await page.goto(url.replace('/clip.mp4', '/'));
			const played = (await page.evaluate(`(${PLAY_THROUGH})(${JSON.stringify(url)}, ${CLIP_FRAMES})`)) as Played;
			expect(played.duration).toBeCloseTo(2, 2);
			expect({ width: played.width, height: played.height }).toEqual({ width: CLIP_WIDTH, height: CLIP_HEIGHT });
			expect(played.corrupted).toBe(0);
			// The ball starts on the left, only moves right, and ends in the last column.
			expect(played.columns[0]).toBe(0);
			expect(played.columns).toEqual([...played.columns].sort((a, b) => a - b));
			expect(played.columns.at(-1)).toBe(CLIP_FRAMES - 1);
			expect(played.columns.length).toBeGreaterThanOrEqual(4);
		} finally {
			await browser.close();
		}
	}, 60_000);
});
