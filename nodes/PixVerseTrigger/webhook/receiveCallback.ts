import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { credentialCallbackSecret, SECRET_PARAMETER, secretMatches, withCallbackSecret } from '../../core/callbackSecret';
import { getVideo } from '../../core/api/videos';
import type { VideoRecord } from '../../core/videoStatus';
import { eventItem } from '../eventItem';
import { readTriggerSettings, wantsEvent } from '../settings';
import { eventName, replyRefOf, videoEvent } from '../videoEvent';
import { firstDelivery } from './deliveryMemory';

function refuse(context: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error });
	return { noWebhookResponse: true };
}

/** Answers 200 without starting the workflow, saying why. */
const skipped = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, started: false, reason } });

/** The video as useapi holds it, keeping the callback's replyRef when the record lacks one. */
async function fetchRecord(context: IWebhookFunctions, videoId: string, callback: IDataObject): Promise<VideoRecord> {
	const replyRef = replyRefOf(callback);
	const record = (await getVideo(context, videoId)) ?? { video_id: videoId, video_status_name: 'PROCESSING', video_status_final: false };
	if (replyRefOf(record) === undefined && replyRef !== undefined) record.replyRef = replyRef;
	return record;
}

/**
 * A GET on the test URL while the editor listens: the output shows the production URL with its
 * secret, to set as the useapi account's default callback. The production URL never tells it.
 */
async function revealCallbackUrl(context: IWebhookFunctions, secret: string): Promise<IWebhookResponseData> {
	if (context.getMode() !== 'manual') return refuse(context, 405, 'Send PixVerse callbacks with POST');
	const productionUrl = context.getNodeWebhookUrl('default') ?? '';
	return {
		workflowData: [
			[
				{
					json: {
						callback_url: withCallbackSecret(productionUrl, secret),
						note: "This trigger's production URL with its secret: use it as the replyUrl of a request or as the default callback URL of your useapi.net account. Keep it private.",
					},
				},
			],
		],
	};
}

/**
 * One useapi.net callback: refused (401) without the trigger's secret, checked against the API
 * when asked, filtered, deduplicated, then emitted as one item.
 */
export async function receiveCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getRequestObject().method === 'GET') return await revealCallbackUrl(this, await credentialCallbackSecret(this));
	const query = this.getQueryData() as IDataObject;
	if (!secretMatches(query[SECRET_PARAMETER], await credentialCallbackSecret(this))) {
		return refuse(this, 401, 'Unauthorized: this callback URL lacks the secret of the PixVerse Trigger. Set the URL as Callback URL on a PixVerse node using the same useapi.net credential: it adds the secret.');
	}
	const body = this.getBodyData();
	const videoId = typeof body.video_id === 'string' ? body.video_id.trim() : '';
	if (!videoId) return refuse(this, 400, 'Not a PixVerse video callback: video_id is missing');

	const settings = readTriggerSettings(this);
	let record: VideoRecord = { ...body, video_id: videoId };
	if (settings.fetchRecord) {
		try {
			record = await fetchRecord(this, videoId, body);
		} catch (error) {
			return refuse(this, 502, `Could not check video ${videoId} with useapi.net: ${(error as Error).message}`);
		}
	}
	const event = videoEvent(record);
	if (!wantsEvent(settings, event, record)) return skipped(`${event} event filtered out`);
	// The editor's test listener shows every matching callback, also one it has seen before.
	if (this.getMode() !== 'manual' && !firstDelivery(this, videoId, eventName(event, record))) return skipped('already delivered');
	const item = await eventItem(this, record, event, settings);
	// Answered here, before n8n queues the run: n8n saves the trigger's static data (the delivery
	// memory) when the answer goes out. Left to n8n's onReceived answer, sent after the run is
	// queued, the save finds nothing to do: building the run's workflow clears the "changed" mark
	// of the same static data object (n8n 2.41: live-webhooks.js, ObservableObject).
	this.getResponseObject().status(200).json({ received: true, started: true, dedupe_key: item.json.dedupe_key });
	return { noWebhookResponse: true, workflowData: [[item]] };
}
