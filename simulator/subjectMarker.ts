/**
 * Motion control needs a character image with a clear person or animal in it; PixVerse answers 422
 * otherwise. The simulator cannot look at pictures, so an uploaded image whose bytes contain this
 * marker stands for "no clear subject".
 */
export const NO_SUBJECT_MARKER = '[no-subject]';

/** Looks for the marker in a body as it streams in, across chunk boundaries, without keeping it. */
export function subjectMarkerScanner(): { feed(chunk: Buffer): void; readonly found: boolean } {
	const marker = Buffer.from(NO_SUBJECT_MARKER, 'latin1');
	let tail = Buffer.alloc(0);
	let found = false;
	return {
		feed(chunk: Buffer) {
			if (found) return;
			const seam = Buffer.concat([tail, chunk.subarray(0, marker.length - 1)]);
			if (seam.includes(marker) || chunk.includes(marker)) found = true;
			const joined = chunk.length >= marker.length - 1 ? chunk : Buffer.concat([tail, chunk]);
			tail = Buffer.from(joined.subarray(Math.max(0, joined.length - (marker.length - 1))));
		},
		get found() {
			return found;
		},
	};
}
