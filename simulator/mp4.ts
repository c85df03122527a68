import { Readable } from 'node:stream';

/**
 * A structurally valid MP4 of an exact size: an `ftyp` box, a `moov` holding only the movie
 * header (`mvhd`), then an `mdat` box padded with zeros. Bytes are produced while streaming, so a
 * 500 MB file costs one 64 KiB buffer.
 */

const CHUNK = Buffer.alloc(64 * 1024);
const TIMESCALE = 1000;

function box(type: string, payload: Buffer): Buffer {
	const header = Buffer.alloc(8);
	header.writeUInt32BE(8 + payload.length, 0);
	header.write(type, 4, 'latin1');
	return Buffer.concat([header, payload]);
}

function ftyp(): Buffer {
	return box('ftyp', Buffer.from('isom\x00\x00\x02\x00isomiso2mp41', 'latin1'));
}

function moov(durationSeconds: number): Buffer {
	const mvhd = Buffer.alloc(100);
	mvhd.writeUInt32BE(TIMESCALE, 12);
	mvhd.writeUInt32BE(Math.round(durationSeconds * TIMESCALE), 16);
	mvhd.writeUInt32BE(0x00010000, 20); // playback rate 1.0
	mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
	const unityMatrix = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];
	unityMatrix.forEach((value, index) => mvhd.writeUInt32BE(value, 36 + index * 4));
	mvhd.writeUInt32BE(1, 96); // next track id
	return box('moov', box('mvhd', mvhd));
}

/** The mdat header; the 64-bit form is used when the box does not fit in 32 bits. */
function mdatHeader(boxBytes: number): Buffer {
	if (boxBytes <= 0xffffffff) {
		const header = Buffer.alloc(8);
		header.writeUInt32BE(boxBytes, 0);
		header.write('mdat', 4, 'latin1');
		return header;
	}
	const header = Buffer.alloc(16);
	header.writeUInt32BE(1, 0);
	header.write('mdat', 4, 'latin1');
	header.writeBigUInt64BE(BigInt(boxBytes), 8);
	return header;
}

const FIXED_BYTES = ftyp().length + moov(0).length;

/** The smallest file this generator can make (headers and an empty mdat). */
export const MIN_MP4_BYTES = FIXED_BYTES + 8;

/** The size a request for `bytes` really gets. */
export function mp4Length(bytes: number): number {
	return Math.max(MIN_MP4_BYTES, Math.floor(bytes));
}

export function mp4Stream(bytes: number, durationSeconds: number): Readable {
	const total = mp4Length(bytes);
	const mdatBytes = total - FIXED_BYTES;
	const headerBytes = mdatBytes > 0xffffffff ? 16 : 8;
	let padding = mdatBytes - headerBytes;
	let headerSent = false;
	return new Readable({
		read() {
			if (!headerSent) {
				headerSent = true;
				this.push(Buffer.concat([ftyp(), moov(durationSeconds), mdatHeader(mdatBytes)]));
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
