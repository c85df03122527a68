import { crc32, deflateSync } from 'node:zlib';

/** Greyscale PNGs: every video's first frame, and the pictures of image jobs. */

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length, 0);
	const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed), 0);
	return Buffer.concat([length, typed, crc]);
}

/**
 * An 8-bit greyscale PNG of the given size: flat grey, or with `shade` a vertical gradient starting
 * at that grey level, so the pictures of different jobs differ.
 */
export function greyPng(width: number, height: number, shade?: number): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // greyscale
	const stride = width + 1;
	const rows = Buffer.alloc(stride * height);
	for (let row = 0; row < height; row++) {
		rows[row * stride] = 0; // filter byte: none
		const grey = shade === undefined ? 0x80 : (shade + Math.floor((row * 255) / height)) % 256;
		rows.fill(grey, row * stride + 1, (row + 1) * stride);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** A 16x9 grey PNG served as every video's first frame. */
export const FIRST_FRAME_PNG = greyPng(16, 9);
