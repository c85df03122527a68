import { crc32, inflateSync } from 'node:zlib';
import { createMedia, finalMedia, useSimulator } from './helpers';

async function download(url: string): Promise<{ contentType: string | null; bytes: Buffer }> {
	const response = await fetch(url);
	expect(response.status).toBe(200);
	return { contentType: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Walks a PNG's chunks, checking every CRC; returns the header fields and the inflated picture data. */
function parsePng(png: Buffer): { width: number; height: number; bitDepth: number; colourType: number; pixels: Buffer } {
	expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	const chunks: Array<{ type: string; data: Buffer }> = [];
	for (let offset = 8; offset < png.length; ) {
		const length = png.readUInt32BE(offset);
		const typed = png.subarray(offset + 4, offset + 8 + length);
		expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(typed));
		chunks.push({ type: typed.subarray(0, 4).toString('latin1'), data: typed.subarray(4) });
		offset += 12 + length;
	}
	expect(chunks[0].type).toBe('IHDR');
	expect(chunks[chunks.length - 1].type).toBe('IEND');
	const header = chunks[0].data;
	const pixels = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)));
	return { width: header.readUInt32BE(0), height: header.readUInt32BE(4), bitDepth: header[8], colourType: header[9], pixels };
}

/** Reads a RIFF/WAVE file's fmt and data chunks. */
function parseWav(wav: Buffer): { format: number; channels: number; sampleRate: number; byteRate: number; blockAlign: number; bits: number; data: Buffer } {
	expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
	expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
	expect(wav.toString('latin1', 8, 12)).toBe('WAVE');
	const chunks = new Map<string, Buffer>();
	for (let offset = 12; offset < wav.length; ) {
		const size = wav.readUInt32LE(offset + 4);
		chunks.set(wav.toString('latin1', offset, offset + 4), wav.subarray(offset + 8, offset + 8 + size));
		offset += 8 + size + (size % 2);
	}
	const fmt = chunks.get('fmt ') as Buffer;
	const data = chunks.get('data') as Buffer;
	return {
		format: fmt.readUInt16LE(0),
		channels: fmt.readUInt16LE(2),
		sampleRate: fmt.readUInt32LE(4),
		byteRate: fmt.readUInt32LE(8),
		blockAlign: fmt.readUInt16LE(12),
		bits: fmt.readUInt16LE(14),
		data,
	};
}

describe('simulator: the files of images, speech and music', () => {
	const sim = useSimulator({ renderMs: 40 });

	it('serves each created image as a valid PNG of the record size', async () => {
		const { body } = await createMedia(sim(), 'images', { prompt: 'p', model: 'seedream-4.0', aspect_ratio: '16:9', create_count: 2 });
		const pictures: Buffer[] = [];
		for (const id of body.success_ids) {
			const record = await finalMedia(sim(), 'images', id);
			expect(record).toMatchObject({ output_width: 1920, output_height: 1080 });
			const { contentType, bytes } = await download(record.image_url);
			expect(contentType).toBe('image/png');
			const png = parsePng(bytes);
			expect(png).toMatchObject({ width: 1920, height: 1080, bitDepth: 8, colourType: 0 });
			expect(png.pixels.length).toBe((1920 + 1) * 1080);
			pictures.push(bytes);
		}
		expect(pictures[0].equals(pictures[1])).toBe(false);
	});

	it('renders auto as a square and takes portrait ratios', async () => {
		const auto = await createMedia(sim(), 'images', { prompt: 'p', model: 'nano-banana' });
		const portrait = await createMedia(sim(), 'images', { prompt: 'p', model: 'gpt-image-2.0', aspect_ratio: '1:2', quality: '1080p', detail_level: 'low' });
		expect(parsePng((await download((await finalMedia(sim(), 'images', auto.body.success_ids[0])).image_url)).bytes)).toMatchObject({ width: 1080, height: 1080 });
		expect(parsePng((await download((await finalMedia(sim(), 'images', portrait.body.success_ids[0])).image_url)).bytes)).toMatchObject({ width: 1080, height: 2160 });
	});

	it.each<['speech' | 'music', Record<string, unknown>, number]>([
		['speech', { text: 'x'.repeat(45), voice_id: 'v' }, 3],
		['music', { prompt: 'jazz', instrumental: true }, 8],
	])('serves %s as a playable 16-bit PCM WAV as long as the record says', async (resource, request, seconds) => {
		const { body } = await createMedia(sim(), resource, request);
		const record = await finalMedia(sim(), resource, body.audio_id);
		expect(record).toMatchObject({ duration: seconds, url: expect.stringMatching(/\.wav$/), name: expect.stringMatching(/\.wav$/) });
		const { contentType, bytes } = await download(record.url);
		expect(contentType).toBe('audio/wav');
		const wav = parseWav(bytes);
		expect(wav).toMatchObject({ format: 1, channels: 1, sampleRate: 16000, byteRate: 32000, blockAlign: 2, bits: 16 });
		expect(wav.data.length).toBe(seconds * 32000);
		const samples = Array.from({ length: wav.data.length / 2 }, (_, index) => wav.data.readInt16LE(index * 2));
		expect(Math.max(...samples.slice(1000, 2000))).toBeGreaterThan(5000); // a tone, not silence
		expect(Math.abs(samples[0])).toBeLessThan(100); // faded in, no click
	});

	it('serves no file before the end, and only the file of the job kind', async () => {
		sim().configure({ renderMs: 2000 });
		const running = await createMedia(sim(), 'speech', { text: 'hi', voice_id: 'v' });
		const number = running.body.audio_id.split('-speech:')[1];
		expect((await fetch(`${sim().url}/media/${number}.wav`)).status).toBe(404);
		sim().configure({ renderMs: 40 });
		const image = await createMedia(sim(), 'images', { prompt: 'p' });
		const imageNumber = (await finalMedia(sim(), 'images', image.body.success_ids[0])).image_id.split('-image:')[1];
		expect((await fetch(`${sim().url}/media/${imageNumber}.wav`)).status).toBe(404);
		expect((await fetch(`${sim().url}/media/${imageNumber}.mp4`)).status).toBe(404);
		const music = await createMedia(sim(), 'music', { prompt: 'p' });
		const musicNumber = (await finalMedia(sim(), 'music', music.body.audio_id)).asset_id;
		expect((await fetch(`${sim().url}/media/${musicNumber}.png`)).status).toBe(404);
	});
});
