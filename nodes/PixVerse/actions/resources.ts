import type { ResourceDefinition } from './operation';
import { videoResource } from './video';

/** Every resource of the node, in the order the editor lists them. */
export const RESOURCES: ResourceDefinition[] = [videoResource];
