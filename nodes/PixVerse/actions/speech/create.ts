import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { checkSpeechSettings } from '../../../core/media/mediaChecks';
import { chargeForSpeech } from '../../../core/media/mediaCharge';
import { speechModelFields } from '../../../core/media/mediaFormFields';
import { SPEECH_MODELS, SPEECH_SETTINGS } from '../../../core/media/speechModels';
import type { OperationDefinition } from '../operation';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';
import { readMediaSettings, settingsFrom } from '../shared/mediaSettings';

const fields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The words to speak; how long a text the model takes is shown under Model',
	},
	...speechModelFields,
	{
		displayName: 'Voice Name or ID',
		name: 'voiceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSpeechVoices', loadOptionsDependsOn: ['model', 'account'] },
		default: '',
		required: true,
		description:
			'A voice of the chosen model\'s provider (MiniMax or ElevenLabs), e.g. minimax_english_radiant_girl. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...generationOptions('speech'),
];

const VOICE_SETTING_FIELDS = Object.fromEntries(SPEECH_SETTINGS.map(({ parameter, field }) => [parameter, field]));

/** The Voice Settings the user added, by request field; an empty text means "not set". */
function readVoiceSettings(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const added = context.getNodeParameter('voiceSettings', itemIndex, {}) as IDataObject;
	return settingsFrom((parameter) => added[parameter], VOICE_SETTING_FIELDS);
}

/** Reads the form, checks the text and voice settings against the speech model and prepares POST /speech/create. */
function prepareCreateSpeech(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const settings: IDataObject = {
		text: context.getNodeParameter('text', itemIndex, '') as string,
		...readMediaSettings(context, itemIndex, { voiceId: 'voice_id', model: 'model' }),
		...readVoiceSettings(context, itemIndex),
	};
	rejectProblems(context, itemIndex, checkSpeechSettings(settings));
	return { endpoint: 'createSpeech', body: settings, files: [], charge: chargeForSpeech(settings) };
}

export const createSpeechOperation: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create speech from text',
	description: 'Text to speech in a MiniMax or ElevenLabs voice, e.g. the voice-over for Video → Lip Sync',
	endpoint: ENDPOINTS.createSpeech,
	fields,
	outputsResults: true,
	mediaModels: SPEECH_MODELS.map((model) => model.id),
	run: { kind: 'generation', prepare: prepareCreateSpeech },
};
