import { Readable } from 'node:stream';
import { CLIP_HEIGHT, CLIP_WIDTH, h264Clip, PROFILE } from './h264';

/**
 * A playable MP4 of an exact size: `ftyp`, a `moov` with one H.264 video track lasting the
 * video's duration, the `mdat` holding the clip's pictures, then a `free` box padding the file to
 * the requested size. Bytes are produced while streaming, so a 500 MB file costs one 64 KiB buffer.
 */

const CHUNK = Buffer.alloc(64 * 1024);
const TIMESCALE = 1000;
const TRACK_ID = 1;
const UNITY_MATRIX = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];

function box(type: string, ...payload: Buffer[]): Buffer {
	const header = Buffer.alloc(8);
	header.writeUInt32BE(8 + payload.reduce((sum, part) => sum + part.length, 0), 0);
	header.write(type, 4, 'latin1');
	return Buffer.concat([header, ...payload]);
}

/** A full box: version 0, then its flags. */
function fullBox(type: string, flags: number, ...payload: Buffer[]): Buffer {
	const versionAndFlags = Buffer.alloc(4);
	versionAndFlags.writeUInt32BE(flags & 0xffffff, 0);
	return box(type, versionAndFlags, ...payload);
}

function uint32s(...values: number[]): Buffer {
	const out = Buffer.alloc(values.length * 4);
	values.forEach((value, index) => out.writeUInt32BE(value, index * 4));
	return out;
}

function uint16s(...values: number[]): Buffer {
	const out = Buffer.alloc(values.length * 2);
	values.forEach((value, index) => out.writeUInt16BE(value, index * 2));
	return out;
}

/** A large box's header: the 64-bit form when the box does not fit in 32 bits. */
function boxHeader(type: string, boxBytes: number): Buffer {
	if (boxBytes <= 0xffffffff) return Buffer.concat([uint32s(boxBytes), Buffer.from(type, 'latin1')]);
	const header = Buffer.alloc(16);
	header.writeUInt32BE(1, 0);
	header.write(type, 4, 'latin1');
	header.writeBigUInt64BE(BigInt(boxBytes), 8);
	return header;
}

function ftyp(): Buffer {
	return box('ftyp', Buffer.from('isom', 'latin1'), uint32s(0x200), Buffer.from('isomiso2avc1mp41', 'latin1'));
}

/** Each picture as one sample: its NAL unit behind a 4-byte length. */
const SAMPLES = h264Clip.pictures.map((nal) => Buffer.concat([uint32s(nal.length), nal]));
const MDAT = box('mdat', ...SAMPLES);

function avc1SampleEntry(): Buffer {
	const { sps, pps } = h264Clip;
	const avcC = box(
		'avcC',
		Buffer.from([1, PROFILE.profileIdc, PROFILE.constraintFlags, PROFILE.levelIdc, 0xff, 0xe1]),
		uint16s(sps.length),
		sps,
		Buffer.from([1]),
		uint16s(pps.length),
		pps,
	);
	return box(
		'avc1',
		Buffer.alloc(6), // reserved
		uint16s(1), // data_reference_index
		Buffer.alloc(16), // pre_defined, reserved
		uint16s(CLIP_WIDTH, CLIP_HEIGHT),
		uint32s(0x00480000, 0x00480000, 0), // 72 dpi, reserved
		uint16s(1), // frame_count
		Buffer.alloc(32), // compressorname
		uint16s(0x0018, 0xffff), // depth, pre_defined
		avcC,
	);
}

/** The sample timing: equal steps, the last picture taking what rounding leaves. */
function timeToSample(duration: number): Buffer {
	const frames = SAMPLES.length;
	const step = Math.floor(duration / frames);
	return fullBox('stts', 0, uint32s(2, frames - 1, step, 1, duration - step * (frames - 1)));
}

function sampleTable(duration: number, mdatOffset: number): Buffer {
	return box(
		'stbl',
		fullBox('stsd', 0, uint32s(1), avc1SampleEntry()),
		timeToSample(duration),
		fullBox('stss', 0, uint32s(1, 1)),
		fullBox('stsc', 0, uint32s(1, 1, SAMPLES.length, 1)),
		fullBox('stsz', 0, uint32s(0, SAMPLES.length, ...SAMPLES.map((sample) => sample.length))),
		fullBox('stco', 0, uint32s(1, mdatOffset + 8)),
	);
}

function moov(durationSeconds: number, mdatOffset: number): Buffer {
	// At least one millisecond per picture, so every sample lasts.
	const duration = Math.max(SAMPLES.length, Math.round(durationSeconds * TIMESCALE));
	const matrix = uint32s(...UNITY_MATRIX);
	const mvhd = fullBox(
		'mvhd',
		0,
		uint32s(0, 0, TIMESCALE, duration, 0x00010000),
		uint16s(0x0100, 0), // volume 1.0, reserved
		Buffer.alloc(8),
		matrix,
		Buffer.alloc(24),
		uint32s(TRACK_ID + 1),
	);
	const tkhd = fullBox(
		'tkhd',
		0x3, // enabled, in movie
		uint32s(0, 0, TRACK_ID, 0, duration, 0, 0),
		uint16s(0, 0, 0, 0), // layer, alternate group, volume, reserved
		matrix,
		uint32s(CLIP_WIDTH << 16, CLIP_HEIGHT << 16),
	);
	const mdhd = fullBox('mdhd', 0, uint32s(0, 0, TIMESCALE, duration), uint16s(0x55c4, 0)); // language "und"
	const hdlr = fullBox('hdlr', 0, uint32s(0), Buffer.from('vide', 'latin1'), Buffer.alloc(12), Buffer.from('Video\0', 'latin1'));
	const minf = box(
		'minf',
		fullBox('vmhd', 1, Buffer.alloc(8)),
		box('dinf', fullBox('dref', 0, uint32s(1), fullBox('url ', 1))),
		sampleTable(duration, mdatOffset),
	);
	return box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
}

function head(durationSeconds: number): Buffer {
	const start = ftyp();
	const movie = moov(durationSeconds, start.length + moov(0, 0).length);
	return Buffer.concat([start, movie, MDAT]);
}

const HEAD_BYTES = head(0).length;

/** The smallest file this generator can make: the clip and an empty `free` box. */
export const MIN_MP4_BYTES = HEAD_BYTES + 8;

/** The size a request for `bytes` really gets. */
export function mp4Length(bytes: number): number {
	return Math.max(MIN_MP4_BYTES, Math.floor(bytes));
}

export function mp4Stream(bytes: number, durationSeconds: number): Readable {
	const freeBytes = mp4Length(bytes) - HEAD_BYTES;
	const freeHeader = boxHeader('free', freeBytes);
	let padding = freeBytes - freeHeader.length;
	let headSent = false;
	return new Readable({
		read() {
			if (!headSent) {
				headSent = true;
				this.push(Buffer.concat([head(durationSeconds), freeHeader]));
				return;
			}
			if (padding <= 0) {
				this.push(null);
				return;
			}
			const size = Math.min(padding, CHUNK.length);
			padding -= size;
			this.push(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size));
		},
	});
}
