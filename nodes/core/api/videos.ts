import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { redactSecrets } from '../redact';
import type { PixverseContext } from '../transport/request';
import type { CallOptions, Endpoint } from './endpoints';
import { callEndpoint, ENDPOINTS } from './endpoints';
import { answeredIds } from './mediaKinds';


/** The endpoints that start a paid job. */
export type GenerationEndpoint = Extract<
	Endpoint,
	'create' | 'createFrames' | 'createTransition' | 'createFusion' | 'motionControl' | 'extend' | 'upscale' | 'modify' | 'restyle' | 'lipsync' | 'createImage' | 'createSpeech' | 'createMusic'
>;

export interface AcceptedGeneration {
	/** The job's id, whatever its kind (named videoId, as the runtime reads every kind as a video). */
	videoId: string;
	answer: IDataObject;
}

/** The answer when every eligible account is at its concurrency limit: nothing was accepted. */
export const BUSY = 'busy';

/**
 * POSTs a generation. It is never sent again once it may have been accepted (the transport
 * retries a generation only on 429). A 429 comes back as BUSY: nothing started, try when a slot
 * frees. The answer must name the job (`video_id`, `image_id`, `audio_id`, or `success_ids` for
 * images; one is made per request).
 */
export async function submitGeneration(context: PixverseContext, endpoint: GenerationEndpoint, body: IDataObject, options: CallOptions = {}): Promise<AcceptedGeneration | typeof BUSY> {
	const response = await callEndpoint(context, endpoint, { ...options, body, kind: 'generation', passStatuses: [429] });
	if (response.statusCode === 429) return BUSY;
	const answer = (response.body ?? {}) as IDataObject;
	const [videoId] = answeredIds(answer);
	if (!videoId) {
		throw new NodeOperationError(context.getNode(), 'PixVerse accepted the request but returned no ID', {
			itemIndex: options.itemIndex,
			description: `useapi.net answered ${ENDPOINTS[endpoint]} with: ${redactSecrets(JSON.stringify(answer)).slice(0, 300)}. Check Get Many before running again.`,
		});
	}
	return { videoId, answer };
}
