import { checkSpeechSettings } from '../../../core/media/mediaChecks';
import { chargeForSpeech, estimateSpeechCredits } from '../../../core/media/mediaCharge';
import { speechModelFields } from '../../../core/media/mediaFormFields';
import { mediaEstimateOperation } from '../shared/mediaEstimate';

export const estimateSpeechCreditsOperation = mediaEstimateOperation('speech', {
	fields: [
		...speechModelFields.filter((field) => field.name === 'model'),
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'The words to speak: speech is priced by its length in characters',
		},
	],
	settings: { model: 'model', text: 'text' },
	check: checkSpeechSettings,
	estimate: estimateSpeechCredits,
	charge: chargeForSpeech,
});
