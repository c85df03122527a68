import { checkImageSettings } from '../../../core/media/mediaChecks';
import { chargeForImage, estimateImageCredits } from '../../../core/media/mediaCharge';
import { imageModelFields } from '../../../core/media/mediaFormFields';
import { mediaEstimateOperation } from '../shared/mediaEstimate';

export const estimateImageCreditsOperation = mediaEstimateOperation('image', {
	fields: imageModelFields.filter((field) => ['model', 'quality', 'detailLevel'].includes(field.name)),
	settings: { model: 'model', quality: 'quality', detailLevel: 'detail_level' },
	check: checkImageSettings,
	estimate: estimateImageCredits,
	charge: chargeForImage,
});
