import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { readWorkflow, type WorkflowJson, type WorkflowSource } from './importData';
import { REPO_ROOT } from './packedPackage';

/** The pipeline example: a CSV of prompts in, one MP4 file per row out. */
export const PIPELINE_EXAMPLE = 'csv-batch-to-files';
export const SAMPLE_CSV = join(REPO_ROOT, 'examples', 'prompts.csv');

export interface PipelinePaths {
	csvPath: string;
	outputFolder: string;
}

interface SettingsNode {
	name: string;
	parameters: IDataObject & { assignments?: { assignments: Array<{ name: string; value: unknown }> } };
}

/** The example with its Settings node (the one place that names paths) pointed at `paths`. */
export function pipelineWorkflow(source: WorkflowSource, paths: PipelinePaths): WorkflowJson {
	const workflow = structuredClone(readWorkflow(source));
	const settings = (workflow.nodes as SettingsNode[]).find((node) => node.name === 'Settings');
	if (!settings?.parameters.assignments) throw new Error('the pipeline example has no Settings node with assignments');
	for (const assignment of settings.parameters.assignments.assignments) {
		if (assignment.name in paths) assignment.value = paths[assignment.name as keyof PipelinePaths];
	}
	return workflow;
}

/**
 * A folder holding a copy of the sample CSV and an empty `videos/` for the MP4s; n8n's file nodes
 * may use it once N8N_RESTRICT_FILE_ACCESS_TO names it.
 */
export function pipelineFolder(folder: string): PipelinePaths {
	const paths = { csvPath: join(folder, 'prompts.csv'), outputFolder: join(folder, 'videos') };
	mkdirSync(paths.outputFolder, { recursive: true });
	copyFileSync(SAMPLE_CSV, paths.csvPath);
	return paths;
}
