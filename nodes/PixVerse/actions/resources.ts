import { accountResource } from './account';
import { effectResource } from './effect';
import { fileResource } from './file';
import type { ResourceDefinition } from './operation';
import { schedulerResource } from './scheduler';
import { restyleResource } from './restyle';
import { videoResource } from './video';
import { voiceResource } from './voice';

/** Every resource of the node, in the order the editor lists them. */
export const RESOURCES: ResourceDefinition[] = [videoResource, fileResource, accountResource, schedulerResource, effectResource, voiceResource, restyleResource];
