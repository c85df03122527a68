import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { videoItem } from './outputItems';

/** Return All / Limit over a catalog fetched whole (useapi does not page voices or restyles). */
export function catalogItems(context: IExecuteFunctions, itemIndex: number, entries: IDataObject[]): INodeExecutionData[] {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	return (returnAll ? entries : entries.slice(0, Math.max(0, limit))).map((entry) => videoItem(entry, itemIndex));
}
