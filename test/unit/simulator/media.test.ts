import { create, finalRecord, useSimulator } from './helpers';

interface Box {
	type: string;
	size: number;
	offset: number;
}

/** Top-level boxes of an MP4 file, checking that their sizes add up exactly. */
function topLevelBoxes(file: Buffer): Box[] {
	const boxes: Box[] = [];
	let offset = 0;
	while (offset < file.length) {
		let size = file.readUInt32BE(offset);
		const type = file.toString('latin1', offset + 4, offset + 8);
		if (size === 1) size = Number(file.readBigUInt64BE(offset + 8));
		boxes.push({ type, size, offset });
		offset += size;
	}
	expect(offset).toBe(file.length);
	return boxes;
}

describe('simulator: rendered media', () => {
	const sim = useSimulator({ renderMs: 50, mp4Bytes: 300000 });

	it('serves the MP4 clip padded to exactly mp4Bytes, with its content type and length', async () => {
		const { body } = await create(sim(), { prompt: 'p', duration: 6 });
		const record = await finalRecord(sim(), body.video_id);
		const response = await fetch(record.url);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('video/mp4');
		expect(response.headers.get('content-length')).toBe('300000');
		const file = Buffer.from(await response.arrayBuffer());
		expect(file.length).toBe(300000);
		expect(topLevelBoxes(file).map((box) => box.type)).toEqual(['ftyp', 'moov', 'mdat', 'free']);
		expect(file.toString('latin1', 8, 12)).toBe('isom');
		const mvhd = file.indexOf('mvhd', 0, 'latin1');
		expect(file.readUInt32BE(mvhd + 16)).toBe(1000); // timescale
		expect(file.readUInt32BE(mvhd + 20)).toBe(6000); // 6 s
	});

	it('streams a large file without building it in memory', async () => {
		const size = 128 * 1024 * 1024;
		sim().configure({ mp4Bytes: size });
		const { body } = await create(sim(), { prompt: 'p' });
		const record = await finalRecord(sim(), body.video_id);
		const heapBefore = process.memoryUsage().heapUsed;
		const response = await fetch(record.url);
		let received = 0;
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
		expect(received).toBe(size);
		expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(48 * 1024 * 1024);
	}, 30000);

	it('serves the first frame as a PNG and 404 for media of unfinished or unknown videos', async () => {
		sim().configure({ renderMs: 1000 });
		const { body } = await create(sim(), { prompt: 'p' });
		const number = body.video_id.split('-video:')[1];
		expect((await fetch(`${sim().url}/media/${number}.mp4`)).status).toBe(404);
		expect((await fetch(`${sim().url}/media/999999.mp4`)).status).toBe(404);
		sim().configure({ renderMs: 50 });
		const done = await create(sim(), { prompt: 'p' });
		const record = await finalRecord(sim(), done.body.video_id);
		const png = await fetch(record.first_frame);
		expect(png.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
	});
});
