import type { ResourceDefinition } from '../operation';
import { uploadOperation } from './upload';

export const fileResource: ResourceDefinition = {
	value: 'file',
	name: 'File',
	operations: [uploadOperation],
};
