import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ModelDeclaration } from '../../core/models/formFields';
import type { PreparedGeneration } from './shared/generation';

/**
 * How an operation runs over the input items:
 * - `generation`: prepare each item (no generation requests; catalog GETs are fine), then submit,
 *   wait and download as a batch;
 * - `perItem`: one result item per input item;
 * - `list`: any number of result items per input item (catalogs, lists);
 * - `batch`: all input items at once (waiting for many videos together), pairing its own items.
 */
export type OperationRun =
	| { kind: 'generation'; prepare: (context: IExecuteFunctions, itemIndex: number) => PreparedGeneration | Promise<PreparedGeneration> }
	| { kind: 'perItem'; execute: (context: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData> }
	| { kind: 'list'; execute: (context: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]> }
	| { kind: 'batch'; execute: (context: IExecuteFunctions) => Promise<INodeExecutionData[]> };

export interface OperationDefinition {
	value: string;
	name: string;
	/** The verb phrase n8n shows in the actions list and to AI agents. */
	action: string;
	description: string;
	/** The fields of this operation, without displayOptions for resource/operation (added for you). */
	fields: INodeProperties[];
	run: OperationRun;
	/** Whether its output items are video (or image, speech, music) records, which the Simplify option can shorten. */
	outputsResults?: boolean;
	/** Which video models the operation takes (its model operation key, model fields and default model), if any. */
	model?: ModelDeclaration;
	/** The models of an image, speech or music operation (their fields come from the media declarations), for the operations table. */
	mediaModels?: readonly string[];
	/** The endpoint, for the README's operations table, e.g. `POST /videos/create`. */
	endpoint: string;
}

export interface ResourceDefinition {
	value: string;
	name: string;
	operations: OperationDefinition[];
}
