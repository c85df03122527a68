/**
 * Reads the text fields of a multipart/form-data body. File parts are skipped: generation
 * endpoints take uploaded paths as text, never the files themselves.
 */
export function parseMultipart(body: Buffer, boundary: string): Record<string, string> {
	const delimiter = Buffer.from(`--${boundary}`);
	const fields: Record<string, string> = {};
	let position = body.indexOf(delimiter);
	while (position !== -1) {
		const partStart = position + delimiter.length;
		if (body.subarray(partStart, partStart + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, partStart);
		if (next === -1) break;
		const part = body.subarray(partStart, next);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd !== -1) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const name = /(?:^|;)\s*name="([^"]*)"/im.exec(headers)?.[1];
			if (name !== undefined && !/filename\*?=/i.test(headers)) {
				fields[name] = withoutTrailingNewline(part.subarray(headerEnd + 4)).toString('utf8');
			}
		}
		position = next;
	}
	return fields;
}

function withoutTrailingNewline(content: Buffer): Buffer {
	return content.subarray(content.length - 2).toString() === '\r\n' ? content.subarray(0, content.length - 2) : content;
}

export function boundaryOf(contentType: string): string | undefined {
	return /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)?.slice(1).find(Boolean)?.trim();
}
