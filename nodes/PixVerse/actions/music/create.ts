import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../core/api/endpoints';
import { checkMusicSettings } from '../../../core/media/mediaChecks';
import { chargeForMusic } from '../../../core/media/mediaCharge';
import { musicModelFields } from '../../../core/media/mediaFormFields';
import { MUSIC_MODELS } from '../../../core/media/musicModels';
import type { OperationDefinition } from '../operation';
import { promptField } from '../shared/commonFields';
import type { PreparedGeneration } from '../shared/generation';
import { generationOptions, rejectProblems } from '../shared/generation';
import { readMediaSettings, readReferenceImages, referenceImageFields } from '../shared/mediaSettings';

const fields: INodeProperties[] = [
	promptField('The music: genre, mood, instruments, tempo', { required: true }),
	...musicModelFields,
	...referenceImageFields(
		'Images whose mood the music follows',
		{ model: MUSIC_MODELS.filter((model) => model.maxReferenceImages).map((model) => model.id) },
	),
	...generationOptions('music'),
];

/** Reads the form, checks it against the music model's rules and prepares POST /music/create. */
function prepareCreateMusic(context: IExecuteFunctions, itemIndex: number): PreparedGeneration {
	const settings: IDataObject = {
		prompt: context.getNodeParameter('prompt', itemIndex, '') as string,
		...readMediaSettings(context, itemIndex, { model: 'model', instrumental: 'instrumental', lyrics: 'lyrics' }),
	};
	if (settings.instrumental === false) delete settings.instrumental;
	const files = readReferenceImages(context, itemIndex);
	rejectProblems(context, itemIndex, checkMusicSettings({ ...settings, referenceImages: files.length }));
	return { endpoint: 'createMusic', body: settings, files, charge: chargeForMusic(settings) };
}

export const createMusicOperation: OperationDefinition = {
	value: 'create',
	name: 'Create',
	action: 'Create a music track',
	description: 'A song or an instrumental from a prompt, with your own lyrics on the models that take them',
	endpoint: ENDPOINTS.createMusic,
	fields,
	outputsResults: true,
	mediaModels: MUSIC_MODELS.map((model) => model.id),
	run: { kind: 'generation', prepare: prepareCreateMusic },
};
