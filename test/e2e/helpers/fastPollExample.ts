import type { IDataObject } from 'n8n-workflow';
import { exampleWorkflow, readWorkflow, type WorkflowJson } from '../../../scripts/n8n';

/**
 * An example workflow (examples/<name>.json) whose polling PixVerse nodes check every second. The
 * examples keep the node's default Poll Interval (10 s), sized for real renders; the simulator's
 * time-scaled renders finish within a second or two, so the default would only add waiting.
 */
export function fastPollExample(name: string): WorkflowJson {
	const workflow = readWorkflow(exampleWorkflow(name));
	for (const node of workflow.nodes as Array<{ type: string; parameters: IDataObject }>) {
		if (node.type.endsWith('.pixVerse') && node.parameters.waitMode === 'poll') node.parameters.pollInterval = 1;
	}
	return workflow;
}
