import { randomUUID } from 'node:crypto';

export type UploadKind = 'image' | 'video' | 'audio';

/** Content types POST /files accepts (section 4), lower-cased, with the extension given to the stored path. */
export const UPLOAD_TYPES: Record<string, { kind: UploadKind; ext: string }> = {
	'image/png': { kind: 'image', ext: 'png' },
	'image/jpeg': { kind: 'image', ext: 'jpg' },
	'image/gif': { kind: 'image', ext: 'gif' },
	'image/webp': { kind: 'image', ext: 'webp' },
	'video/mp4': { kind: 'video', ext: 'mp4' },
	'video/quicktime': { kind: 'video', ext: 'mov' },
	'video/3gpp': { kind: 'video', ext: '3gp' },
	'video/x-matroska': { kind: 'video', ext: 'mkv' },
	'video/x-flv': { kind: 'video', ext: 'flv' },
	'video/mpeg': { kind: 'video', ext: 'mpeg' },
	'video/mp2t': { kind: 'video', ext: 'ts' },
	'video/x-msvideo': { kind: 'video', ext: 'avi' },
	'video/x-motion-jpeg': { kind: 'video', ext: 'mjpg' },
	'video/webm': { kind: 'video', ext: 'webm' },
	'video/ogg': { kind: 'video', ext: 'ogv' },
	'audio/wav': { kind: 'audio', ext: 'wav' },
	'audio/wave': { kind: 'audio', ext: 'wav' },
	'audio/mpeg': { kind: 'audio', ext: 'mp3' },
};

/** The spelling the documentation uses, for error messages. */
export const DOCUMENTED_UPLOAD_TYPES = Object.keys(UPLOAD_TYPES).map((type) => (type === 'video/mp2t' ? 'video/MP2T' : type));

export interface Upload {
	id: number;
	path: string;
	name: string;
	kind: UploadKind;
	contentType: string;
	size: number;
	email: string;
	/** An image standing for one without a clear person or animal (see subjectMarker.ts). */
	noClearSubject?: boolean;
}

/** Uploaded files by path. Paths are usable from every configured account. */
export class Uploads {
	private byPath = new Map<string, Upload>();
	private nextId = 500001;

	add(contentType: string, size: number, email: string, noClearSubject = false): Upload {
		const { kind, ext } = UPLOAD_TYPES[contentType];
		const name = `${randomUUID()}.${ext}`;
		const upload: Upload = { id: this.nextId++, path: `upload/${name}`, name, kind, contentType, size, email };
		if (noClearSubject && kind === 'image') upload.noClearSubject = true;
		this.byPath.set(upload.path, upload);
		return upload;
	}

	get(path: string): Upload | undefined {
		return this.byPath.get(path);
	}

	count(): number {
		return this.byPath.size;
	}

	clear(): void {
		this.byPath.clear();
	}
}
