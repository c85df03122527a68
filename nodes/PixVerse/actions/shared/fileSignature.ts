import type { FileKind } from './uploadTypes';

/**
 * What a file's first bytes say it is, for the formats useapi accepts. A content type is only a
 * label (a text file can be labelled image/png); PixVerse reads the bytes.
 */
interface Signature {
	kind: FileKind;
	format: string;
	matches: (head: Buffer) => boolean;
}

const ascii = (head: Buffer, offset: number, text: string) => head.length >= offset + text.length && head.toString('latin1', offset, offset + text.length) === text;
const bytes = (head: Buffer, offset: number, values: number[]) => values.every((value, index) => head[offset + index] === value);
const riff = (head: Buffer, form: string) => ascii(head, 0, 'RIFF') && ascii(head, 8, form);
/** ISO base media (MP4, MOV, 3GP): a box type at bytes 4-8. */
const ISO_BOXES = ['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot'];

const SIGNATURES: Signature[] = [
	{ kind: 'image', format: 'PNG', matches: (head) => bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
	{ kind: 'image', format: 'JPEG', matches: (head) => bytes(head, 0, [0xff, 0xd8, 0xff]) },
	{ kind: 'image', format: 'GIF', matches: (head) => ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a') },
	{ kind: 'image', format: 'WebP', matches: (head) => riff(head, 'WEBP') },
	{ kind: 'video', format: 'MP4/MOV/3GP', matches: (head) => ISO_BOXES.some((box) => ascii(head, 4, box)) },
	{ kind: 'video', format: 'Matroska/WebM', matches: (head) => bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3]) },
	{ kind: 'video', format: 'AVI', matches: (head) => riff(head, 'AVI ') },
	{ kind: 'video', format: 'FLV', matches: (head) => ascii(head, 0, 'FLV') },
	{ kind: 'video', format: 'MPEG', matches: (head) => bytes(head, 0, [0x00, 0x00, 0x01]) && (head[3] === 0xba || head[3] === 0xb3) },
	{ kind: 'video', format: 'MPEG-TS', matches: (head) => head[0] === 0x47 && (head.length < 189 || head[188] === 0x47) },
	{ kind: 'video', format: 'Ogg', matches: (head) => ascii(head, 0, 'OggS') },
	{ kind: 'video', format: 'Motion JPEG', matches: (head) => bytes(head, 0, [0xff, 0xd8, 0xff]) },
	{ kind: 'audio', format: 'WAV', matches: (head) => riff(head, 'WAVE') },
	{ kind: 'audio', format: 'MP3', matches: (head) => ascii(head, 0, 'ID3') || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0) },
];

/** How many leading bytes the signatures need. */
export const SIGNATURE_BYTES = 192;

/** The formats of this kind the bytes match; empty when they match none. */
export function formatsOf(head: Buffer, kind: FileKind): string[] {
	return SIGNATURES.filter((signature) => signature.kind === kind && signature.matches(head)).map((signature) => signature.format);
}

export function formatNames(kind: FileKind): string {
	return SIGNATURES.filter((signature) => signature.kind === kind).map((signature) => signature.format).join(', ');
}
