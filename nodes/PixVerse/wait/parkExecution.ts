import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Parks the execution until useapi.net calls back or the deadline passes. n8n resumes a waiting
 * node in one of two ways, and neither runs execute() again:
 * - a call to the resume URL runs webhook(), whose items become the node's output;
 * - at the deadline n8n disables the node, which then passes its *input* items on.
 * So the parked items take the place of the node's input in the execution: they are what the
 * deadline brings out (every id with its last known status), and what webhook() reads back to
 * know which videos it waits for. Nothing is kept in process memory, so any n8n instance can
 * resume the execution (queue mode). One parked item per input item keeps n8n's item pairing,
 * which it rebuilds by position on resume.
 */
export async function parkExecution(context: IExecuteFunctions, parked: INodeExecutionData[], deadline: Date): Promise<INodeExecutionData[]> {
	const executeData = context.getExecuteData();
	executeData.data = { ...executeData.data, main: [parked] };
	await context.putExecutionToWait(deadline);
	return parked;
}
