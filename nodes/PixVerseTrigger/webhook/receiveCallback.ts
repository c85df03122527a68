import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { credentialCallbackSecret, SECRET_PARAMETER, secretMatches, withCallbackSecret } from '../../core/callbackSecret';
import { pathParameterProblem } from '../../core/api/pathParameters';
import { getVideo } from '../../core/api/videos';
import type { VideoRecord } from '../../core/videoStatus';
import { eventItem } from '../eventItem';
import { readTriggerSettings, wantsEvent } from '../settings';
import { replyRefOf, videoEvent } from '../videoEvent';
import { firstDelivery } from './deliveryMemory';
import { emitTestEvent } from './testEvent';

function refuse(context: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error });
	return { noWebhookResponse: true };
}

/** Answers 200 without starting the workflow, saying why. */
const skipped = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, started: false, reason } });

/** Starts the workflow with one item and answers 200 with `answer` (the node's responseData is empty). */
function started(context: IWebhookFunctions, item: INodeExecutionData, answer: IDataObject): IWebhookResponseData {
	const workflowData = [[item]];
	return { workflowData: context.getMode() === 'manual' ? emitTestEvent(context, workflowData) : workflowData, webhookResponse: answer };
}

/** The video as useapi holds it, keeping the callback's replyRef when the record lacks one. */
async function fetchRecord(context: IWebhookFunctions, videoId: string, callback: IDataObject): Promise<VideoRecord> {
	const replyRef = replyRefOf(callback);
	const record = (await getVideo(context, videoId)) ?? { video_id: videoId, video_status_name: 'PROCESSING', video_status_final: false };
	if (replyRefOf(record) === undefined && replyRef !== undefined) record.replyRef = replyRef;
	return record;
}

/**
 * A GET on the test URL while the editor listens: the page and the node's output show the
 * production URL with its secret, to set as the useapi account's default callback. The production
 * URL never tells it.
 */
async function revealCallbackUrl(context: IWebhookFunctions, secret: string): Promise<IWebhookResponseData> {
	if (context.getMode() !== 'manual') return refuse(context, 405, 'Send PixVerse callbacks with POST');
	const productionUrl = context.getNodeWebhookUrl('default') ?? '';
	const json = {
		callback_url: withCallbackSecret(productionUrl, secret),
		note: "This trigger's production URL with its secret: use it as the replyUrl of a request or as the default callback URL of your useapi.net account. Keep it private.",
	};
	return started(context, { json }, json);
}

/**
 * One useapi.net callback: refused (401) without the trigger's secret, checked against the API
 * when asked (always when downloading), filtered, deduplicated, then emitted as one item.
 */
export async function receiveCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await credentialCallbackSecret(this);
	if (!secret) {
		return refuse(this, 403, "Forbidden: the PixVerse Trigger's useapi.net credential has no API token, so it accepts no callback. Set the API token in the credential.");
	}
	if (this.getRequestObject().method === 'GET') return await revealCallbackUrl(this, secret);
	const query = this.getQueryData() as IDataObject;
	if (!secretMatches(query[SECRET_PARAMETER], secret)) {
		return refuse(this, 401, 'Unauthorized: this callback URL lacks the secret of the PixVerse Trigger. Set the URL as Callback URL on a PixVerse node using the same useapi.net credential: it adds the secret.');
	}
	const body = this.getBodyData();
	const videoId = typeof body.video_id === 'string' ? body.video_id.trim() : '';
	if (!videoId) return refuse(this, 400, 'Not a PixVerse video callback: video_id is missing');
	const badId = pathParameterProblem('video_id', videoId);
	if (badId) return refuse(this, 400, `Not a PixVerse video callback: ${badId.message}`);

	const settings = readTriggerSettings(this);
	let record: VideoRecord = { ...body, video_id: videoId };
	// A file is only ever downloaded from the URL useapi gives this node's own GET, never from the body.
	if (settings.fetchRecord || settings.download) {
		try {
			record = await fetchRecord(this, videoId, body);
		} catch (error) {
			return refuse(this, 502, `Could not check video ${videoId} with useapi.net: ${(error as Error).message}`);
		}
	}
	const event = videoEvent(record);
	if (!wantsEvent(settings, event, record)) return skipped(`${event} event filtered out`);
	// The editor's test listener shows every matching callback, also one it has seen before.
	if (this.getMode() !== 'manual' && !firstDelivery(this, videoId, event, record)) return skipped('already delivered');
	return started(this, await eventItem(this, record, event, settings), { received: true, started: true, event });
}
