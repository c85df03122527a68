import { accountResource } from './account';
import { effectResource } from './effect';
import { fileResource } from './file';
import { imageResource } from './image';
import { musicResource } from './music';
import type { ResourceDefinition } from './operation';
import { schedulerResource } from './scheduler';
import { restyleResource } from './restyle';
import { speechResource } from './speech';
import { videoResource } from './video';
import { voiceResource } from './voice';

/** Every resource of the node, in the order the editor lists them. */
export const RESOURCES: ResourceDefinition[] = [videoResource, imageResource, speechResource, musicResource, fileResource, accountResource, schedulerResource, effectResource, voiceResource, restyleResource];
