import { checkMusicSettings } from '../../../core/media/mediaChecks';
import { chargeForMusic, estimateMusicCredits } from '../../../core/media/mediaCharge';
import { musicModelFields } from '../../../core/media/mediaFormFields';
import { mediaEstimateOperation } from '../shared/mediaEstimate';

export const estimateMusicCreditsOperation = mediaEstimateOperation('music', {
	fields: musicModelFields.filter((field) => field.name === 'model'),
	settings: { model: 'model' },
	check: checkMusicSettings,
	estimate: estimateMusicCredits,
	charge: chargeForMusic,
});
