/** Content types POST /files accepts (useapi's list). */
export const UPLOAD_TYPES = {
	image: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
	video: [
		'video/mp4', 'video/quicktime', 'video/3gpp', 'video/x-matroska', 'video/x-flv', 'video/mpeg',
		'video/MP2T', 'video/x-msvideo', 'video/x-motion-jpeg', 'video/webm', 'video/ogg',
	],
	audio: ['audio/wav', 'audio/wave', 'audio/mpeg'],
} as const;

export type FileKind = keyof typeof UPLOAD_TYPES;
