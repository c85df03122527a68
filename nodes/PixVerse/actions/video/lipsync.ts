import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ModelDeclaration } from '../../../core/models/formFields';
import type { SettingProblem } from '../../../core/models/validate';
import { ENDPOINTS } from '../../../core/api/endpoints';
import { unpricedOperation } from '../../../core/models/generationCharge';
import type { OperationDefinition } from '../operation';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';
import type { SourceChoiceSpec } from '../shared/sourceChoice';
import { readSourceChoice, sourceChoiceFields } from '../shared/sourceChoice';
import { checkSourceVideo, readVideoSource, videoSourceFields } from '../shared/videoSource';

/** useapi's limit for lip-sync text-to-speech. */
export const SPEECH_TEXT_MAX_LENGTH = 200;

/** Lip sync has no model to choose: it works on videos of these models. */
const MODEL: ModelDeclaration = { operation: 'lipsync' };

const AUDIO_SOURCE: SourceChoiceSpec = {
	name: 'audio',
	displayName: 'Audio Source',
	kind: 'audio',
	apiField: 'audio_path',
	description: 'What the lips follow: speech made from a short text, or an audio track (at most 60 seconds, or PixVerse fails the video)',
	choice: { name: 'Text to Speech', value: 'tts', description: "Speak a short text in one of PixVerse's voices" },
	defaultBinary: 'data',
	fromResult: 'speech',
};

const whenSpeech = { show: { audioSource: ['tts'] } };

const fields: INodeProperties[] = [
	...videoSourceFields(),
	...sourceChoiceFields(AUDIO_SOURCE),
	{
		displayName: 'Speech Text',
		name: 'speechText',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		displayOptions: whenSpeech,
		description: `The words to speak, up to ${SPEECH_TEXT_MAX_LENGTH} characters`,
	},
	{
		displayName: 'Voice Name or ID',
		name: 'speakerId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVoices', loadOptionsDependsOn: ['account'] },
		default: '',
		required: true,
		displayOptions: whenSpeech,
		description: 'The voice that speaks the text. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Keep Original Sound',
		name: 'originalSound',
		type: 'boolean',
		default: false,
		description: "Whether to keep the video's own soundtrack under the new voice",
	},
	{
		displayName: 'Off-Peak Mode',
		name: 'offPeakMode',
		type: 'boolean',
		default: false,
		description: 'Whether to render at off-peak time at a discount; delivery can take up to 24 hours',
	},
	...generationOptions(),
];

/** Text-to-speech needs a text of at most 200 characters and a voice. */
export function checkSpeech(text: string, speakerId: string): SettingProblem[] {
	const problems: SettingProblem[] = [];
	if (!text.trim()) {
		problems.push({ field: 'speechText', value: text, message: 'Speech Text is empty; give the words to speak (up to 200 characters), or choose another Audio Source' });
	} else if (text.length > SPEECH_TEXT_MAX_LENGTH) {
		problems.push({ field: 'speechText', value: `${text.length} characters`, message: `Speech Text is ${text.length} characters long; lip-sync text-to-speech takes at most ${SPEECH_TEXT_MAX_LENGTH}` });
	}
	if (!speakerId.trim()) {
		problems.push({ field: 'speakerId', value: speakerId, message: `No voice chosen for the speech; pick one under "Voice Name or ID" (the list comes from ${ENDPOINTS.listVoices})` });
	}
	return problems;
}

/** Prepares POST /videos/lipsync: the video (of a model lip sync takes), then an audio track or text-to-speech. */
async function prepareLipsync(context: IExecuteFunctions, itemIndex: number): Promise<PreparedGeneration> {
	const source = readVideoSource(context, itemIndex);
	const audio = readSourceChoice(context, itemIndex, AUDIO_SOURCE);
	const body: IDataObject = { ...source.body };
	if (!audio) {
		const text = String(context.getNodeParameter('speechText', itemIndex, '') ?? '');
		const speakerId = String(context.getNodeParameter('speakerId', itemIndex, '') ?? '');
		rejectProblems(context, itemIndex, checkSpeech(text, speakerId));
		body.prompt = text;
		body.speaker_id = speakerId.trim();
	}
	await checkSourceVideo(context, itemIndex, 'lipsync', source.body.video_id as string | undefined);
	body.original_sound_switch = context.getNodeParameter('originalSound', itemIndex, false) as boolean;
	if (context.getNodeParameter('offPeakMode', itemIndex, false) as boolean) body.off_peak_mode = true;
	return { endpoint: 'lipsync', body, files: audio ? [...source.files, audio] : source.files, charge: unpricedOperation('Lip Sync') };
}

export const lipsyncOperation: OperationDefinition = {
	value: 'lipsync',
	name: 'Lip Sync',
	action: 'Lip-sync a video',
	description: 'Make the people in a video speak an audio track or a text in a chosen voice',
	endpoint: ENDPOINTS.lipsync,
	fields,
	outputsResults: true,
	model: MODEL,
	run: { kind: 'generation', prepare: prepareLipsync },
};
