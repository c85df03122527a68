import { accountForListing } from '../admission';
import type { Router } from '../http/router';
import { json } from '../http/reply';
import { DOCUMENTED_UPLOAD_TYPES, UPLOAD_TYPES } from '../state/uploads';
import { subjectMarkerScanner } from '../subjectMarker';
import { invalid } from '../validation/fields';
import type { World } from '../world';

/** POST /files: the raw body is counted while it streams in, never held in memory. */
export function registerFileRoutes(router: Router, world: World): void {
	router.add('POST', '/v2/pixverse/files', async (ctx) => {
		const account = accountForListing(world.accounts, ctx.query.get('email'));
		const contentType = ctx.contentType.split(';')[0].trim();
		if (!UPLOAD_TYPES[contentType]) {
			throw invalid(
				`Content-Type ${contentType || '(none)'} is not supported; allowed: ${DOCUMENTED_UPLOAD_TYPES.join(', ')}`,
			);
		}
		const marker = subjectMarkerScanner();
		const size = await ctx.streamBody((chunk) => marker.feed(chunk));
		if (size === 0) throw invalid('The request body is empty: send the file bytes as the body');
		const upload = world.uploads.add(contentType, size, account.email, marker.found);
		const url = `${ctx.baseUrl}/media/${upload.path}`;
		if (upload.kind !== 'image') return json(200, { path: upload.path, url });
		return json(200, {
			result: [{ id: upload.id, url, path: upload.path, size, name: upload.name, category: 0, err_msg: '' }],
		});
	});
}
