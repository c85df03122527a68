import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { credentialCallbackSecret, SECRET_PARAMETER, secretMatches, withCallbackSecret } from '../../core/callbackSecret';
import { pathParameterProblem } from '../../core/api/pathParameters';
import { answeredIds, asResult, kindOfId, MEDIA_KINDS } from '../../core/api/mediaKinds';
import { checkResult } from '../../core/api/results';
import type { VideoRecord } from '../../core/videoStatus';
import { eventItem } from '../eventItem';
import { readTriggerSettings, wantsEvent } from '../settings';
import { eventName, replyRefOf, videoEvent } from '../videoEvent';
import { firstDelivery } from './deliveryMemory';
import { emitTestEvent } from './testEvent';

function refuse(context: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error });
	return { noWebhookResponse: true };
}

/** Answers 200 without starting the workflow, saying why. */
const skipped = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, started: false, reason } });

/** Starts the workflow with one item and answers 200 with `answer` (the node's responseData is empty). */
/** A call to the Test URL: the editor's execution shows the item (see testEvent.ts). */
function testEvent(context: IWebhookFunctions, item: INodeExecutionData, answer: IDataObject): IWebhookResponseData {
	return { workflowData: emitTestEvent(context, [[item]]), webhookResponse: answer };
}

/** The result as useapi holds it, keeping the callback's replyRef when the record lacks one. */
async function fetchRecord(context: IWebhookFunctions, videoId: string, callback: IDataObject): Promise<VideoRecord> {
	const replyRef = replyRefOf(callback);
	const record = await checkResult(context, videoId);
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
	return testEvent(context, { json }, json);
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
	const videoId = answeredIds(body)[0]?.trim() ?? '';
	if (!videoId) return refuse(this, 400, 'Not a PixVerse callback: video_id, image_id or audio_id is missing');
	const badId = pathParameterProblem(MEDIA_KINDS[kindOfId(videoId)].idField, videoId);
	if (badId) return refuse(this, 400, `Not a PixVerse callback: ${badId.message}`);

	const settings = readTriggerSettings(this);
	let record: VideoRecord = asResult(videoId, body);
	// A file is only ever downloaded from the URL useapi gives this node's own GET, never from the body.
	if (settings.fetchRecord || settings.download) {
		try {
			record = await fetchRecord(this, videoId, body);
		} catch (error) {
			return refuse(this, 502, `Could not check ${MEDIA_KINDS[kindOfId(videoId)].noun} ${videoId} with useapi.net: ${(error as Error).message}`);
		}
	}
	const event = videoEvent(record);
	if (!wantsEvent(settings, event, record)) return skipped(`${event} event filtered out`);
	// The editor's test listener shows every matching callback, also one it has seen before.
	if (this.getMode() !== 'manual' && !firstDelivery(this, videoId, eventName(event, record))) return skipped('already delivered');
	const item = await eventItem(this, record, event, settings);
	if (this.getMode() === 'manual') return testEvent(this, item, { received: true, started: true, event });
	// Answered here, before n8n queues the run: n8n saves the trigger's static data (the delivery
	// memory) when the answer goes out. Left to n8n's onReceived answer, sent after the run is
	// queued, the save finds nothing to do: building the run's workflow clears the "changed" mark
	// of the same static data object (n8n 2.41: live-webhooks.js, ObservableObject).
	this.getResponseObject().status(200).json({ received: true, started: true, event, dedupe_key: item.json.dedupe_key });
	return { noWebhookResponse: true, workflowData: [[item]] };
}
